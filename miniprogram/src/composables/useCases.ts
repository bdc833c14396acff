import { computed, reactive, ref } from 'vue'
import { casesApi } from '@/api/endpoints'
import { errorMessage, formErrors, isConflict } from '@/api/errors'
import type { Case, CaseOpeningSource, NewCase, NewDeclaration, NewVisit, RiskType } from '@/api/types'
import { CASE_OPENING_SOURCE_OPTIONS, caseIdFromAddress } from '@/utils/cases'
import { RISK_TYPE_OPTIONS } from '@/utils/household'
import type { GeoLocation } from '@/utils/platform'
import { PAGE_SIZE, useLoadedList, usePagedList } from './usePagedList'
import { withPhotos, type PhotoSource } from './usePhotoUpload'
import { toggleItem, useFormSubmit, useLoadedRecord } from './useSubmit'

export const ALREADY_DECLARED = '您已有一件申报正在办理，无需重复申报。可打开查看办理进度。'
export const NEED_VILLAGE_CODE = '请先扫描村里张贴的村级二维码，再进入申报'
export const CANNOT_WITHDRAW = '该申报已进入后续办理环节，不能撤回'
export const ALREADY_OPEN = '该户已有一件识别案件正在办理，无需重复发起。可打开查看办理进度。'
export const NO_HOUSEHOLD = '缺少农户编号，请从农户详情页发起识别'

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())
const MAX_AMOUNT = 10_000_000

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
  'photoIds',
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

/** The risk types ticked, in the order of the chips; the problem under `riskTypes` when there is none. */
export function chosenRiskTypes(ticked: readonly RiskType[], errors: Record<string, string>): RiskType[] {
  const riskTypes = RISK_TYPE_OPTIONS.map((o) => o.value).filter((value) => ticked.includes(value))
  if (!riskTypes.length) errors.riskTypes = '请至少选择一种风险类型'
  return riskTypes
}

