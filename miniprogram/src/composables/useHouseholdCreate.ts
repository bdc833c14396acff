import { reactive, ref } from 'vue'
import { householdsApi } from '@/api/endpoints'
import { formErrors } from '@/api/errors'
import type { Household, HouseholdCategory, MonitoringType, NewHousehold, RiskType } from '@/api/types'
import { RISK_TYPE_OPTIONS } from '@/utils/household'
import { newMemberBody } from './useHouseholdEdit'
import { sendRetryingOnce, toggleItem, useIdempotencyKey } from './useSubmit'

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())

export interface NewHouseholdFields {
  regionCode: string
  address: string
  category: HouseholdCategory
  liftedYear: string
  monitoringType: MonitoringType | ''
  riskTypes: RiskType[]
  monitoringStart: string
  housingSafe: boolean | null
  waterSafe: boolean | null
  headName: string
  headIdNumber: string
  headPhone: string
}

/** Server field names (`head.idNumber` arrives as `idNumber`) → the form's. */
const SERVER_TO_FORM: Record<string, keyof NewHouseholdFields> = {
  regionCode: 'regionCode',
  address: 'address',
  category: 'category',
  liftedYear: 'liftedYear',
  monitoringType: 'monitoringType',
  riskTypes: 'riskTypes',
  monitoringStart: 'monitoringStart',
  name: 'headName',
  idNumber: 'headIdNumber',
  phone: 'headPhone',
}

/** The NewHousehold body with its head, or the problems found before asking the server. */
export function newHouseholdBody(fields: NewHouseholdFields): { body: NewHousehold | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const head = newMemberBody({
    name: fields.headName,
    idNumber: fields.headIdNumber,
    relation: 'OTHER',
    phone: fields.headPhone,
    health: '',
    disabilityGrade: '',
    laborAbility: '',
  })
  if (head.errors.name) errors.headName = head.errors.name
  if (head.errors.idNumber) errors.headIdNumber = head.errors.idNumber
  if (head.errors.phone) errors.headPhone = head.errors.phone

  const body: NewHousehold = {
    regionCode: text(fields.regionCode),
    category: fields.category,
    head: { ...(head.body ?? { name: '', idNumber: '' }), relation: 'HEAD' },
  }
  if (!/^[0-9]{12}$/.test(body.regionCode)) errors.regionCode = '请填写所在村的 12 位区划代码'
  if (text(fields.address)) body.address = text(fields.address)
  if (text(fields.liftedYear)) {
    const year = Number(text(fields.liftedYear))
    if (!Number.isInteger(year) || year < 2013 || year > 2020) errors.liftedYear = '脱贫年度应在 2013 到 2020 年之间'
    else body.liftedYear = year
  }
  const risks = RISK_TYPE_OPTIONS.map((o) => o.value).filter((value) => fields.riskTypes.includes(value))
  if (risks.length) body.riskTypes = risks
  if (fields.category === 'MONITORED') {
    if (!fields.monitoringType) errors.monitoringType = '监测对象须选择监测类型'
    else body.monitoringType = fields.monitoringType
    if (!risks.length) errors.riskTypes = '监测对象须选择至少一种风险类型'
    if (fields.monitoringStart) body.monitoringStart = fields.monitoringStart
  }
  if (fields.housingSafe !== null) body.housingSafe = fields.housingSafe
  if (fields.waterSafe !== null) body.waterSafe = fields.waterSafe
  return { body: Object.keys(errors).length ? null : body, errors }
}

/** Registers a household with its head; one Idempotency-Key per content, as the account form does. */
export function useHouseholdCreate(onCreated: (h: Household) => void) {
  const fields = reactive<NewHouseholdFields>({
    regionCode: '',
    address: '',
    category: 'GENERAL',
    liftedYear: '',
    monitoringType: '',
    riskTypes: [],
    monitoringStart: '',
    housingSafe: null,
    waterSafe: null,
    headName: '',
    headIdNumber: '',
    headPhone: '',
  })
  const errors = ref<Record<string, string>>({})
  const error = ref('')
  const submitting = ref(false)
  const keys = useIdempotencyKey()

  const toggleRisk = (risk: RiskType) => toggleItem(fields.riskTypes, risk)

  async function submit(): Promise<Household | null> {
    if (submitting.value) return null
    error.value = ''
    const draft = newHouseholdBody(fields)
    errors.value = draft.errors
    if (!draft.body) return null
    const body = draft.body
    const key = keys.keyFor(JSON.stringify(body))
    submitting.value = true
    try {
      const created = await sendRetryingOnce(() => householdsApi.create(body, key))
      keys.renew()
      onCreated(created)
      return created
    } catch (e) {
      const mapped = formErrors(e, Object.keys(SERVER_TO_FORM))
      errors.value = Object.fromEntries(Object.entries(mapped.fields).map(([k, v]) => [SERVER_TO_FORM[k] ?? k, v]))
      error.value = mapped.message
      return null
    } finally {
      submitting.value = false
    }
  }

  return { fields, errors, error, submitting, toggleRisk, submit }
}
