import type { Me, Role, Satisfaction, Ticket, TicketCategory, TicketChannel, TicketEvent, TicketStatsRow, TicketStatus } from '@/api/types'
import { canOpenCases, regionCovers, regionLevel, type CaseStep } from './cases'
import { formatDateTime, optionsOf, todayInBeijing } from './household'
import { isCadre, roleLabel } from './labels'

/** Status words as the complainant reads them. */
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  REGISTERED: '待受理',
  HANDLING: '办理中',
  REPLIED: '已答复，请评价',
  CLOSED: '已办结',
  REFUSED: '不予受理',
  MERGED: '已合并',
}

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  ASSISTANCE: '帮扶措施落实',
  MONITORING: '监测识别',
  SUBSIDY: '补贴资金',
  HEALTH: '医疗保障',
  EDUCATION: '教育资助',
  HOUSING: '住房饮水',
  EMPLOYMENT: '就业务工',
  CADRE_CONDUCT: '干部作风',
  OTHER: '其他',
}

export const TICKET_CHANNEL_LABELS: Record<TicketChannel, string> = {
  MINIPROGRAM: '小程序',
  HOTLINE_12345: '12345 热线',
  HOTLINE_12317: '12317 热线',
  LETTER: '来信',
  VISIT: '来访',
  OTHER: '其他',
}

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
}

export const TICKET_STATUS_OPTIONS = optionsOf(TICKET_STATUS_LABELS)
export const TICKET_CATEGORY_OPTIONS = optionsOf(TICKET_CATEGORY_LABELS)
/** What a cadre registers: calls, letters and visits (the mini-program's own come from farmers). */
export const REGISTER_CHANNEL_OPTIONS = optionsOf(TICKET_CHANNEL_LABELS).filter((o) => o.value !== 'MINIPROGRAM')
export const SATISFACTION_OPTIONS = optionsOf(SATISFACTION_LABELS)

/** How cadres read a reply: waiting for the complainant's rating. */
const REPLIED_FOR_CADRES = '已答复，待评价'

/** A status in plain words; cadres read a reply as waiting for the complainant's rating. */
export function ticketStatusLabel(status: TicketStatus | string | null | undefined, role?: Role | string | null): string {
  if (!status) return ''
  if (status === 'REPLIED' && isCadre(role)) return REPLIED_FOR_CADRES
  return TICKET_STATUS_LABELS[status as TicketStatus] ?? status
}

/** The cadres' status filter. */
export const STATUS_FILTER_OPTIONS = TICKET_STATUS_OPTIONS.map((o) => (o.value === 'REPLIED' ? { ...o, label: REPLIED_FOR_CADRES } : o))

export const ticketCategoryLabel = (value: TicketCategory | string | null | undefined) =>
  (value && TICKET_CATEGORY_LABELS[value as TicketCategory]) || value || ''
export const ticketChannelLabel = (value: TicketChannel | string | null | undefined) =>
  (value && TICKET_CHANNEL_LABELS[value as TicketChannel]) || value || ''
export const satisfactionLabel = (value: Satisfaction | string | null | undefined) =>
  (value && SATISFACTION_LABELS[value as Satisfaction]) || value || ''

/** Statuses in which the ticket is still being worked on (a duplicate may be merged into such a one). */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['REGISTERED', 'HANDLING', 'REPLIED']

export function isTicketOpen(t: Pick<Ticket, 'status'>): boolean {
  return OPEN_TICKET_STATUSES.includes(t.status)
}

type Dues = Pick<Ticket, 'status' | 'acceptDue' | 'handleDue' | 'overdue' | 'overdueWorkingDays' | 'supervised' | 'superviseDue'>

/** The date the ticket's current step is due by: acceptance while registered, handling (or the supervision's) after. */
function currentDue(t: Dues): string | null {
  if (t.status === 'REGISTERED') return t.acceptDue ?? null
  if (t.status === 'HANDLING') return (t.supervised && t.superviseDue) || t.handleDue || null
  return null
}

/** Overdue by the server's word when it gives one; otherwise a step due before today (Beijing). */
export function isTicketOverdue(t: Dues, today: string = todayInBeijing()): boolean {
  if (t.status !== 'REGISTERED' && t.status !== 'HANDLING') return false
  if (typeof t.overdue === 'boolean') return t.overdue
  const due = currentDue(t)
  return !!due && due < today
}

