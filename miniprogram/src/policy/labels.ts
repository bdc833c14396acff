import type { ConditionOp, PolicyCategory, PolicyFact, PolicyReachStatus, PolicyStatus, Role } from '@/api/types'
import {
  CATEGORY_LABELS,
  HEALTH_LABELS,
  LABOR_LABELS,
  MONITORING_TYPE_LABELS,
  RELATION_LABELS,
  RISK_TYPE_LABELS,
  optionsOf,
} from '@/utils/household'

/** Chinese words for every closed set of the policies part of the contract, in the contract's order. */

export const POLICY_CATEGORY_LABELS: Record<PolicyCategory, string> = {
  HEALTH: '健康医疗',
  EDUCATION: '教育',
  HOUSING: '住房',
  EMPLOYMENT: '就业',
  INDUSTRY: '产业',
  MICROCREDIT: '小额信贷',
  INSURANCE: '保险',
  SOCIAL_ASSISTANCE: '社会救助',
  OTHER: '其他',
}

export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  WITHDRAWN: '已撤回',
}

export const REACH_STATUS_LABELS: Record<PolicyReachStatus, string> = {
  NOTIFIED: '已通知',
  VIEWED: '已查看',
  APPLIED: '已申请',
  RECEIVING: '已享受',
}

const POLICY_EVENT_LABELS: Record<string, string> = {
  CREATED: '起草',
  UPDATED: '修改',
  PUBLISHED: '发布',
  WITHDRAWN: '撤回',
  NOTIFIED: '推送',
}

export const FACT_LABELS: Record<PolicyFact, string> = {
  CATEGORY: '农户类别',
  MONITORING_TYPE: '监测对象类型',
  RISK_TYPE: '风险类型（任一）',
  REGION: '所在区划',
  INCOME_PER_CAPITA: '最近年度人均纯收入',
  INCOME_THRESHOLD_RATIO: '人均纯收入与当年监测范围之比',
  HOUSING_SAFE: '住房安全',
  WATER_SAFE: '饮水安全',
  RISK_ELIMINATED: '风险已消除',
  MEMBER_COUNT: '家庭人口',
  AGE: '年龄',
  GENDER: '性别',
  RELATION: '与户主关系',
  HEALTH: '健康状况',
  DISABILITY_GRADE: '残疾等级（1 级最重）',
  SCHOOLING_STATUS: '在校生状况',
  LABOR_ABILITY: '劳动能力',
  WORK_STATUS: '务工状况',
  WORK_PLACE: '务工地点',
  ASSISTANCE_STATUS: '低保特困',
  MEDICAL_INSURED: '参加医保',
  PENSION_INSURED: '参加养老保险',
}

export const OP_LABELS: Record<ConditionOp, string> = {
  IN: '属于',
  NOT_IN: '不属于',
  GE: '不低于',
  LE: '不超过',
  GT: '大于',
  LT: '小于',
  IS_TRUE: '是',
  IS_FALSE: '否',
}

const GENDER_VALUE_LABELS: Record<string, string> = { MALE: '男', FEMALE: '女' }

/** The values the registry records for schooling (the contract keeps the field a free string). */
export const SCHOOLING_LABELS: Record<string, string> = {
  PRESCHOOL: '学前教育',
  PRIMARY: '小学',
  JUNIOR_HIGH: '初中',
  SENIOR_HIGH: '普通高中',
  SECONDARY_VOCATIONAL: '中职',
  HIGHER_VOCATIONAL: '高职高专',
  UNDERGRADUATE: '本科及以上',
  NOT_IN_SCHOOL: '非在校生',
  DROPPED_OUT: '失学辍学',
}

/** The values the registry records for work (a free string in the contract). */
export const WORK_STATUS_LABELS: Record<string, string> = {
  WORKING: '务工',
  FARMING: '务农',
  STUDYING: '在校就读',
  NONE: '无',
}

export const WORK_PLACE_LABELS: Record<string, string> = {
  NONE: '未外出',
  IN_TOWNSHIP: '乡镇内',
  IN_COUNTY: '县内乡外',
  IN_PROVINCE: '省内县外',
  OUTSIDE_PROVINCE: '省外',
  ABROAD: '境外',
}

export const ASSISTANCE_LABELS: Record<string, string> = {
  NONE: '无',
  DIBAO: '低保',
  TEKUN: '特困',
}

/** How a fact is compared: one of a closed set, a region, a number, or yes / no. */
export type FactKind = 'set' | 'region' | 'number' | 'boolean'

export interface FactInfo {
  fact: PolicyFact
  label: string
  kind: FactKind
  /** Member facts are used only inside 家中有成员. */
  member: boolean
  /** The closed set's values with their words (kind `set`). */
  options?: { value: string; label: string }[]
  /** The number's unit (kind `number`). */
  unit?: string
  /** Whole numbers only (ages, grades, people). */
  integer?: boolean
}

