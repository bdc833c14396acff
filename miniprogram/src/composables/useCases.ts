import { computed, reactive, ref } from 'vue'
import { ApiError } from '@/api/client'
import { casesApi } from '@/api/endpoints'
import { errorMessage, formErrors, isConflict } from '@/api/errors'
import type { Case, NewDeclaration, RiskType } from '@/api/types'
import { caseIdFromAddress } from '@/utils/cases'
import { RISK_TYPE_OPTIONS } from '@/utils/household'
import { uuidv4 } from '@/utils/uuid'

export const ALREADY_DECLARED = '您已有一件申报正在办理，无需重复申报。可打开查看办理进度。'
export const NEED_VILLAGE_CODE = '请先扫描村里张贴的村级二维码，再进入申报'
export const CANNOT_WITHDRAW = '该申报已进入后续办理环节，不能撤回'

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())
const MAX_AMOUNT = 10_000_000
const PAGE_SIZE = 20

export interface DeclarationFields {
  riskTypes: RiskType[]
  description: string
  medicalExpense: string
  incomeLoss: string
  disasterLoss: string
  contactPhone: string
  consent: boolean
  applicantName: string
}

export const DECLARATION_FIELDS = [
  'villageCode',
  'applicantName',
  'riskTypes',
  'description',
  'medicalExpense',
  'incomeLoss',
  'disasterLoss',
  'contactPhone',
  'consent',
] as const

/** Who declares: a bound farmer for the own household; an unbound one for the village of the scanned code. */
export interface Declarant {
  bound: boolean
  villageCode?: string | null
}

function amount(raw: string, errors: Record<string, string>, field: string): number | undefined {
  const value = text(raw)
  if (!value) return undefined
  const n = Number(value)
  if (!/^\d+(\.\d{1,2})?$/.test(value) || !Number.isFinite(n)) errors[field] = '请填写金额（元），如 1200 或 1200.50'
  else if (n > MAX_AMOUNT) errors[field] = '金额不能超过 1000 万元'
  else return n
  return undefined
}

/** The NewDeclaration body, or the problems found before asking the server. */
export function newDeclarationBody(
  fields: DeclarationFields,
  who: Declarant,
): { body: NewDeclaration | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const riskTypes = RISK_TYPE_OPTIONS.map((o) => o.value).filter((value) => fields.riskTypes.includes(value))
  if (!riskTypes.length) errors.riskTypes = '请至少选择一种风险类型'
  const body: NewDeclaration = {
    riskTypes,
    description: text(fields.description),
    contactPhone: text(fields.contactPhone),
    consent: fields.consent === true,
  }
  if (!body.description) errors.description = '请简要说明遇到的困难'
  else if (body.description.length > 500) errors.description = '情况说明最长 500 个字'
  const medical = amount(fields.medicalExpense, errors, 'medicalExpense')
  if (medical !== undefined) body.medicalExpense = medical
  const income = amount(fields.incomeLoss, errors, 'incomeLoss')
  if (income !== undefined) body.incomeLoss = income
  const disaster = amount(fields.disasterLoss, errors, 'disasterLoss')
  if (disaster !== undefined) body.disasterLoss = disaster
  if (!body.contactPhone) errors.contactPhone = '请填写联系电话，便于村干部联系您'
  else if (!/^1[3-9][0-9]{9}$/.test(body.contactPhone)) errors.contactPhone = '请填写 11 位手机号'
  if (!body.consent) errors.consent = '请阅读并勾选同意后再提交'
  if (!who.bound) {
    const village = text(who.villageCode)
    if (!/^[0-9]{12}$/.test(village)) errors.villageCode = NEED_VILLAGE_CODE
    else body.villageCode = village
    const name = text(fields.applicantName)
    if (!name) errors.applicantName = '请填写申报人姓名'
    else if (name.length > 20) errors.applicantName = '姓名最长 20 个字'
    else body.applicantName = name
  }
  return { body: Object.keys(errors).length ? null : body, errors }
}

/**
 * The declaration form. One Idempotency-Key per form content: kept for a retry of the same content (a lost
 * answer may hide a created case), renewed once a declaration is accepted. A 409 names the open declaration.
 */
