import { computed, reactive, ref, watch } from 'vue'
import { helpersApi, regionsApi, type HelperQuery } from '@/api/endpoints'
import { errorMessage, formErrors, isConflict } from '@/api/errors'
import type { EndPairing, Helper, HelperPairing, NewHelper, NewPairing } from '@/api/types'
import { markHouseholdChanged } from '@/stores/householdChanges'
import { todayInBeijing } from '@/utils/household'
import { canMakePhoneCall, makePhoneCall } from '@/utils/platform'
import { PAGE_SIZE, usePagedList } from './usePagedList'
import { sendRetryingOnce, useIdempotencyKey } from './useSubmit'

export const ALREADY_PAIRED = '这位帮扶责任人已在帮扶本户，无需重复结对'
export const CHOOSE_HELPER_FIRST = '请先选择或登记一位帮扶责任人'

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())
const DATE = /^\d{4}-\d{2}-\d{2}$/

function dateProblem(value: string, today: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value))) return '日期格式应为 2026-03-01'
  if (value > today) return '日期不能晚于今天'
  return ''
}

function reasonProblem(reason: string, missing: string): string {
  if (!reason) return missing
  if (reason.length > 200) return '原因最长 200 个字'
  return ''
}

// ---- the household's helpers (detail page, farmer window) ----

/** The fields of the end-pairing form. */
export interface EndFields {
  endDate: string
  reason: string
}

export const END_FIELDS = ['endDate', 'reason'] as const

/** The EndPairing body: the date is optional (the server takes today), not before the start nor after today. */
export function endPairingBody(
  pairing: HelperPairing,
  fields: EndFields,
  today: string = todayInBeijing(),
): { body: EndPairing | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const body: EndPairing = { reason: text(fields.reason) }
  const reasonError = reasonProblem(body.reason, '请填写结束结对的原因')
  if (reasonError) errors.reason = reasonError
  const endDate = text(fields.endDate)
  if (endDate) {
    const problem = dateProblem(endDate, today)
    if (problem) errors.endDate = problem
    else if (endDate < pairing.startDate) errors.endDate = `结束日期不能早于开始日期 ${pairing.startDate}`
    else body.endDate = endDate
  }
  return { body: Object.keys(errors).length ? null : body, errors }
}