/** `超期 3 个工作日`, or `已超期` when the server did not count the days; '' when on time. */
export function overdueText(t: Dues, today: string = todayInBeijing()): string {
  if (!isTicketOverdue(t, today)) return ''
  return t.overdueWorkingDays ? `超期 ${t.overdueWorkingDays} 个工作日` : '已超期'
}

/** `受理时限 2026-11-24` while registered, `办理时限 2026-12-08` (or the supervision's date) while handled. */
export function ticketDueText(t: Dues): string {
  if (t.status === 'REGISTERED') return t.acceptDue ? `受理时限 ${t.acceptDue}` : ''
  if (t.status !== 'HANDLING') return ''
  if (t.supervised && t.superviseDue) return `督办限 ${t.superviseDue} 前办结`
  return t.handleDue ? `办理时限 ${t.handleDue}` : ''
}

/** The to-do list as the cadre works it: supervised ones first, otherwise in the server's order (by due date). */
export function todoOrder<T extends Pick<Ticket, 'supervised'>>(items: readonly T[]): T[] {
  return [...items.filter((t) => t.supervised), ...items.filter((t) => !t.supervised)]
}

// ---- who acts ----

/** Cadres at township level and above accept, refuse, and oversee the units below them. */
const ACCEPTING_ROLES: readonly string[] = ['PROVINCE_CADRE', 'CITY_CADRE', 'COUNTY_CADRE', 'TOWNSHIP_CADRE']
/** Every cadre who may handle a ticket assigned to the own region. */
const TICKET_CADRES: readonly string[] = [...ACCEPTING_ROLES, 'VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE']

type Viewer = Pick<Me, 'role' | 'regionCode'> | null | undefined
type Acting = Pick<
  Ticket,
  | 'status'
  | 'regionCode'
  | 'handlerRegion'
  | 'handlerDepartmentId'
  | 'events'
  | 'extensionCount'
  | 'extensionPendingDays'
  | 'handleDue'
  | 'rateFrom'
  | 'anonymous'
  | 'complainantName'
  | 'complainantPhone'
  | 'householdId'
  | 'caseId'
>

/** Cadres who work on tickets: the inbox and registering calls, letters and visits. */
export function canHandleTickets(role: Role | string | null | undefined): boolean {
  return !!role && TICKET_CADRES.includes(role)
}

/** Township and above: the bulletin of overdue tickets and the statistics. */
export function canOverseeTickets(role: Role | string | null | undefined): boolean {
  return !!role && ACCEPTING_ROLES.includes(role)
}

/** The region of the unit that accepted the ticket (the last acceptance on record). */
export function acceptorRegion(t: Pick<Ticket, 'events'>): string | null {
  const accepted = [...(t.events ?? [])].reverse().find((e) => e.type === 'ACCEPTED')
  return accepted?.actorRegion ?? null
}

/** A township-or-above cadre whose region holds the ticket's place, while it waits to be accepted. */
export function canAcceptTicket(t: Acting | null | undefined, me: Viewer): boolean {
  return !!t && !!me && t.status === 'REGISTERED' && ACCEPTING_ROLES.includes(me.role) && regionCovers(me.regionCode, t.regionCode)
}

/** A cadre of the unit that accepted the ticket. */
export function isAcceptingUnit(t: Acting | null | undefined, me: Viewer): boolean {
  return !!t && !!me && ACCEPTING_ROLES.includes(me.role) && !!me.regionCode && me.regionCode === acceptorRegion(t)
}

/**
 * Merging a duplicate and splitting a ticket of several matters belong to the accepting unit while the ticket is
 * registered or handled. The ticket does not name that unit: once accepted it is the one on record, before that
 * a township-or-above cadre over the ticket's place (the server refuses the others with a 403).
 */
export function canReshapeTicket(t: Acting | null | undefined, me: Viewer): boolean {
  if (!t || !me || !ACCEPTING_ROLES.includes(me.role)) return false
  if (t.status !== 'REGISTERED' && t.status !== 'HANDLING') return false
  const acceptor = acceptorRegion(t)
  return acceptor ? me.regionCode === acceptor : regionCovers(me.regionCode, t.regionCode)
}

/** A ticket about a household's hardship opens an identification case once, by the cadres who open cases. */
export function canOpenCaseFromTicket(t: Acting | null | undefined, me: Viewer): boolean {
  return !!t && !!me && canOpenCases(me.role) && t.householdId != null && t.caseId == null
}

/** A cadre of the handling unit (the region the ticket is assigned to). */
export function isHandlingUnit(t: Acting | null | undefined, me: Viewer): boolean {
  return !!t && !!me && TICKET_CADRES.includes(me.role) && !!t.handlerRegion && me.regionCode === t.handlerRegion
}

