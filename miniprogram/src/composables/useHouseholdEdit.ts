import { reactive, ref } from 'vue'
import { householdsApi } from '@/api/endpoints'
import { errorMessage, formErrors, isConflict } from '@/api/errors'
import type {
  Household,
  HouseholdCategory,
  HouseholdChange,
  HouseholdSummary,
  Member,
  MonitoringType,
  NewMember,
  RiskType,
} from '@/api/types'
import { markHouseholdChanged } from '@/stores/householdChanges'
import { RISK_TYPE_OPTIONS } from '@/utils/household'
import { toggleItem } from './useSubmit'

export const CONFLICT_MESSAGE = '该农户信息已被他人修改，您看到的不是最新内容。请点击“重新加载”获取最新信息后再修改。'
export const NOTHING_CHANGED = '没有需要修改的内容'

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The household's editable fields as the form holds them (text inputs as strings). */
export interface HouseholdEditFields {
  address: string
  category: HouseholdCategory
  liftedYear: string
  enjoysPolicy: boolean | null
  monitoringType: MonitoringType | ''
  riskTypes: RiskType[]
  monitoringStart: string
  riskEliminated: boolean
  riskEliminatedOn: string
  housingSafe: boolean | null
  waterSafe: boolean | null
  /** A new full account number; blank keeps the current (masked) one. */
  bankAccount: string
}

/** Names of the form's fields, where the server's `errors[]` are shown. */
export const EDIT_FIELDS = [
  'reason',
  'address',
  'category',
  'liftedYear',
  'enjoysPolicy',
  'monitoringType',
  'riskTypes',
  'monitoringStart',
  'riskEliminated',
  'riskEliminatedOn',
  'housingSafe',
  'waterSafe',
  'bankAccount',
] as const

export function editFieldsOf(h: Household): HouseholdEditFields {
  return {
    address: h.address ?? '',
    category: h.category,
    liftedYear: h.liftedYear == null ? '' : String(h.liftedYear),
    enjoysPolicy: h.enjoysPolicy ?? null,
    monitoringType: h.monitoringType ?? '',
    riskTypes: [...h.riskTypes],
    monitoringStart: h.monitoringStart ?? '',
    riskEliminated: h.riskEliminated,
    riskEliminatedOn: h.riskEliminatedOn ?? '',
    housingSafe: h.housingSafe ?? null,
    waterSafe: h.waterSafe ?? null,
    bankAccount: '',
  }
}

/** Risk types in the contract's enum order, without repeats: equal sets compare equal. */
function ordered(risks: readonly RiskType[]): RiskType[] {
  return RISK_TYPE_OPTIONS.map((o) => o.value).filter((value) => risks.includes(value))
}

export interface ChangeDraft {
  /** The change body with only the changed fields, or null when the form cannot be sent. */
  change: HouseholdChange | null
  errors: Record<string, string>
  /** A message for the whole form (nothing changed). */
  message: string
}

/**
 * Compares the form with the household as read and builds the change body: only changed fields, the
 * version read, the reason. A field the contract cannot clear (absent means "unchanged") is refused here
 * rather than silently kept.
 */
