import type { Case, CaseDecision, CaseEvent, CaseOpeningSource, CaseSource, CaseStage, Me, Role } from '@/api/types'
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
  VILLAGE_REVIEWED: '村民主评议',
  NOTICE_PUBLISHED: '村内公示',
  OBJECTION_FILED: '收到公示异议',
  OBJECTION_ANSWERED: '答复公示异议',
  NOTICE_CLOSED: '公示期满，报乡镇审核',
  TOWNSHIP_REVIEWED: '乡镇审核',
  COUNTY_APPROVED: '县级审定',
  STAGE_ASSIGNED: '转入下一环节',
  MONITORING_STARTED: '纳入监测对象',
  REJECTED: '不予认定',
  OVERDUE: '超时提醒',
}

/** What each decision means at each step: RETURN sends the case one step back. */
const DECISION_WORDS: Record<string, Record<CaseDecision, string>> = {
  VILLAGE_REVIEWED: { PASS: '通过，进入公示', REJECT: '不通过', RETURN: '退回重新入户核实' },
  TOWNSHIP_REVIEWED: { PASS: '通过，报县级审定', REJECT: '不通过', RETURN: '退回村里重新评议' },
  COUNTY_APPROVED: { PASS: '通过，认定为监测对象', REJECT: '不予认定', RETURN: '退回乡镇重新审核' },
}
const DECISION_DEFAULT: Record<CaseDecision, string> = { PASS: '通过', REJECT: '不通过', RETURN: '退回' }

/** A step's decision in words, e.g. `退回重新入户核实` for a village review that returned the case. */
export function caseDecisionLabel(decision: CaseDecision | string | null | undefined, eventType?: string | null): string {
  if (!decision) return ''
  const words = (eventType && DECISION_WORDS[eventType]) || DECISION_DEFAULT
  return words[decision as CaseDecision] ?? decision
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
  /** What the reason is: 原因, 理由, 意见, 异议内容 or 答复. */
  reasonLabel: string
  due: string
  /** The decision in words ('' when the step made none). */
  decision: string
  /** PASS, REJECT or RETURN, for colouring; '' when none. */
  decisionCode: string
  /** The step's photos. */
  attachments: number[]
  /** `定位 34.820000, 114.820000` where the step was recorded. */
  place: string
}

/** Label of the step's text: the reason of a refusal or return, what an objection or its answer said, else 意见. */
function reasonLabel(event: CaseEvent): string {
  if (event.decision === 'REJECT' || event.decision === 'RETURN') return '理由'
  if (event.type === 'OBJECTION_FILED') return '异议内容'
  if (event.type === 'OBJECTION_ANSWERED') return '答复'
  if (event.type === 'WITHDRAWN') return '原因'
  if (event.decision) return '意见'
  return '原因'
}