export function useDeclarationForm(declarant: () => Declarant, onDeclared: (c: Case) => void) {
  const fields = reactive<DeclarationFields>({
    riskTypes: [],
    description: '',
    medicalExpense: '',
    incomeLoss: '',
    disasterLoss: '',
    contactPhone: '',
    consent: false,
    applicantName: '',
  })
  const errors = ref<Record<string, string>>({})
  const error = ref('')
  /** The open declaration the server pointed to on 409. */
  const existingId = ref<number | null>(null)
  const submitting = ref(false)
  let pendingKey: string | null = null
  let pendingBody: string | null = null

  function keyFor(serialized: string): string {
    if (!pendingKey || pendingBody !== serialized) {
      pendingKey = uuidv4()
      pendingBody = serialized
    }
    return pendingKey
  }

  function toggleRisk(risk: RiskType) {
    const i = fields.riskTypes.indexOf(risk)
    if (i >= 0) fields.riskTypes.splice(i, 1)
    else fields.riskTypes.push(risk)
  }

  async function submit(): Promise<Case | null> {
    if (submitting.value) return null
    error.value = ''
    existingId.value = null
    const draft = newDeclarationBody(fields, declarant())
    errors.value = draft.errors
    if (!draft.body) return null
    const key = keyFor(JSON.stringify(draft.body))
    submitting.value = true
    try {
      let created: Case
      try {
        created = await casesApi.declare(draft.body, key)
      } catch (e) {
        if (e instanceof ApiError && e.isNetworkError) created = await casesApi.declare(draft.body, key)
        else throw e
      }
      pendingKey = null
      pendingBody = null
      onDeclared(created)
      return created
    } catch (e) {
      if (isConflict(e)) {
        const existing = caseIdFromAddress((e as ApiError).problem.existing)
        existingId.value = existing
        error.value = existing !== null ? ALREADY_DECLARED : errorMessage(e)
      } else {
        const mapped = formErrors(e, DECLARATION_FIELDS)
        errors.value = mapped.fields
        error.value = mapped.message
      }
      return null
    } finally {
      submitting.value = false
    }
  }

  return { fields, errors, error, existingId, submitting, toggleRisk, submit }
}

/** One case with its steps, and the farmer's withdrawal while the home visit is pending. */
export function useCaseDetail() {
  const item = ref<Case | null>(null)
  const loading = ref(false)
  const error = ref('')
  const withdrawing = ref(false)
  const reason = ref('')
  const reasonError = ref('')
  const withdrawError = ref('')
  const busy = ref(false)
  let caseId = 0

  const events = computed(() => item.value?.events ?? [])

  async function load(id: number) {
    caseId = id
    loading.value = true
    error.value = ''
    try {
      item.value = await casesApi.get(id)
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  function startWithdraw(on: boolean) {
    withdrawing.value = on
    reason.value = ''
    reasonError.value = ''
    withdrawError.value = ''
  }

  /** Withdraws with a reason, then reads the case again. */
  async function confirmWithdraw(): Promise<Case | null> {
    if (busy.value || !caseId) return null
    withdrawError.value = ''
    const why = text(reason.value)
    reasonError.value = !why ? '请填写撤回原因' : why.length > 200 ? '原因最长 200 个字' : ''
    if (reasonError.value) return null
    busy.value = true
    try {
      const withdrawn = await casesApi.withdraw(caseId, why)
      startWithdraw(false)
      await load(caseId)
      return withdrawn
    } catch (e) {
      if (isConflict(e)) {
        withdrawError.value = CANNOT_WITHDRAW
        await load(caseId)
      } else {
        const mapped = formErrors(e, ['reason'])
        reasonError.value = mapped.fields.reason ?? ''
        withdrawError.value = mapped.message
      }
      return null
    } finally {
      busy.value = false
    }
  }

  return { item, events, loading, error, load, withdrawing, reason, reasonError, withdrawError, busy, startWithdraw, confirmWithdraw }
}

/** The farmer's own declarations, newest first. */
export function useMyCases() {
  const items = ref<Case[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      items.value = await casesApi.mine()
      loaded.value = true
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  return { items, loading, loaded, error, load }
}

/** Open cases in the cadre's scope, page by page. */
export function useCaseList() {
  const items = ref<Case[]>([])
  const nextAfter = ref<number | null>(null)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')

  async function fetchPage(reset: boolean) {
    if (loading.value) return
    loading.value = true
    error.value = ''
    try {
      const page = await casesApi.list({ open: true, after: reset ? null : nextAfter.value, limit: PAGE_SIZE })
      items.value = reset ? page.items : [...items.value, ...page.items]
      nextAfter.value = page.nextAfter ?? null
      loaded.value = true
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  return { items, nextAfter, loading, loaded, error, load: () => fetchPage(true), loadMore: () => fetchPage(false) }
}