const set = (fact: PolicyFact, table: Record<string, string>, member = false): FactInfo => ({
  fact,
  label: FACT_LABELS[fact],
  kind: 'set',
  member,
  options: optionsOf(table),
})
const num = (fact: PolicyFact, unit: string, integer: boolean, member = false): FactInfo => ({
  fact,
  label: FACT_LABELS[fact],
  kind: 'number',
  member,
  unit,
  integer,
})
const bool = (fact: PolicyFact, member = false): FactInfo => ({ fact, label: FACT_LABELS[fact], kind: 'boolean', member })

/** Every fact a condition may use, household facts first, in the contract's order. */
export const FACTS: Record<PolicyFact, FactInfo> = {
  CATEGORY: set('CATEGORY', CATEGORY_LABELS),
  MONITORING_TYPE: set('MONITORING_TYPE', MONITORING_TYPE_LABELS),
  RISK_TYPE: set('RISK_TYPE', RISK_TYPE_LABELS),
  REGION: { fact: 'REGION', label: FACT_LABELS.REGION, kind: 'region', member: false },
  INCOME_PER_CAPITA: num('INCOME_PER_CAPITA', '元', false),
  INCOME_THRESHOLD_RATIO: num('INCOME_THRESHOLD_RATIO', '倍', false),
  HOUSING_SAFE: bool('HOUSING_SAFE'),
  WATER_SAFE: bool('WATER_SAFE'),
  RISK_ELIMINATED: bool('RISK_ELIMINATED'),
  MEMBER_COUNT: num('MEMBER_COUNT', '人', true),
  AGE: num('AGE', '岁', true, true),
  GENDER: set('GENDER', GENDER_VALUE_LABELS, true),
  RELATION: set('RELATION', RELATION_LABELS, true),
  HEALTH: set('HEALTH', HEALTH_LABELS, true),
  DISABILITY_GRADE: num('DISABILITY_GRADE', '级', true, true),
  SCHOOLING_STATUS: set('SCHOOLING_STATUS', SCHOOLING_LABELS, true),
  LABOR_ABILITY: set('LABOR_ABILITY', LABOR_LABELS, true),
  WORK_STATUS: set('WORK_STATUS', WORK_STATUS_LABELS, true),
  WORK_PLACE: set('WORK_PLACE', WORK_PLACE_LABELS, true),
  ASSISTANCE_STATUS: set('ASSISTANCE_STATUS', ASSISTANCE_LABELS, true),
  MEDICAL_INSURED: bool('MEDICAL_INSURED', true),
  PENSION_INSURED: bool('PENSION_INSURED', true),
}

/** Facts of the household (top-level rows) or of a member (inside 家中有成员), as picker options. */
export function factOptions(member: boolean): { value: PolicyFact; label: string }[] {
  return Object.values(FACTS)
    .filter((f) => f.member === member)
    .map((f) => ({ value: f.fact, label: f.label }))
}

export const POLICY_CATEGORY_OPTIONS = optionsOf(POLICY_CATEGORY_LABELS)
export const POLICY_STATUS_OPTIONS = optionsOf(POLICY_STATUS_LABELS)

function lookup(table: Record<string, string>, value: string | null | undefined): string {
  if (!value) return ''
  return table[value] ?? value
}

export const policyCategoryLabel = (value: string | null | undefined) => lookup(POLICY_CATEGORY_LABELS, value)
export const policyStatusLabel = (value: string | null | undefined) => lookup(POLICY_STATUS_LABELS, value)
export const reachStatusLabel = (value: string | null | undefined) => (value ? lookup(REACH_STATUS_LABELS, value) : '未通知')
export const policyEventLabel = (value: string | null | undefined) => lookup(POLICY_EVENT_LABELS, value)

/** `2026-01-01 起长期有效`, `2026-01-01 至 2026-12-31`. */
export function effectiveText(from: string, to: string | null | undefined): string {
  return to ? `${from} 至 ${to}` : `${from} 起长期有效`
}

const PUBLISHING_ROLES: readonly string[] = ['PROVINCE_CADRE', 'CITY_CADRE', 'COUNTY_CADRE']

/** County, city and province cadres draft and publish policies for their region and below. */
export function canPublishPolicies(role: Role | string | null | undefined): boolean {
  return !!role && PUBLISHING_ROLES.includes(role)
}

/** The publisher edits, publishes, withdraws and pushes a policy of the own region. */
export function isPublisherOf(
  policy: { regionCode: string } | null | undefined,
  me: { role: Role | string; regionCode?: string | null } | null | undefined,
): boolean {
  return !!policy && !!me && canPublishPolicies(me.role) && !!me.regionCode && me.regionCode === policy.regionCode
}