/** A cadre of a level above the handling unit, over it: approves extensions, urges and supervises. */
export function isAboveHandlingUnit(t: Acting | null | undefined, me: Viewer): boolean {
  return (
    !!t &&
    !!me &&
    ACCEPTING_ROLES.includes(me.role) &&
    !!t.handlerRegion &&
    me.regionCode !== t.handlerRegion &&
    regionCovers(me.regionCode, t.handlerRegion)
  )
}

export interface Availability {
  allowed: boolean
  /** Why not ('' when allowed). */
  reason: string
}

/**
 * The complainant rates a reply from `rateFrom` on (the next working day after the reply; Beijing dates).
 * Without a date the server decides.
 */
export function ratingAvailability(t: Pick<Ticket, 'status' | 'rateFrom'>, today: string = todayInBeijing()): Availability {
  if (t.status !== 'REPLIED') return { allowed: false, reason: '答复后才能评价' }
  if (t.rateFrom && today < t.rateFrom) return { allowed: false, reason: `答复次日起可以评价（${t.rateFrom} 起）` }
  return { allowed: true, reason: '' }
}

/** The handling unit may ask once for more time, before the handling deadline, while no request is pending. */
export function extensionAvailability(
  t: Pick<Ticket, 'status' | 'extensionCount' | 'extensionPendingDays' | 'handleDue'>,
  today: string = todayInBeijing(),
): Availability {
  if (t.status !== 'HANDLING') return { allowed: false, reason: '办理中才能申请延期' }
  if (t.extensionPendingDays != null) return { allowed: false, reason: '延期申请正在等待上级审批' }
  if ((t.extensionCount ?? 0) >= 1) return { allowed: false, reason: '已延期过一次，不能再申请' }
  if (t.handleDue && today > t.handleDue) return { allowed: false, reason: '已过办理时限，不能再申请延期' }
  return { allowed: true, reason: '' }
}

export type TicketAction =
  | 'accept'
  | 'refuse'
  | 'assign'
  | 'note'
  | 'reply'
  | 'extension'
  | 'decideExtension'
  | 'urge'
  | 'supervise'
  | 'followUp'
  | 'rate'
  | 'merge'
  | 'split'
  | 'openCase'

/** What the signed-in user may do with the ticket now, in the order the buttons show. */
export function ticketActions(t: Acting | null | undefined, me: Viewer, today: string = todayInBeijing()): TicketAction[] {
  if (!t || !me) return []
  if (me.role === 'FARMER') return ratingAvailability(t, today).allowed ? ['rate'] : []
  const actions: TicketAction[] = []
  if (canAcceptTicket(t, me)) actions.push('accept', 'refuse')
  if (t.status === 'HANDLING') {
    const handler = isHandlingUnit(t, me)
    // While a department holds it, its system handles it; the region's own cadres supervise it with those above.
    const held = t.handlerDepartmentId != null
    const above = isAboveHandlingUnit(t, me) || (held && handler && ACCEPTING_ROLES.includes(me.role))
    if (handler && !held) actions.push('note', 'reply')
    if (handler && extensionAvailability(t, today).allowed) actions.push('extension')
    if (above && t.extensionPendingDays != null) actions.push('decideExtension')
    if (above) actions.push('urge', 'supervise')
    if (above || (isAcceptingUnit(t, me) && !handler)) actions.push('assign')
  }
  if (t.status === 'REPLIED' && isAcceptingUnit(t, me)) actions.push('followUp')
  if (canReshapeTicket(t, me)) actions.push('merge', 'split')
  if (canOpenCaseFromTicket(t, me)) actions.push('openCase')
  return actions
}

export const TICKET_ACTION_LABELS: Record<TicketAction, string> = {
  accept: '受理并交办',
  refuse: '不予受理',
  assign: '转办',
  note: '记录办理情况',
  reply: '答复',
  extension: '申请延期',
  decideExtension: '审批延期',
  urge: '催办',
  supervise: '督办',
  followUp: '电话回访',
  rate: '评价',
  merge: '合并重复工单',
  split: '拆分工单',
  openCase: '发起识别',
}

/**
 * 查看投诉人 is offered to the units that deal with the complainant: the one that accepts (or may accept) the
 * ticket, and the handling unit unless the complainant asked to stay anonymous. Only when there is a name or
 * phone to show.
 */