/** A household's pairings: list, contact (full phone, logged), and ending a pairing. */
export function useHouseholdHelpers() {
  const pairings = ref<HelperPairing[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')
  /** Full numbers asked for, keyed by pairing id. */
  const phones = reactive<Record<number, string>>({})
  const contacting = ref<number | null>(null)
  const contactError = ref('')
  let householdId = 0

  const current = computed(() => pairings.value.filter((p) => p.current))
  const past = computed(() => pairings.value.filter((p) => !p.current))

  async function load(id: number) {
    householdId = id
    loading.value = true
    error.value = ''
    try {
      pairings.value = await helpersApi.pairings(id)
      loaded.value = true
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  /**
   * Asks the server for the helper's full number (each time, so each contact is on record); the mini-program
   * then opens the dialer, the browser shows the number.
   */
  async function contact(pairing: HelperPairing): Promise<string | null> {
    if (contacting.value !== null || !householdId) return null
    contacting.value = pairing.id
    contactError.value = ''
    try {
      const revealed = await helpersApi.phone(householdId, pairing.id)
      phones[pairing.id] = revealed.value
      if (canMakePhoneCall()) await makePhoneCall(revealed.value)
      return revealed.value
    } catch (e) {
      contactError.value = errorMessage(e)
      return null
    } finally {
      contacting.value = null
    }
  }

  const ending = ref<HelperPairing | null>(null)
  const endFields = reactive<EndFields>({ endDate: '', reason: '' })
  const endErrors = ref<Record<string, string>>({})
  const endError = ref('')
  const endBusy = ref(false)

  function startEnd(pairing: HelperPairing | null) {
    ending.value = pairing
    endFields.endDate = ''
    endFields.reason = ''
    endErrors.value = {}
    endError.value = ''
  }

  /** Ends the pairing being edited, then reads the list again (the order changes). */
  async function confirmEnd(): Promise<HelperPairing | null> {
    const pairing = ending.value
    if (!pairing || endBusy.value || !householdId) return null
    endError.value = ''
    const draft = endPairingBody(pairing, endFields)
    endErrors.value = draft.errors
    if (!draft.body) return null
    endBusy.value = true
    try {
      const ended = await helpersApi.end(householdId, pairing.id, draft.body)
      startEnd(null)
      await load(householdId)
      return ended
    } catch (e) {
      if (isConflict(e)) {
        // Someone else ended it meanwhile: show the list as it is now.
        endError.value = errorMessage(e)
        await load(householdId)
      } else {
        const mapped = formErrors(e, END_FIELDS)
        endErrors.value = mapped.fields
        endError.value = mapped.message
      }
      return null
    } finally {
      endBusy.value = false
    }
  }

  return {
    pairings,
    current,
    past,
    loading,
    loaded,
    error,
    phones,
    contacting,
    contactError,
    load,
    contact,
    ending,
    endFields,
    endErrors,
    endError,
    endBusy,
    startEnd,
    confirmEnd,
  }
}

// ---- the pairing page ----

/** Helpers the caller may pair: those registered in the own region and the regions above, by name or unit. */
export function useHelperSearch() {
  const q = ref('')
  let activeQuery: HelperQuery = {}
  const { items, nextAfter, loading, loaded, error, fetchPage } = usePagedList<Helper>((after, reset) => {
    if (reset) activeQuery = text(q.value) ? { q: text(q.value).slice(0, 30) } : {}
    return helpersApi.list({ ...activeQuery, after, limit: PAGE_SIZE })
  })

  return { q, items, nextAfter, loading, loaded, error, search: () => fetchPage(true), loadMore: () => fetchPage(false) }
}

export interface NewHelperFields {
  name: string
  unit: string
  position: string
  phone: string
  regionCode: string
}

export const HELPER_FIELDS = ['name', 'unit', 'position', 'phone', 'regionCode'] as const

/** The NewHelper body, or the problems found before asking the server (the region's scope is the server's). */
export function newHelperBody(fields: NewHelperFields): { body: NewHelper | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const body: NewHelper = {
    name: text(fields.name),
    unit: text(fields.unit),
    phone: text(fields.phone),
    regionCode: text(fields.regionCode),
  }
  if (!body.name) errors.name = '请填写姓名'
  else if (body.name.length > 20) errors.name = '姓名最长 20 个字'
  if (!body.unit) errors.unit = '请填写工作单位'
  else if (body.unit.length > 60) errors.unit = '工作单位最长 60 个字'
  const position = text(fields.position)
  if (position.length > 30) errors.position = '职务最长 30 个字'
  else if (position) body.position = position
  if (!body.phone) errors.phone = '请填写手机号，便于农户联系'
  else if (!/^1[3-9][0-9]{9}$/.test(body.phone)) errors.phone = '手机号应为 11 位中国大陆手机号'
  if (!/^[0-9]{12}$/.test(body.regionCode)) errors.regionCode = '请填写 12 位区划代码'
  return { body: Object.keys(errors).length ? null : body, errors }
}

/**
 * Registers a helper. The Idempotency-Key is kept while the form's content is the same, so a retry after a
 * lost answer cannot register the helper twice; a success starts a new key.
 */
export function useNewHelperForm(onCreated: (helper: Helper) => void) {
  const fields = reactive<NewHelperFields>({ name: '', unit: '', position: '', phone: '', regionCode: '' })
  const errors = ref<Record<string, string>>({})
  const error = ref('')
  const submitting = ref(false)
  /** The name of the region in `fields.regionCode` (the household's village by default). */
  const regionName = ref('')
  const knownRegions = new Map<string, string>()
  const keys = useIdempotencyKey()

  watch(
    () => text(fields.regionCode),
    async (code) => {
      regionName.value = knownRegions.get(code) ?? ''
      if (regionName.value || !/^[0-9]{12}$/.test(code)) return
      try {
        const region = await regionsApi.get(code)
        knownRegions.set(code, region.name)
        if (text(fields.regionCode) === code) regionName.value = region.name
      } catch {
        // Unknown or out of reach: the server says so when the form is sent.
      }
    },
  )

  /** Starts the form on a region whose name is already known (the household's village). */
  function setRegion(code: string, name?: string | null) {
    if (name) knownRegions.set(code, name)
    fields.regionCode = code
    regionName.value = name || knownRegions.get(code) || ''
  }

  async function submit(): Promise<Helper | null> {
    if (submitting.value) return null
    error.value = ''
    const draft = newHelperBody(fields)
    errors.value = draft.errors
    if (!draft.body) return null
    const body = draft.body
    const key = keys.keyFor(JSON.stringify(body))
    submitting.value = true
    try {
      const created = await sendRetryingOnce(() => helpersApi.create(body, key))
      keys.renew()
      fields.name = ''
      fields.unit = ''
      fields.position = ''
      fields.phone = ''
      onCreated(created)
      return created
    } catch (e) {
      const mapped = formErrors(e, HELPER_FIELDS)
      errors.value = mapped.fields
      error.value = mapped.message
      return null
    } finally {
      submitting.value = false
    }
  }

  return { fields, errors, error, submitting, regionName, setRegion, submit }
}

export interface PairingFields {
  startDate: string
  reason: string
}

export const PAIRING_FIELDS = ['helperId', 'startDate', 'reason'] as const

/** The NewPairing body: a chosen helper, an optional start date (not after today), a reason. */
export function newPairingBody(
  helper: Helper | null,
  fields: PairingFields,
  today: string = todayInBeijing(),
): { body: NewPairing | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  if (!helper) errors.helperId = CHOOSE_HELPER_FIRST
  const body: NewPairing = { helperId: helper?.id ?? 0, reason: text(fields.reason) }
  const startDate = text(fields.startDate)
  if (startDate) {
    const problem = dateProblem(startDate, today)
    if (problem) errors.startDate = problem
    else body.startDate = startDate
  }
  const reasonError = reasonProblem(body.reason, '请填写结对原因')
  if (reasonError) errors.reason = reasonError
  return { body: Object.keys(errors).length ? null : body, errors }
}

/** Pairs the chosen helper with the household; a success marks the household changed for the detail page. */
export function usePairingForm(householdId: () => number, onPaired: (pairing: HelperPairing) => void) {
  const helper = ref<Helper | null>(null)
  const fields = reactive<PairingFields>({ startDate: '', reason: '' })
  const errors = ref<Record<string, string>>({})
  const error = ref('')
  const submitting = ref(false)

  function choose(chosen: Helper | null) {
    helper.value = chosen
    error.value = ''
    if (errors.value.helperId) errors.value = { ...errors.value, helperId: '' }
  }

  async function submit(): Promise<HelperPairing | null> {
    const id = householdId()
    if (submitting.value || !id) return null
    error.value = ''
    const draft = newPairingBody(helper.value, fields)
    errors.value = draft.errors
    if (!draft.body) return null
    submitting.value = true
    try {
      const pairing = await helpersApi.pair(id, draft.body)
      markHouseholdChanged(id)
      onPaired(pairing)
      return pairing
    } catch (e) {
      if (isConflict(e)) {
        error.value = ALREADY_PAIRED
      } else {
        const mapped = formErrors(e, PAIRING_FIELDS)
        errors.value = mapped.fields
        error.value = mapped.message
      }
      return null
    } finally {
      submitting.value = false
    }
  }

  return { helper, fields, errors, error, submitting, choose, submit }
}