export function buildChange(original: Household, fields: HouseholdEditFields, reason: string): ChangeDraft {
  const errors: Record<string, string> = {}
  const change: HouseholdChange = { version: original.version, reason: text(reason) }
  const cannotClear = '暂不支持清空，如需更正请填写新内容'

  const address = text(fields.address)
  if (address !== (original.address ?? '')) {
    if (!address) errors.address = cannotClear
    else if (address.length > 100) errors.address = '住址最长 100 个字'
    else change.address = address
  }

  const monitored = fields.category === 'MONITORED'
  if (fields.category !== original.category) change.category = fields.category
  if (!monitored && original.monitoringType) {
    // The contract has no way to clear the monitoring type, and the server refuses it on other categories.
    errors.category = '已登记监测类型的农户暂不能在此改为其他类别'
  }

  const liftedYear = text(fields.liftedYear)
  if (liftedYear !== (original.liftedYear == null ? '' : String(original.liftedYear))) {
    const year = Number(liftedYear)
    if (!liftedYear) errors.liftedYear = cannotClear
    else if (!Number.isInteger(year) || year < 2013 || year > 2020) errors.liftedYear = '脱贫年度应在 2013 到 2020 年之间'
    else change.liftedYear = year
  }

  if (fields.enjoysPolicy !== null && fields.enjoysPolicy !== (original.enjoysPolicy ?? null)) {
    change.enjoysPolicy = fields.enjoysPolicy
  }

  if (monitored) {
    if (!fields.monitoringType) errors.monitoringType = '监测对象须选择监测类型'
    else if (fields.monitoringType !== (original.monitoringType ?? '')) change.monitoringType = fields.monitoringType
    if (fields.riskTypes.length === 0) errors.riskTypes = '监测对象须选择至少一种风险类型'
  }
  const risks = ordered(fields.riskTypes)
  if (risks.join(',') !== ordered(original.riskTypes).join(',')) change.riskTypes = risks

  const dates: [keyof HouseholdEditFields & ('monitoringStart' | 'riskEliminatedOn'), string | null | undefined][] = [
    ['monitoringStart', original.monitoringStart],
    ['riskEliminatedOn', original.riskEliminatedOn],
  ]
  for (const [field, was] of dates) {
    const value = text(fields[field])
    if (value === (was ?? '')) continue
    if (!value) errors[field] = cannotClear
    else if (!DATE.test(value) || Number.isNaN(Date.parse(value))) errors[field] = '日期格式应为 2026-03-01'
    else change[field] = value
  }

  if (fields.riskEliminated !== original.riskEliminated) change.riskEliminated = fields.riskEliminated
  if (fields.housingSafe !== null && fields.housingSafe !== (original.housingSafe ?? null)) change.housingSafe = fields.housingSafe
  if (fields.waterSafe !== null && fields.waterSafe !== (original.waterSafe ?? null)) change.waterSafe = fields.waterSafe

  const bank = text(fields.bankAccount).replace(/\s+/g, '')
  if (bank) {
    if (!/^[0-9]{12,25}$/.test(bank)) errors.bankAccount = '银行账号应为 12 到 25 位数字'
    else change.bankAccount = bank
  }

  if (!change.reason) errors.reason = '请填写修改原因'
  else if (change.reason.length > 200) errors.reason = '原因最长 200 个字'

  const changedFields = Object.keys(change).filter((key) => key !== 'version' && key !== 'reason')
  const fieldProblems = Object.keys(errors).filter((key) => key !== 'reason')
  const message = changedFields.length === 0 && fieldProblems.length === 0 ? NOTHING_CHANGED : ''
  const sendable = Object.keys(errors).length === 0 && !message
  return { change: sendable ? change : null, errors, message }
}