/** One step of a case in plain Chinese. */
export function describeCaseEvent(event: CaseEvent): CaseStep {
  const reason = event.reason?.trim() ?? ''
  const hasPlace = typeof event.latitude === 'number' && typeof event.longitude === 'number'
  return {
    title: caseEventLabel(event.type),
    when: formatDateTime(event.at),
    // Objections come from anyone who read the notice, signed in or not.
    who: event.actorRole ? roleLabel(event.actorRole) : event.type === 'OBJECTION_FILED' ? '公众' : '系统',
    stage: event.stage ? caseStageLabel(event.stage) : '',
    reason,
    reasonLabel: reasonLabel(event),
    due: event.due ? `时限 ${event.due}` : '',
    decision: caseDecisionLabel(event.decision, event.type),
    decisionCode: event.decision ?? '',
    attachments: event.attachments ?? [],
    place: hasPlace ? `定位 ${(event.latitude as number).toFixed(6)}, ${(event.longitude as number).toFixed(6)}` : '',
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

/** Village roles: the village cadre, information officer and resident cadre. */
export const VILLAGE_ROLES: readonly string[] = VISIT_ROLES

/** How many leading digits of a 12-digit code name its region: 2 province, 4 city, 6 county, 9 township, 12 village. */
const SIGNIFICANT_DIGITS = [2, 4, 6, 9, 12]

/** The level of a region code (1 province … 5 village) from its trailing zeros; 0 when it is no 12-digit code. */
export function regionLevel(code: string | null | undefined): number {
  if (!code || !/^[0-9]{12}$/.test(code)) return 0
  const level = SIGNIFICANT_DIGITS.findIndex((digits) => /^0*$/.test(code.slice(digits)))
  return level + 1
}

/** Whether `code` lies in the region `ancestor` (a region covers itself), as RegionCodes.covers on the server. */
export function regionCovers(ancestor: string | null | undefined, code: string | null | undefined): boolean {
  const level = regionLevel(ancestor)
  if (!level || !ancestor || !code) return false
  return code.startsWith(ancestor.slice(0, SIGNIFICANT_DIGITS[level - 1]))
}

type ActingCase = Pick<Case, 'open' | 'stage' | 'regionCode'> | null | undefined
type Actor = Pick<Me, 'role' | 'regionCode'> | null | undefined

function actsOnVillageStage(c: ActingCase, me: Actor, stage: CaseStage): boolean {
  return !!c && !!me && VILLAGE_ROLES.includes(me.role) && c.open && c.stage === stage && me.regionCode === c.regionCode
}

/** The village's cadres record the democratic review (村民主评议) of a case of their village. */
export function canRecordVillageReview(c: ActingCase, me: Actor): boolean {
  return actsOnVillageStage(c, me, 'VILLAGE_REVIEW')
}

/** The village's cadres answer objections and, once the notice is over, send the case to the township. */
export function canHandleNotice(c: ActingCase, me: Actor): boolean {
  return actsOnVillageStage(c, me, 'PUBLIC_NOTICE')
}

/** A township cadre reviews cases of villages in the township. */
export function canTownshipReview(c: ActingCase, me: Actor): boolean {
  return !!c && !!me && me.role === 'TOWNSHIP_CADRE' && c.open && c.stage === 'TOWNSHIP_REVIEW' && regionCovers(me.regionCode, c.regionCode)
}

/** A county cadre approves cases of villages in the county. */
export function canCountyApprove(c: ActingCase, me: Actor): boolean {
  return !!c && !!me && me.role === 'COUNTY_CADRE' && c.open && c.stage === 'COUNTY_APPROVAL' && regionCovers(me.regionCode, c.regionCode)
}

export interface NoticeReadiness {
  ready: boolean
  /** Why the case cannot go to the township yet ('' when it can). */
  reason: string
}

/**
 * Whether the public notice may be closed (提交乡镇审核): from the day it ends (Beijing) and with every
 * objection answered. Without an end date the server decides.
 */
export function noticeReadiness(
  c: Pick<Case, 'noticeEnds' | 'openObjections'>,
  today: string = todayInBeijing(),
): NoticeReadiness {
  const open = c.openObjections ?? 0
  if (c.noticeEnds && today < c.noticeEnds) {
    return { ready: false, reason: `公示期至 ${c.noticeEnds}，期满当日起才能提交乡镇审核` }
  }
  if (open > 0) return { ready: false, reason: `还有 ${open} 条异议未答复，全部答复后才能提交乡镇审核` }
  return { ready: true, reason: '' }
}

/** `公示期至 2026-12-01 · 未答复异议 1 条`. */
export function noticeSummary(c: Pick<Case, 'noticeEnds' | 'openObjections'>): string {
  const parts = []
  if (c.noticeEnds) parts.push(`公示期至 ${c.noticeEnds}`)
  parts.push(c.openObjections ? `未答复异议 ${c.openObjections} 条` : '暂无未答复的异议')
  return parts.join(' · ')
}

export interface CaseOutcome {
  /** approved, rejected, returned, withdrawn or pending: the tone of the card. */
  kind: 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'pending'
  title: string
  detail: string
}

const DECIDING_EVENTS = ['VILLAGE_REVIEWED', 'TOWNSHIP_REVIEWED', 'COUNTY_APPROVED']

const RETURNED_BY: Record<string, string> = {
  VILLAGE_REVIEWED: '村民主评议退回，村干部将重新入户核实',
  TOWNSHIP_REVIEWED: '乡镇审核退回，村里将重新评议',
  COUNTY_APPROVED: '县级审定退回，乡镇将重新审核',
}

const PENDING_WORDS: Partial<Record<CaseStage, string>> = {
  VISIT: '等待村干部入户核实',
  VILLAGE_REVIEW: '入户核实已完成，等待村里民主评议',
  PUBLIC_NOTICE: '村民主评议已通过，正在村内公示',
  TOWNSHIP_REVIEW: '公示已结束，等待乡镇审核',
  COUNTY_APPROVAL: '乡镇审核已通过，等待县级审定',
}

/** What the farmer is told about the case, in plain words: the result once decided, else where it stands. */
export function caseOutcome(c: Pick<Case, 'stage' | 'open' | 'events'>): CaseOutcome {
  const decided = [...(c.events ?? [])].reverse().find((e) => DECIDING_EVENTS.includes(e.type) && e.decision)
  const reason = decided?.reason?.trim() ?? ''
  if (c.stage === 'APPROVED') {
    return { kind: 'approved', title: '已认定为监测对象', detail: '县级审定通过，您家已纳入防返贫监测，村里将为您家落实帮扶措施。' }
  }
  if (c.stage === 'REJECTED') {
    const by = decided ? caseEventLabel(decided.type) : ''
    return {
      kind: 'rejected',
      title: '未认定为监测对象',
      detail: reason ? `${by ? `${by}未通过。` : ''}理由：${reason}` : `${by ? `${by}未通过。` : ''}如有疑问，可联系村干部。`,
    }
  }
  if (c.stage === 'WITHDRAWN') return { kind: 'withdrawn', title: '已撤回申报', detail: '如困难再次出现，可以重新申报。' }
  if (c.open && decided?.decision === 'RETURN') {
    return { kind: 'returned', title: '退回重新核实', detail: `${RETURNED_BY[decided.type] ?? '案件已退回上一环节'}${reason ? `。理由：${reason}` : ''}` }
  }
  return { kind: 'pending', title: '正在办理', detail: PENDING_WORDS[c.stage as CaseStage] ?? caseStageLabel(c.stage) }
}
