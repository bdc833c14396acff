import { reactive, ref } from 'vue'
import { householdsApi, meApi, type HouseholdQuery } from '@/api/endpoints'
import { errorMessage, fieldErrors } from '@/api/errors'
import type {
  AccessRecord,
  BindRequest,
  Household,
  HouseholdCategory,
  HouseholdEvent,
  HouseholdSummary,
  Me,
  ProtectedField,
  RiskType,
} from '@/api/types'
import { setMe, setTokens } from '@/stores/session'
import { PAGE_SIZE, usePagedList } from './usePagedList'

/** Inputs of type number may hand back a number: always read a trimmed string. */
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())

export interface HouseholdSearchFields {
  name: string
  householdNo: string
  idNumber: string
  phoneLast4: string
  category: HouseholdCategory | ''
  riskType: RiskType | ''
}

/** The search form's fields as query parameters; blanks are left out. */
export function searchQuery(fields: HouseholdSearchFields): HouseholdQuery {
  const query: HouseholdQuery = {}
  if (text(fields.name)) query.name = text(fields.name)
  if (text(fields.householdNo)) query.householdNo = text(fields.householdNo)
  if (text(fields.idNumber)) query.idNumber = text(fields.idNumber).toUpperCase()
  if (text(fields.phoneLast4)) query.phoneLast4 = text(fields.phoneLast4)
  if (fields.category) query.category = fields.category
  if (fields.riskType) query.riskType = fields.riskType
  return query
}

/** Household search with a cursor (`nextAfter`); the filters are frozen when a search starts. */
export function useHouseholdSearch() {
  const fields = reactive<HouseholdSearchFields>({
    name: '',
    householdNo: '',
    idNumber: '',
    phoneLast4: '',
    category: '',
    riskType: '',
  })
  const errors = ref<Record<string, string>>({})
  let activeQuery: HouseholdQuery = {}
  const { items, nextAfter, loading, loaded, error, fetchPage } = usePagedList<HouseholdSummary>(
    (after, reset) => {
      errors.value = {}
      if (reset) activeQuery = searchQuery(fields)
      return householdsApi.list({ ...activeQuery, after, limit: PAGE_SIZE })
    },
    { onError: (e) => (errors.value = fieldErrors(e)) },
  )

  function clear() {
    fields.name = ''
    fields.householdNo = ''
    fields.idNumber = ''
    fields.phoneLast4 = ''
    fields.category = ''
    fields.riskType = ''
  }

  return {
    fields,
    items,
    nextAfter,
    loading,
    loaded,
    error,
    errors,
    search: () => fetchPage(true),
    loadMore: () => fetchPage(false),
    clear,
    /** The filters of the list on screen (those of the last search started). */
    appliedQuery: (): HouseholdQuery => ({ ...activeQuery }),
  }
}

/** Detail, timeline and access records of one household; each part fails on its own. */
export function useHouseholdDetail() {
  const household = ref<Household | null>(null)
  const timeline = ref<HouseholdEvent[]>([])
  const viewers = ref<AccessRecord[]>([])
  const loading = ref(false)
  const error = ref('')
  const timelineError = ref('')
  const viewersError = ref('')
  /** Revealed plain values, keyed `ID_NUMBER:12`. */
  const revealed = reactive<Record<string, string>>({})

  async function load(id: number) {
    loading.value = true
    error.value = ''
    try {
      household.value = await householdsApi.get(id)
    } catch (e) {
      error.value = errorMessage(e)
      loading.value = false
      return
    }
    // Viewers are read after the detail so the caller's own visit is part of the list.
    await Promise.all([
      householdsApi
        .timeline(id)
        .then((list) => {
          timeline.value = list
          timelineError.value = ''
        })
        .catch((e) => (timelineError.value = errorMessage(e))),
      householdsApi
        .viewers(id)
        .then((list) => {
          viewers.value = list
          viewersError.value = ''
        })
        .catch((e) => (viewersError.value = errorMessage(e))),
    ])
    loading.value = false
  }

  /** The timeline alone, after a change made on this page (a new detail read would be logged as a visit). */
  async function reloadTimeline() {
    if (!household.value) return
    try {
      timeline.value = await householdsApi.timeline(household.value.id)
      timelineError.value = ''
    } catch (e) {
      timelineError.value = errorMessage(e)
    }
  }

  /** Asks the server for a plain value; throws the ApiError (e.g. 403 with the server's message). */
  async function reveal(field: ProtectedField, memberId: number, reason: string): Promise<string> {
    if (!household.value) throw new Error('household not loaded')
    const result = await householdsApi.reveal(household.value.id, { field, memberId, reason })
    revealed[`${field}:${memberId}`] = result.value
    return result.value
  }

  return { household, timeline, viewers, loading, error, timelineError, viewersError, revealed, load, reloadTimeline, reveal }
}

export interface BindFields {
  name: string
  idNumber: string
  phone: string
}

/** Binds the signed-in farmer to a household, then replaces the token pair and reloads `/api/me`. */
export async function bindHousehold(body: BindRequest): Promise<Me> {
  const tokens = await meApi.bindHousehold(body)
  setTokens(tokens)
  const me = await meApi.get()
  setMe(me)
  return me
}

export function useBindForm(onBound: (me: Me) => void) {
  const fields = reactive<BindFields>({ name: '', idNumber: '', phone: '' })
  const errors = ref<Record<string, string>>({})
  const error = ref('')
  const submitting = ref(false)

  async function submit(): Promise<Me | null> {
    if (submitting.value) return null
    errors.value = {}
    error.value = ''
    const body: BindRequest = { name: text(fields.name), idNumber: text(fields.idNumber).toUpperCase() }
    if (text(fields.phone)) body.phone = text(fields.phone)
    const missing: Record<string, string> = {}
    if (!body.name) missing.name = '请输入姓名'
    if (!body.idNumber) missing.idNumber = '请输入身份证号'
    if (Object.keys(missing).length) {
      errors.value = missing
      return null
    }
    submitting.value = true
    try {
      const me = await bindHousehold(body)
      fields.name = ''
      fields.idNumber = ''
      fields.phone = ''
      onBound(me)
      return me
    } catch (e) {
      errors.value = fieldErrors(e)
      const known = ['name', 'idNumber', 'phone']
      const unplaced = Object.keys(errors.value).filter((f) => !known.includes(f))
      error.value = Object.keys(errors.value).length === 0 || unplaced.length > 0 ? errorMessage(e) : ''
      return null
    } finally {
      submitting.value = false
    }
  }

  return { fields, errors, error, submitting, submit }
}