export function canRevealComplainant(t: Acting | null | undefined, me: Viewer): boolean {
  if (!t || !me || !(t.complainantName || t.complainantPhone)) return false
  if (canAcceptTicket(t, me) || isAcceptingUnit(t, me)) return true
  return isHandlingUnit(t, me) && !t.anonymous
}

// ---- what happened, in plain words ----

export const TICKET_EVENT_LABELS: Record<string, string> = {
  REGISTERED: '登记投诉',
  ACCEPTED: '受理',
  REFUSED: '不予受理',
  ASSIGNED: '交办',
  REASSIGNED: '转办',
  ACTION: '办理情况',
  REPLIED: '答复',
  EXTENSION_REQUESTED: '申请延期',
  EXTENSION_APPROVED: '同意延期',
  EXTENSION_REFUSED: '不同意延期',
  URGED: '催办',
  SUPERVISED: '督办',
  RATED: '投诉人评价',
  FOLLOWED_UP: '电话回访',
  REOPENED: '发回重办',
  CLOSED: '办结',
  AUTO_CLOSED: '答复后未评价，到期自动办结',
  MERGED: '与同一事项的工单合并',
  SPLIT: '拆分工单',
  SPLIT_FROM: '由工单拆分',
  CASE_OPENED: '发起返贫风险识别',
  BULLETINED: '超期通报',
  RETURNED: '部门退回',
}

const CONTENT_LABELS: Record<string, string> = {
  ACCEPTED: '受理意见',
  REFUSED: '理由',
  REASSIGNED: '理由',
  ACTION: '办理情况',
  REPLIED: '答复',
  EXTENSION_REQUESTED: '理由',
  EXTENSION_APPROVED: '意见',
  EXTENSION_REFUSED: '理由',
  URGED: '催办意见',
  SUPERVISED: '督办要求',
  RATED: '评价意见',
  FOLLOWED_UP: '回访记录',
  REOPENED: '原因',
  SPLIT: '理由',
  RETURNED: '退回理由',
}

export function ticketEventLabel(type: string | null | undefined): string {
  if (!type) return ''
  return TICKET_EVENT_LABELS[type] ?? '办理记录'
}

/** Names of the regions a ticket mentions (its place and its handling unit), for the steps. */
export function ticketRegionNames(t: Pick<Ticket, 'regionCode' | 'regionName' | 'handlerRegion' | 'handlerRegionName'>): Record<string, string> {
  const names: Record<string, string> = {}
  if (t.regionName) names[t.regionCode] = t.regionName
  if (t.handlerRegion && t.handlerRegionName) names[t.handlerRegion] = t.handlerRegionName
  return names
}

/** One step of a ticket in plain Chinese; `names` turns region codes into names where known. */
export function describeTicketEvent(event: TicketEvent, names: Record<string, string> = {}): CaseStep {
  const target = event.targetRegion ? names[event.targetRegion] ?? event.targetRegion : ''
  let title = ticketEventLabel(event.type)
  const unit = event.targetDepartment || target
  if (unit && (event.type === 'ASSIGNED' || event.type === 'REASSIGNED')) title = `${title}：由${unit}办理`
  if (target && event.type === 'RETURNED') title = `${title}：交回${target}重新交办`
  const who = !event.actorRole ? '系统' : event.actorRole === 'FARMER' ? '投诉人' : roleLabel(event.actorRole)
  const region = event.actorRegion && event.actorRole !== 'FARMER' ? names[event.actorRegion] ?? '' : ''
  return {
    title,
    when: formatDateTime(event.at),
    who: [who, region].filter(Boolean).join(' · '),
    stage: '',
    reason: event.content?.trim() ?? '',
    reasonLabel: CONTENT_LABELS[event.type] ?? '说明',
    due: event.due ? (event.type === 'SUPERVISED' ? `限 ${event.due} 前办结` : `时限 ${event.due}`) : '',
    decision: satisfactionLabel(event.satisfaction),
    decisionCode: event.satisfaction ?? '',
    attachments: event.attachments ?? [],
    place: '',
  }
}

/** The last event of a type (e.g. the latest reply or refusal), or null. */
export function lastTicketEvent(t: Pick<Ticket, 'events'>, type: string): TicketEvent | null {
  return [...(t.events ?? [])].reverse().find((e) => e.type === type) ?? null
}

export interface TicketProgress {
  /** pending, replied, closed or refused: the tone of the card. */
  kind: 'pending' | 'replied' | 'closed' | 'refused'
  title: string
  detail: string
}