/** The NewDeclaration body, or the problems found before asking the server. */
export function newDeclarationBody(
  fields: DeclarationFields,
  who: Declarant,
): { body: NewDeclaration | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const riskTypes = chosenRiskTypes(fields.riskTypes, errors)
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
 * Sends a case form with one Idempotency-Key per form content (see useFormSubmit). A 409 that names the open
 * case of the household (`existing`) is kept as `existingId` with the form's own message.
 */
export function useCaseSubmit<B>(options: {
  send: (body: B, idempotencyKey: string) => Promise<Case>
  /** Fields the form shows errors under. */
  fields: readonly string[]
  /** Shown on 409 when the server points to the open case. */
  alreadyOpen: string
  /** Shown on a 409 that points to no case (otherwise the server's message). */
  conflict?: string
  onCreated: (c: Case) => void
}) {
  return useFormSubmit<B, Case>({
    send: options.send,
    fields: options.fields,
    conflict: options.conflict,
    existing: { idFrom: caseIdFromAddress, message: options.alreadyOpen },
    onDone: options.onCreated,
  })
}

/** The farmer's declaration form (see useCaseSubmit for the key and the 409), with optional photos. */
export function useDeclarationForm(declarant: () => Declarant, onDeclared: (c: Case) => void, photos?: PhotoSource) {
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
  const sender = useCaseSubmit<NewDeclaration>({
    send: casesApi.declare,
    fields: DECLARATION_FIELDS,
    alreadyOpen: ALREADY_DECLARED,
    onCreated: onDeclared,
  })

  return {
    fields,
    errors: sender.errors,
    error: sender.error,
    existingId: sender.existingId,
    submitting: sender.submitting,
    toggleRisk: (risk: RiskType) => toggleItem(fields.riskTypes, risk),
    submit: () => sender.submit(() => withPhotos(newDeclarationBody(fields, declarant()), photos)),
  }
}

export interface CaseOpeningFields {
  source: CaseOpeningSource | ''
  riskTypes: RiskType[]
  description: string
}

/** Fields of NewCase the opening form shows; householdId comes from the page, so its problems go on top. */
export const CASE_OPENING_FIELDS = ['source', 'riskTypes', 'description'] as const

/** The NewCase body a cadre sends for a household, or the problems found before asking the server. */
export function newCaseBody(
  fields: CaseOpeningFields,
  householdId: number,
): { body: NewCase | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  if (!Number.isInteger(householdId) || householdId <= 0) errors.householdId = NO_HOUSEHOLD
  const source = CASE_OPENING_SOURCE_OPTIONS.find((o) => o.value === fields.source)?.value
  if (!source) errors.source = '请选择是排查发现还是走访发现'
  const riskTypes = chosenRiskTypes(fields.riskTypes, errors)
  const description = text(fields.description)
  if (!description) errors.description = '请说明发现的风险情况'
  else if (description.length > 500) errors.description = '情况说明最长 500 个字'
  if (Object.keys(errors).length || !source) return { body: null, errors }
  return { body: { householdId, source, riskTypes, description }, errors }
}

/** A cadre opens an identification case for a household of the own region (see useCaseSubmit). */
export function useCaseOpeningForm(householdId: () => number, onOpened: (c: Case) => void) {
  const fields = reactive<CaseOpeningFields>({ source: '', riskTypes: [], description: '' })
  const sender = useCaseSubmit<NewCase>({
    send: casesApi.open,
    fields: CASE_OPENING_FIELDS,
    alreadyOpen: ALREADY_OPEN,
    onCreated: onOpened,
  })

  return {
    fields,
    errors: sender.errors,
    error: sender.error,
    existingId: sender.existingId,
    submitting: sender.submitting,
    toggleRisk: (risk: RiskType) => toggleItem(fields.riskTypes, risk),
    submit: () =>
      sender.submit(() => {
        const built = newCaseBody(fields, householdId())
        // The household comes from the page: say so on top rather than under a field.
        if (built.errors.householdId) sender.error.value = built.errors.householdId
        return built
      }),
  }
}

/** A case read for a form that acts on it (its version goes with the form). */
export function useLoadedCase() {
  return useLoadedRecord(casesApi.get)
}

export const VISIT_CONFLICT = '该案件已被他人更新或已不在入户核实环节，请返回刷新后再试'
export const NEED_LOCATION = '请先获取当前位置（入户核实需记录定位）'

export type VisitCheck = 'foodAndClothing' | 'education' | 'medical' | 'housing' | 'drinkingWater'

/** 两不愁三保障, in the usual order. */
export const VISIT_CHECKS: { key: VisitCheck; label: string }[] = [
  { key: 'foodAndClothing', label: '不愁吃、不愁穿' },
  { key: 'education', label: '义务教育有保障' },
  { key: 'medical', label: '基本医疗有保障' },
  { key: 'housing', label: '住房安全有保障' },
  { key: 'drinkingWater', label: '饮水安全有保障' },
]

export interface VisitFields {
  /** null until answered 是 or 否. */
  checks: Record<VisitCheck, boolean | null>
  perCapitaIncome: string
  bigExpenditure: string
  riskTypes: RiskType[]
  findings: string
  location: GeoLocation | null
}

/** Fields of NewVisit the visit form shows errors under (the position's go under `location`). */
export const VISIT_FIELDS = [
  'perCapitaIncome',
  'bigExpenditure',
  ...VISIT_CHECKS.map((c) => c.key),
  'riskTypes',
  'findings',
  'location',
  'photoIds',
] as const

/** The NewVisit body for the case as read (its version), or the problems found before asking the server. */
export function newVisitBody(fields: VisitFields, version: number | null | undefined): { body: NewVisit | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  for (const check of VISIT_CHECKS) {
    if (typeof fields.checks[check.key] !== 'boolean') errors[check.key] = `请选择“${check.label}”是或否`
  }
  const income = amount(fields.perCapitaIncome, errors, 'perCapitaIncome')
  if (!text(fields.perCapitaIncome)) errors.perCapitaIncome = '请填写家庭年人均纯收入（元）'
  const big = amount(fields.bigExpenditure, errors, 'bigExpenditure')
  const riskTypes = RISK_TYPE_OPTIONS.map((o) => o.value).filter((value) => fields.riskTypes.includes(value))
  const findings = text(fields.findings)
  if (!findings) errors.findings = '请填写核实情况'
  else if (findings.length > 1000) errors.findings = '核实情况最长 1000 个字'
  const where = fields.location
  if (!where) errors.location = NEED_LOCATION
  if (typeof version !== 'number') errors.version = '案件尚未加载，请稍后再试'
  if (Object.keys(errors).length || income === undefined || !where || typeof version !== 'number') return { body: null, errors }
  const c = fields.checks
  const body: NewVisit = {
    version,
    perCapitaIncome: income,
    foodAndClothing: c.foodAndClothing === true,
    education: c.education === true,
    medical: c.medical === true,
    housing: c.housing === true,
    drinkingWater: c.drinkingWater === true,
    riskTypes,
    findings,
    latitude: where.latitude,
    longitude: where.longitude,
    accuracy: where.accuracy,
  }
  if (big !== undefined) body.bigExpenditure = big
  return { body, errors }
}

/**
 * The village cadre's home visit of a case: the case is read for its version and what was declared; a 409
 * (changed meanwhile or no longer awaiting the visit) asks to reload.
 */
export function useVisitForm(onVisited: (c: Case) => void, locate: () => Promise<GeoLocation>, photos?: PhotoSource) {
  const { item, loading, loadError, load: loadCase } = useLoadedCase()
  const locating = ref(false)
  const fields = reactive<VisitFields>({
    checks: { foodAndClothing: null, education: null, medical: null, housing: null, drinkingWater: null },
    perCapitaIncome: '',
    bigExpenditure: '',
    riskTypes: [],
    findings: '',
    location: null,
  })
  let caseId = 0
  const sender = useCaseSubmit<NewVisit>({
    send: (body) => casesApi.visit(caseId, body),
    fields: VISIT_FIELDS,
    alreadyOpen: VISIT_CONFLICT,
    conflict: VISIT_CONFLICT,
    onCreated: onVisited,
  })

  async function load(id: number) {
    caseId = id
    const read = await loadCase(id)
    // The declared risks are the starting point of the confirmed ones.
    if (read && !fields.riskTypes.length) fields.riskTypes.push(...read.riskTypes)
  }

  async function locateNow() {
    if (locating.value) return
    locating.value = true
    const { location: _, ...rest } = sender.errors.value
    sender.errors.value = rest
    try {
      fields.location = await locate()
    } catch (e) {
      sender.errors.value = { ...sender.errors.value, location: e instanceof Error ? e.message : String(e) }
    } finally {
      locating.value = false
    }
  }

  return {
    item,
    loading,
    loadError,
    load,
    fields,
    locating,
    locate: locateNow,
    errors: sender.errors,
    error: sender.error,
    submitting: sender.submitting,
    /** Answers one check and drops the problem shown under it. */
    setCheck: (key: VisitCheck, value: boolean) => {
      fields.checks[key] = value
      if (sender.errors.value[key]) {
        const { [key]: _, ...rest } = sender.errors.value
        sender.errors.value = rest
      }
    },
    toggleRisk: (risk: RiskType) => toggleItem(fields.riskTypes, risk),
    submit: () =>
      sender.submit(() => {
        const built = withPhotos(newVisitBody(fields, item.value?.version), photos)
        if (built.errors.version) sender.error.value = built.errors.version
        return built
      }),
  }
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
  return useLoadedList(casesApi.mine)
}

/** Open cases in the cadre's scope, page by page. */
export function useCaseList() {
  const { items, nextAfter, loading, loaded, error, fetchPage } = usePagedList<Case>((after) =>
    casesApi.list({ open: true, after, limit: PAGE_SIZE }),
  )

  return { items, nextAfter, loading, loaded, error, load: () => fetchPage(true), loadMore: () => fetchPage(false) }
}
