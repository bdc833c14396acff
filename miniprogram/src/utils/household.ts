import type {
  AccessRecord,
  FieldChange,
  Gender,
  HelperPairing,
  HouseholdCategory,
  HouseholdEvent,
  MonitoringType,
  ProtectedField,
  RiskType,
  Role,
} from '@/api/types'
import { roleLabel } from './labels'

export const CATEGORY_LABELS: Record<HouseholdCategory, string> = {
  GENERAL: '一般农户',
  LIFTED: '脱贫户',
  MONITORED: '监测对象',
}

export const MONITORING_TYPE_LABELS: Record<MonitoringType, string> = {
  UNSTABLE_LIFTED: '脱贫不稳定户',
  MARGINAL: '边缘易致贫户',
  SUDDEN_HARDSHIP: '突发严重困难户',
}

export const RISK_TYPE_LABELS: Record<RiskType, string> = {
  ILLNESS: '因病',
  DISABILITY: '因残',
  EDUCATION: '因学',
  DISASTER: '因灾',
  ACCIDENT: '因意外事故',
  INDUSTRY_FAILURE: '因产业项目失败',
  UNSTABLE_EMPLOYMENT: '因务工就业不稳',
  LABOR_SHORTAGE: '缺劳动力',
  HOUSING: '住房安全问题',
  DROPOUT: '辍学',
  WATER: '饮水安全问题',
  EXPENDITURE_OR_INCOME_DROP: '刚性支出大或收入骤减',
  OTHER: '其他',
}

export const RELATION_LABELS: Record<string, string> = {
  HEAD: '户主',
  SPOUSE: '配偶',
  SON: '儿子',
  DAUGHTER: '女儿',
  DAUGHTER_IN_LAW: '儿媳',
  SON_IN_LAW: '女婿',
  GRANDSON: '孙子',
  GRANDDAUGHTER: '孙女',
  FATHER: '父亲',
  MOTHER: '母亲',
  SIBLING: '兄弟姐妹',
  OTHER: '其他',
}

export const HEALTH_LABELS: Record<string, string> = {
  HEALTHY: '健康',
  CHRONIC: '长期慢性病',
  SERIOUS: '大病',
  DISABLED: '残疾',
}

export const LABOR_LABELS: Record<string, string> = {
  NORMAL: '普通劳动力',
  SKILLED: '技能劳动力',
  PARTIAL: '弱劳动力或半劳动力',
  NONE: '无劳动力',
}

const GENDER_LABELS: Record<Gender, string> = { MALE: '男', FEMALE: '女' }

export const PROTECTED_FIELD_LABELS: Record<ProtectedField, string> = {
  ID_NUMBER: '身份证号',
  PHONE: '手机号',
  BANK_ACCOUNT: '补贴银行账号',
}

/** Picker options: the enum order of the contract. */
export const CATEGORY_OPTIONS = (Object.keys(CATEGORY_LABELS) as HouseholdCategory[]).map((value) => ({
  value,
  label: CATEGORY_LABELS[value],
}))
export const MONITORING_TYPE_OPTIONS = (Object.keys(MONITORING_TYPE_LABELS) as MonitoringType[]).map((value) => ({
  value,
  label: MONITORING_TYPE_LABELS[value],
}))
/** Chooser options from a label table, in the table's order (the enum order of the contract). */
export function optionsOf<T extends string>(table: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(table) as T[]).map((value) => ({ value, label: table[value] }))
}
/** Relations a member added or moved in may have: a household has one head, set when it is registered. */
export const MEMBER_RELATION_OPTIONS = optionsOf(RELATION_LABELS).filter((o) => o.value !== 'HEAD')
export const HEALTH_OPTIONS = optionsOf(HEALTH_LABELS)
export const LABOR_OPTIONS = optionsOf(LABOR_LABELS)
export const RISK_TYPE_OPTIONS = (Object.keys(RISK_TYPE_LABELS) as RiskType[]).map((value) => ({
  value,
  label: RISK_TYPE_LABELS[value],
}))

function lookup(table: Record<string, string>, value: string | null | undefined): string {
  if (!value) return ''
  return table[value] ?? value
}

export const categoryLabel = (value: HouseholdCategory | string | null | undefined) => lookup(CATEGORY_LABELS, value)
export const monitoringTypeLabel = (value: MonitoringType | string | null | undefined) =>
  lookup(MONITORING_TYPE_LABELS, value)
export const riskTypeLabel = (value: RiskType | string | null | undefined) => lookup(RISK_TYPE_LABELS, value)
export const relationLabel = (value: string | null | undefined) => lookup(RELATION_LABELS, value)
export const healthLabel = (value: string | null | undefined) => lookup(HEALTH_LABELS, value)
export const laborLabel = (value: string | null | undefined) => lookup(LABOR_LABELS, value)
export const genderLabel = (value: Gender | string | null | undefined) => lookup(GENDER_LABELS, value)
export const protectedFieldLabel = (value: ProtectedField | string | null | undefined) =>
  lookup(PROTECTED_FIELD_LABELS, value)

/** `因病、因学`; an empty list reads as `无`. */
export function riskTypesText(values: readonly (RiskType | string)[] | null | undefined): string {
  if (!values || values.length === 0) return '无'
  return values.map(riskTypeLabel).join('、')
}

export function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '未填写'
  return value ? '是' : '否'
}

