import type { Case, CaseEvent, CaseOpeningSource, CaseSource, CaseStage, Me, Role } from '@/api/types'
import { formatDateTime, formatYuan, riskTypesText, todayInBeijing } from './household'
import { maskPhone, roleLabel } from './labels'

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  VISIT: '待入户核实',
  VILLAGE_REVIEW: '待村评议',
  PUBLIC_NOTICE: '公示中',
  TOWNSHIP_REVIEW: '待乡审核',
  COUNTY_APPROVAL: '待县审定',
  APPROVED: '已认定',
  REJECTED: '未认定',
  WITHDRAWN: '已撤回',
}

export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  FARMER_DECLARATION: '农户自主申报',
  SCREENING: '干部排查',
  VISIT: '走访发现',
  ALERT: '预警',
  TICKET: '信访工单',
  DEPARTMENT: '部门数据',
}

export const CASE_EVENT_LABELS: Record<string, string> = {
  DECLARED: '农户申报',
  OPENED: '干部发起识别',
  VISIT_ASSIGNED: '派发入户核实任务',
  VISITED: '完成入户核实',
  WITHDRAWN: '农户撤回申报',
}

/** How a cadre came upon the risk when opening a case (the chooser on the opening form). */
export const CASE_OPENING_SOURCE_OPTIONS: { value: CaseOpeningSource; label: string }[] = [
  { value: 'SCREENING', label: '排查发现' },
  { value: 'VISIT', label: '走访发现' },
]

export const CONSENT_TEXT = '同意村干部入户核实，并将所填信息用于防止返贫监测帮扶'

export function caseStageLabel(stage: CaseStage | string | null | undefined): string {
  if (!stage) return ''
  return CASE_STAGE_LABELS[stage as CaseStage] ?? stage
}

export function caseSourceLabel(source: CaseSource | string | null | undefined): string {
  if (!source) return ''
  return CASE_SOURCE_LABELS[source as CaseSource] ?? source
}

export function caseEventLabel(type: string | null | undefined): string {
  if (!type) return ''
  return CASE_EVENT_LABELS[type] ?? '办理记录'
}

/** 办理中 while the case is open, otherwise 已办结. */
export function caseOpenLabel(c: Pick<Case, 'open'>): string {
  return c.open ? '办理中' : '已办结'
}

/**
 * Overdue by the server's word when it gives one; otherwise an open case whose due date lies before today
 * (Beijing).
 */
export function isCaseOverdue(c: Pick<Case, 'open' | 'stageDue' | 'overdue'>, today: string = todayInBeijing()): boolean {
  if (!c.open) return false
  if (typeof c.overdue === 'boolean') return c.overdue
  return !!c.stageDue && c.stageDue < today
}

/** `办理时限 2026-11-30` and, past it, `（已超时）`; closed cases have none. */
export function caseDueText(c: Pick<Case, 'open' | 'stageDue' | 'overdue'>, today: string = todayInBeijing()): string {
  if (!c.open || !c.stageDue) return ''
  return `办理时限 ${c.stageDue}${isCaseOverdue(c, today) ? '（已超时）' : ''}`
}

/** A case the farmer declared (not one a cadre opened from screening, a visit or other sources). */
export function isDeclaration(c: Pick<Case, 'source'> | null | undefined): boolean {
  return c?.source === 'FARMER_DECLARATION'
}

/**
 * The farmer may withdraw an own declaration only before the home visit is done; a case a cadre opened is
 * not theirs to withdraw (the server answers 403).
 */
export function canWithdrawCase(
  c: Pick<Case, 'open' | 'stage' | 'source'> | null | undefined,
  role: Role | string | null | undefined,
): boolean {
  return !!c && role === 'FARMER' && isDeclaration(c) && c.open && c.stage === 'VISIT'
}

/** The declared amounts that were filled in, as `label: 1,200.00 元`. */
export function caseAmounts(c: Pick<Case, 'medicalExpense' | 'incomeLoss' | 'disasterLoss'>): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = []
  if (c.medicalExpense != null) rows.push({ label: '医疗自付费用', value: formatYuan(c.medicalExpense) })
  if (c.incomeLoss != null) rows.push({ label: '收入减少', value: formatYuan(c.incomeLoss) })
  if (c.disasterLoss != null) rows.push({ label: '灾害损失', value: formatYuan(c.disasterLoss) })
  return rows
}

export interface CaseStep {
  title: string
  when: string
  who: string
  stage: string
  reason: string
  due: string
}

/** One step of a case in plain Chinese. */
export function describeCaseEvent(event: CaseEvent): CaseStep {
  return {
    title: caseEventLabel(event.type),
    when: formatDateTime(event.at),
    who: event.actorRole ? roleLabel(event.actorRole) : '系统',
    stage: event.stage ? caseStageLabel(event.stage) : '',
    reason: event.reason?.trim() ?? '',
    due: event.due ? `时限 ${event.due}` : '',
  }
}

/** One line for lists: `因病、因灾 · 待入户核实`. */
export function caseSummary(c: Pick<Case, 'riskTypes' | 'stage'>): string {
  return `${riskTypesText(c.riskTypes)} · ${caseStageLabel(c.stage)}`
}

export function casePhone(c: Pick<Case, 'contactPhone'>): string {
  return maskPhone(c.contactPhone)
}

/** `/api/cases/42` (the problem's `existing`) → 42. */
export function caseIdFromAddress(address: string | null | undefined): number | null {
  const match = /\/api\/cases\/(\d+)\/?$/.exec(address ?? '')
  return match ? Number(match[1]) : null
}

const CASE_CADRES = ['COUNTY_CADRE', 'TOWNSHIP_CADRE', 'VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE']

/** Cadres who take part in the identification chain see the cases of their scope (county down to village). */
export function canListCases(role: Role | string | null | undefined): boolean {
  return !!role && CASE_CADRES.includes(role)
}

/** The same cadres open a case for a household of their region after screening or a visit. */
export function canOpenCases(role: Role | string | null | undefined): boolean {
  return !!role && CASE_CADRES.includes(role)
}

const VISIT_ROLES = ['VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE']

/** The village's cadres (村干部, 信息员, 驻村干部) record the home visit of a case of their village while it awaits it. */
export function canRecordVisit(
  c: Pick<Case, 'open' | 'stage' | 'regionCode'> | null | undefined,
  me: Pick<Me, 'role' | 'regionCode'> | null | undefined,
): boolean {
  return !!c && !!me && VISIT_ROLES.includes(me.role) && c.open && c.stage === 'VISIT' && me.regionCode === c.regionCode
}