/** Where the complainant's ticket stands, in plain words. */
export function ticketProgress(t: Ticket, today: string = todayInBeijing()): TicketProgress {
  const unit = t.handlerDepartmentName || t.handlerRegionName || t.handlerRegion || ''
  switch (t.status) {
    case 'REGISTERED':
      return { kind: 'pending', title: '等待受理', detail: `已收到您的投诉，将在 1 个工作日内受理${t.acceptDue ? `（${t.acceptDue} 前）` : ''}。` }
    case 'HANDLING':
      return {
        kind: 'pending',
        title: t.rehandleCount ? '重新办理中' : '正在办理',
        detail: `${t.rehandleCount ? '您对答复不满意，已发回重新办理。' : ''}${unit ? `已交${unit}办理` : '正在办理'}${t.handleDue ? `，办理时限 ${t.handleDue}` : ''}。`,
      }
    case 'REPLIED': {
      const rating = ratingAvailability(t, today)
      return { kind: 'replied', title: '已答复', detail: rating.allowed ? '请查看答复内容，并对办理结果作出评价。' : `请查看答复内容，${rating.reason}。` }
    }
    case 'CLOSED':
      return { kind: 'closed', title: '已办结', detail: t.satisfaction ? `您的评价：${satisfactionLabel(t.satisfaction)}` : '感谢您的反映。' }
    case 'REFUSED': {
      const reason = lastTicketEvent(t, 'REFUSED')?.content?.trim()
      return { kind: 'refused', title: '不予受理', detail: reason ? `理由：${reason}` : '如有疑问，可联系乡镇。' }
    }
    case 'MERGED':
      return { kind: 'closed', title: '已合并', detail: '与同一事项的投诉合并办理，请查看合并后的工单进展。' }
    default:
      return { kind: 'pending', title: ticketStatusLabel(t.status), detail: '' }
  }
}

export type TicketLinkKind = 'mergedInto' | 'splitFrom' | 'splitInto'

export const TICKET_LINK_LABELS: Record<TicketLinkKind, string> = {
  mergedInto: '已并入工单',
  splitFrom: '由此工单拆出',
  splitInto: '拆出的工单',
}

/** The tickets this one names: the one it was merged into, the one it was split from, those split off it. */
/** What a reader who may not open the linked ticket is told instead of a link. */
export const TICKET_LINK_CLOSED: Record<TicketLinkKind, string> = {
  mergedInto: '与同一事项的工单合并办理',
  splitFrom: '由另一张工单拆分而来',
  splitInto: '部分事项已拆分另行办理',
}

export function ticketLinks(t: Pick<Ticket, 'mergedInto' | 'splitFrom' | 'splitInto'> | null | undefined): { kind: TicketLinkKind; id: number }[] {
  if (!t) return []
  const links: { kind: TicketLinkKind; id: number }[] = []
  if (t.mergedInto != null) links.push({ kind: 'mergedInto', id: t.mergedInto })
  if (t.splitFrom != null) links.push({ kind: 'splitFrom', id: t.splitFrom })
  for (const id of t.splitInto ?? []) links.push({ kind: 'splitInto', id })
  return links
}

/** `/api/tickets/42` (the problem's `existing`) → 42. */
export function ticketIdFromAddress(address: string | null | undefined): number | null {
  const match = /\/api\/tickets\/(\d+)\/?$/.exec(address ?? '')
  return match ? Number(match[1]) : null
}

// ---- statistics ----

/** `87.5%` (one decimal at most), `—` when there is nothing to divide by. */
export function percentText(part: number | null | undefined, whole: number | null | undefined): string {
  if (!whole || whole <= 0 || part == null || part < 0) return '—'
  const value = Math.round((part / whole) * 1000) / 10
  return `${value}%`
}

/** 满意率 = (满意 + 基本满意) / 已评价, from the counts. */
export function satisfactionRateText(row: Pick<TicketStatsRow, 'satisfied' | 'rated'>): string {
  return percentText(row.satisfied, row.rated)
}

export type StatsDimension = 'region' | 'category' | 'channel'

/** A row's name: the region's name, the category's or the channel's words. */
export function statsRowName(row: Pick<TicketStatsRow, 'key' | 'name'>, dimension: StatsDimension): string {
  if (dimension === 'category') return ticketCategoryLabel(row.key)
  if (dimension === 'channel') return ticketChannelLabel(row.key)
  return row.name || row.key
}

/** A region row can be opened when the region has regions below it (villages are the last level). */
export function canDrillInto(code: string | null | undefined): boolean {
  const level = regionLevel(code)
  return level > 0 && level < 5
}