/** Money in yuan with two decimals: `12,345.60 元`. */
export function formatYuan(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  const [whole, cents] = Math.abs(value).toFixed(2).split('.')
  return `${value < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents} 元`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Beijing time (UTC+8, no daylight saving) whatever the device's zone: `2026-11-23 21:40`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  const d = new Date(time + 8 * 3600_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Today's date in Beijing (`2026-11-23`), the day the server counts as today. */
export function todayInBeijing(now: number = Date.now()): string {
  const d = new Date(now + 8 * 3600_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** A pairing's period: `2026-03-01 起` while it lasts, `2026-03-01—2026-11-23` once ended. */
export function pairingPeriod(pairing: Pick<HelperPairing, 'startDate' | 'endDate' | 'current'>): string {
  if (pairing.current || !pairing.endDate) return `${pairing.startDate} 起`
  return `${pairing.startDate}—${pairing.endDate}`
}

const FIELD_LABELS: Record<string, string> = {
  householdNo: '户编号',
  category: '类别',
  head: '户主',
  address: '住址',
  liftedYear: '脱贫年度',
  enjoysPolicy: '享受政策',
  monitoringType: '监测类型',
  riskTypes: '风险类型',
  monitoringStart: '纳入监测日期',
  riskEliminated: '风险已消除',
  riskEliminatedOn: '风险消除日期',
  housingSafe: '住房安全',
  waterSafe: '饮水安全',
  bankAccount: '补贴银行账号',
  name: '姓名',
  relation: '与户主关系',
  household: '户编号',
  deleted: '已删除',
  helper: '帮扶责任人',
  startDate: '开始日期',
  endDate: '结束日期',
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field
}

/** A recorded value in words: enums, lists of risk types and booleans are translated. */
export function changeValueText(field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '空'
  switch (field) {
    case 'category':
      return categoryLabel(value)
    case 'monitoringType':
      return monitoringTypeLabel(value)
    case 'riskTypes':
      return riskTypesText(value.split(',').filter(Boolean))
    case 'relation':
      return relationLabel(value)
    case 'enjoysPolicy':
    case 'riskEliminated':
    case 'housingSafe':
    case 'waterSafe':
      return value === 'true' ? '是' : value === 'false' ? '否' : value
    default:
      return value
  }
}

/** `类别：一般农户 → 监测对象`, `户主：张三` (set), `姓名：李四（已移除）` (cleared; a helper's pairing `（结对结束）`). */
export function describeChange(change: FieldChange): string {
  const label = fieldLabel(change.field)
  const hasFrom = change.from !== null && change.from !== undefined && change.from !== ''
  const hasTo = change.to !== null && change.to !== undefined && change.to !== ''
  if (!hasFrom) return `${label}：${changeValueText(change.field, change.to)}`
  if (!hasTo) {
    const gone = change.field === 'helper' ? '结对结束' : '已移除'
    return `${label}：${changeValueText(change.field, change.from)}（${gone}）`
  }
  return `${label}：${changeValueText(change.field, change.from)} → ${changeValueText(change.field, change.to)}`
}

const EVENT_TITLES: Record<string, string> = {
  CREATED: '登记农户',
  UPDATED: '修改农户信息',
  MEMBER_ADDED: '新增家庭成员',
  MEMBER_REMOVED: '移除家庭成员',
  MEMBER_MOVED_OUT: '成员迁出',
  MEMBER_MOVED_IN: '成员迁入',
  CODE_REVOKED: '二维码作废并换新',
  DELETED: '删除农户',
  BINDING_ALLOWED: '授权成员绑定',
  HELPER_PAIRED: '结对帮扶责任人',
  HELPER_ENDED: '结束帮扶结对',
}

export function eventTitle(type: string): string {
  return EVENT_TITLES[type] ?? '信息变更'
}

export interface TimelineEntry {
  id: number
  title: string
  when: string
  who: string
  reason: string
  changes: string[]
}

/** One timeline row in plain Chinese. */
export function describeEvent(event: HouseholdEvent): TimelineEntry {
  return {
    id: event.id,
    title: eventTitle(event.type),
    when: formatDateTime(event.at),
    who: event.actorRole ? roleLabel(event.actorRole) : '系统',
    reason: event.reason?.trim() ?? '',
    changes: event.changes.map(describeChange),
  }
}

/** `乡镇干部 · 堌阳镇 · 2026-11-23 21:40`. */
export function describeViewer(record: AccessRecord): string {
  const region = record.actorRegionName || record.actorRegion || ''
  return [roleLabel(record.actorRole as Role), region, formatDateTime(record.at)].filter(Boolean).join(' · ')
}

/** What the viewer did: `查看详情` or `查看明文（身份证号）`. */
export function viewerAction(record: AccessRecord): string {
  if (record.kind === 'REVEAL') return record.field ? `查看明文（${protectedFieldLabel(record.field)}）` : '查看明文'
  if (record.kind === 'VIEW') return '查看详情'
  return record.kind
}

/** Roles that may open the household registry pages (account managers handle accounts only). */
export function canBrowseHouseholds(role: Role | string | null | undefined): boolean {
  return (
    !!role &&
    ['PROVINCE_CADRE', 'CITY_CADRE', 'COUNTY_CADRE', 'TOWNSHIP_CADRE', 'VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE'].includes(
      role,
    )
  )
}

/** Cadres closest to the household who may see full values: township and village (HouseholdService.REVEALERS). */
export function canRevealHouseholds(role: Role | string | null | undefined): boolean {
  return !!role && ['TOWNSHIP_CADRE', 'VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE'].includes(role)
}

/** Cadres who keep the registry (edit, members, import): county, township and village (HouseholdService.EDITORS). */
export function canEditHouseholds(role: Role | string | null | undefined): boolean {
  return !!role && ['COUNTY_CADRE', 'TOWNSHIP_CADRE', 'VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE'].includes(role)
}