/** The edit page: load, the household form with the reason, the optimistic-lock conflict. */
export function useHouseholdEdit() {
  const household = ref<Household | null>(null)
  const fields = reactive<HouseholdEditFields>({
    address: '',
    category: 'GENERAL',
    liftedYear: '',
    enjoysPolicy: null,
    monitoringType: '',
    riskTypes: [],
    monitoringStart: '',
    riskEliminated: false,
    riskEliminatedOn: '',
    housingSafe: null,
    waterSafe: null,
    bankAccount: '',
  })
  const reason = ref('')
  const errors = ref<Record<string, string>>({})
  const error = ref('')
  const conflict = ref(false)
  const loading = ref(false)
  const saving = ref(false)

  function show(h: Household) {
    household.value = h
    Object.assign(fields, editFieldsOf(h))
  }

  async function load(id: number) {
    loading.value = true
    errors.value = {}
    try {
      show(await householdsApi.get(id))
      // The conflict notice stays until the latest version is on screen.
      conflict.value = false
      error.value = ''
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  /** After a conflict: the latest version; the reason typed is kept, the fields show the new values. */
  async function reload() {
    if (household.value) await load(household.value.id)
  }

  const toggleRisk = (risk: RiskType) => toggleItem(fields.riskTypes, risk)

  async function submit(): Promise<Household | null> {
    if (saving.value || !household.value) return null
    errors.value = {}
    error.value = ''
    if (conflict.value) {
      error.value = CONFLICT_MESSAGE
      return null
    }
    const draft = buildChange(household.value, fields, reason.value)
    errors.value = draft.errors
    error.value = draft.message
    if (!draft.change) return null
    saving.value = true
    try {
      const updated = await householdsApi.update(household.value.id, draft.change)
      show(updated)
      reason.value = ''
      markHouseholdChanged(updated.id)
      return updated
    } catch (e) {
      if (isConflict(e)) {
        conflict.value = true
        error.value = CONFLICT_MESSAGE
      } else {
        const mapped = formErrors(e, EDIT_FIELDS)
        errors.value = mapped.fields
        error.value = mapped.message
      }
      return null
    } finally {
      saving.value = false
    }
  }

  return { household, fields, reason, errors, error, conflict, loading, saving, load, reload, show, toggleRisk, submit }
}

/** The add-member form's fields (codes from the contract's member lists). */
export interface MemberFields {
  name: string
  idNumber: string
  relation: string
  phone: string
  health: string
  disabilityGrade: string
  laborAbility: string
}

export const MEMBER_FIELDS = ['name', 'idNumber', 'relation', 'phone', 'health', 'disabilityGrade', 'laborAbility'] as const

/** The NewMember body, or the problems found before asking the server (ID checksum is the server's). */
export function newMemberBody(fields: MemberFields): { body: NewMember | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const body: NewMember = { name: text(fields.name), idNumber: text(fields.idNumber).toUpperCase(), relation: fields.relation }
  if (!body.name) errors.name = '请填写姓名'
  else if (body.name.length > 20) errors.name = '姓名最长 20 个字'
  if (!body.idNumber) errors.idNumber = '请填写身份证号码'
  else if (!/^[0-9]{17}[0-9X]$/.test(body.idNumber)) errors.idNumber = '身份证号码应为 18 位'
  if (!body.relation) errors.relation = '请选择与户主关系'
  else if (body.relation === 'HEAD') errors.relation = '一户只能有一位户主'
  const phone = text(fields.phone)
  if (phone) {
    if (!/^1[3-9][0-9]{9}$/.test(phone)) errors.phone = '手机号应为 11 位中国大陆手机号'
    else body.phone = phone
  }
  if (fields.health) body.health = fields.health
  if (fields.laborAbility) body.laborAbility = fields.laborAbility
  const grade = text(fields.disabilityGrade)
  if (grade) {
    const n = Number(grade)
    if (!Number.isInteger(n) || n < 1 || n > 4) errors.disabilityGrade = '残疾等级为 1 到 4 级'
    else body.disabilityGrade = n
  } else if (fields.health === 'DISABLED') {
    errors.disabilityGrade = '残疾人请填写残疾等级'
  }
  return { body: Object.keys(errors).length ? null : body, errors }
}

/** Move form: the target household by its 18-digit number, the relation there, the reason. */
export interface MoveFields {
  householdNo: string
  relation: string
  reason: string
}

export const MOVE_FIELDS = ['householdNo', 'toHouseholdId', 'relation', 'reason'] as const

/** Adding, removing and moving members of the loaded household; every success replaces it. */
export function useMemberActions(household: { value: Household | null }, onChanged: (h: Household) => void) {
  const addFields = reactive<MemberFields>({ name: '', idNumber: '', relation: '', phone: '', health: '', disabilityGrade: '', laborAbility: '' })
  const addErrors = ref<Record<string, string>>({})
  const addError = ref('')
  const moveFields = reactive<MoveFields>({ householdNo: '', relation: '', reason: '' })
  const moveErrors = ref<Record<string, string>>({})
  const moveError = ref('')
  const moving = ref<Member | null>(null)
  const busy = ref(false)

  function changed(h: Household) {
    markHouseholdChanged(h.id)
    onChanged(h)
  }

  function resetAdd() {
    Object.assign(addFields, { name: '', idNumber: '', relation: '', phone: '', health: '', disabilityGrade: '', laborAbility: '' })
  }

  async function add(): Promise<Household | null> {
    if (busy.value || !household.value) return null
    addError.value = ''
    const draft = newMemberBody(addFields)
    addErrors.value = draft.errors
    if (!draft.body) return null
    busy.value = true
    try {
      const updated = await householdsApi.addMember(household.value.id, draft.body)
      resetAdd()
      changed(updated)
      return updated
    } catch (e) {
      const mapped = formErrors(e, MEMBER_FIELDS)
      addErrors.value = mapped.fields
      addError.value = mapped.message
      return null
    } finally {
      busy.value = false
    }
  }

  /** Removes a member (kept in the history); the caller asks for the reason. */
  async function remove(member: Member, reason: string): Promise<Household> {
    if (!household.value) throw new Error('household not loaded')
    busy.value = true
    try {
      const updated = await householdsApi.removeMember(household.value.id, member.id, reason.trim())
      changed(updated)
      return updated
    } finally {
      busy.value = false
    }
  }

  function startMove(member: Member | null) {
    moving.value = member
    Object.assign(moveFields, { householdNo: '', relation: '', reason: '' })
    moveErrors.value = {}
    moveError.value = ''
  }

  /** Checks the move form and finds the target household in the caller's region (the contract wants its id). */
  async function findMoveTarget(): Promise<HouseholdSummary | null> {
    if (!household.value || !moving.value) return null
    moveError.value = ''
    const errors: Record<string, string> = {}
    const no = text(moveFields.householdNo)
    if (!/^[0-9]{18}$/.test(no)) errors.householdNo = '请输入迁入农户的 18 位户编号'
    else if (no === household.value.householdNo) errors.householdNo = '迁入的农户不能是本户'
    if (!moveFields.relation) errors.relation = '请选择在新户中与户主的关系'
    if (!text(moveFields.reason)) errors.reason = '请填写迁出原因'
    moveErrors.value = errors
    if (Object.keys(errors).length) return null
    busy.value = true
    try {
      const page = await householdsApi.list({ householdNo: no, limit: 1 })
      const target = page.items.find((item) => item.householdNo === no) ?? null
      if (!target) moveErrors.value = { householdNo: '在您管辖的范围内没有找到这个户编号' }
      return target
    } catch (e) {
      moveError.value = errorMessage(e)
      return null
    } finally {
      busy.value = false
    }
  }

  async function move(target: HouseholdSummary): Promise<Household | null> {
    if (!household.value || !moving.value) return null
    busy.value = true
    moveError.value = ''
    try {
      const updated = await householdsApi.moveMember(household.value.id, moving.value.id, {
        toHouseholdId: target.id,
        relation: moveFields.relation,
        reason: text(moveFields.reason),
      })
      markHouseholdChanged(target.id)
      startMove(null)
      changed(updated)
      return updated
    } catch (e) {
      const mapped = formErrors(e, MOVE_FIELDS)
      // The target is chosen by its number on the form: its id's problems belong there.
      if (mapped.fields.toHouseholdId) mapped.fields.householdNo = mapped.fields.toHouseholdId
      moveErrors.value = mapped.fields
      moveError.value = mapped.message
      return null
    } finally {
      busy.value = false
    }
  }

  return {
    addFields,
    addErrors,
    addError,
    add,
    remove,
    moving,
    moveFields,
    moveErrors,
    moveError,
    startMove,
    findMoveTarget,
    move,
    busy,
  }
}
