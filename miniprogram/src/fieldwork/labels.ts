import type { Checkin, CheckinFlag, CheckinTask, LeaveStatus, Me, ResidentTeam, Role, TeamMember, TeamRole } from '@/api/types'

/** Chinese words for the fieldwork enums, and who sees which fieldwork action. */

export const CHECKIN_TASK_LABELS: Record<CheckinTask, string> = {
  HOME_VISIT: '入户走访',
  REVIEW_MEETING: '评议会议',
  DUTY_DAY: '村值班日',
  TEAM_ATTENDANCE: '驻村考勤',
  OTHER: '其他工作',
}

export const CHECKIN_FLAG_LABELS: Record<CheckinFlag, string> = {
  CLIENT_TIME_SKEW: '手机时间与服务器相差超过 10 分钟',
  IMPOSSIBLE_JUMP: '与上一次签到相比，移动速度不合常理',
  LOW_ACCURACY: '定位精度较差（超过 500 米）',
  NO_GEOFENCE: '本村尚未设置签到范围',
}

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  FIRST_SECRETARY: '第一书记',
  LEADER: '队长',
  MEMBER: '队员',
}

export const TEAM_ROLE_OPTIONS: { value: TeamRole; label: string }[] = (['FIRST_SECRETARY', 'LEADER', 'MEMBER'] as TeamRole[]).map(
  (value) => ({ value, label: TEAM_ROLE_LABELS[value] }),
)

export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = {
  PENDING: '待审批',
  APPROVED: '已批准',
  REFUSED: '未批准',
}

const label = <K extends string>(labels: Record<K, string>, value: K | string | null | undefined): string =>
  value ? labels[value as K] ?? String(value) : ''

export const checkinTaskLabel = (task: CheckinTask | string | null | undefined) => label(CHECKIN_TASK_LABELS, task)
export const checkinFlagLabel = (flag: CheckinFlag | string | null | undefined) => label(CHECKIN_FLAG_LABELS, flag)
export const teamRoleLabel = (role: TeamRole | string | null | undefined) => label(TEAM_ROLE_LABELS, role)
export const leaveStatusLabel = (status: LeaveStatus | string | null | undefined) => label(LEAVE_STATUS_LABELS, status)

/** `约 120 米`, `约 2.4 公里`; empty when unknown. */
export function distanceText(meters: number | null | undefined): string {
  if (meters === null || meters === undefined || Number.isNaN(meters)) return ''
  if (meters >= 1000) return `约 ${(meters / 1000).toFixed(1)} 公里`
  return `约 ${Math.round(meters)} 米`
}

/** Where a check-in was against the village's geofence, in plain words. */
export function checkinPlaceText(checkin: Pick<Checkin, 'inside' | 'distanceMeters'>): string {
  const distance = distanceText(checkin.distanceMeters)
  const from = distance ? `，距村中心${distance}` : ''
  if (checkin.inside === true) return `在村范围内${from}`
  if (checkin.inside === false) return `外勤${from}`
  return '本村未设置签到范围，未判断是否在村'
}

/** `inside`, `field` or `unknown`, for the row's class. */
export function checkinPlaceKind(checkin: Pick<Checkin, 'inside'>): 'inside' | 'field' | 'unknown' {
  if (checkin.inside === true) return 'inside'
  if (checkin.inside === false) return 'field'
  return 'unknown'
}

const ABOVE_VILLAGE: Role[] = ['PROVINCE_CADRE', 'CITY_CADRE', 'COUNTY_CADRE', 'TOWNSHIP_CADRE']
const COUNTY_AND_ABOVE: Role[] = ['PROVINCE_CADRE', 'CITY_CADRE', 'COUNTY_CADRE']
/** Those who do the work in a village and check in for it. */
const VILLAGE_WORKERS: Role[] = ['VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE']

type Who = Pick<Me, 'role'> | null | undefined

/** Township, county, city and province cadres: supervise teams and logs of their region. */
export const isTownshipOrAbove = (me: Who) => !!me && ABOVE_VILLAGE.includes(me.role)
/** County and above (and account managers) register assistance units and pair them with villages. */
export const canManageUnits = (me: Who) => !!me && (COUNTY_AND_ABOVE.includes(me.role) || me.role === 'ACCOUNT_MANAGER')
export const canPairUnits = (me: Who) => !!me && COUNTY_AND_ABOVE.includes(me.role)
/** Village cadres, information officers and resident cadres check in and write village work logs. */
export const isVillageWorker = (me: Who) => !!me && VILLAGE_WORKERS.includes(me.role)

/** A member still serving on the day given (not ended, dispatch not over). */
export function isServing(member: TeamMember, today: string): boolean {
  if (member.endedOn && member.endedOn <= today) return false
  if (member.dispatchTo && member.dispatchTo < today) return false
  return member.dispatchFrom <= today
}

/** My membership of the team, while serving. */
export function myMembership(team: ResidentTeam | null, me: Pick<Me, 'id'> | null | undefined, today: string): TeamMember | null {
  if (!team || !me) return null
  return team.members.find((m) => m.accountId === me.id && isServing(m, today)) ?? null
}

/** The team leader (队长) or the township cadre decides leave, never on the own request. */
export function canDecideLeave(team: ResidentTeam | null, me: Pick<Me, 'id' | 'role'> | null | undefined, today: string): boolean {
  if (!team || !me) return false
  if (me.role === 'TOWNSHIP_CADRE') return true
  return myMembership(team, me, today)?.teamRole === 'LEADER'
}

/** A dispatch period: `2026-03-01 起`, or `2026-03-01 至 2027-02-28`, with the early end when there is one. */
export function dispatchText(member: Pick<TeamMember, 'dispatchFrom' | 'dispatchTo' | 'endedOn'>): string {
  const period = member.dispatchTo ? `${member.dispatchFrom} 至 ${member.dispatchTo}` : `${member.dispatchFrom} 起`
  return member.endedOn ? `${period}（${member.endedOn} 已结束）` : period
}

/** This month as `YYYY-MM` in Beijing time. */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** The first day of the month of a date (`2026-11-23` → `2026-11-01`). */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** A date some days before another (`YYYY-MM-DD`, calendar days). */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - days)
  return d.toISOString().slice(0, 10)
}

/** A village code (12 digits, not ending in 000) rather than a township or higher. */
export function isVillageCode(code: string | null | undefined): boolean {
  return !!code && /^[0-9]{12}$/.test(code) && !code.endsWith('000')
}

/** An entry of the workbench's 驻村工作 section. */
export interface FieldworkLink {
  label: string
  url: string
  /** The button's class (tests, browser scenarios). */
  kind: string
}

/**
 * The 驻村工作 entries that fit a role: own check-ins and logs for those working in a village (the resident
 * cadre's own team too); teams, logs and assistance units of the region for township cadres and above.
 */
export function fieldworkLinks(me: Who): FieldworkLink[] {
  const links: FieldworkLink[] = []
  if (isVillageWorker(me)) links.push({ label: '签到记录', url: '/pages/fieldwork/mine', kind: 'link-my-checkins' })
  if (me?.role === 'RESIDENT_CADRE') links.push({ label: '驻村工作队', url: '/pages/fieldwork/team', kind: 'link-my-team' })
  if (isTownshipOrAbove(me)) links.push({ label: '驻村工作队', url: '/pages/fieldwork/teams', kind: 'link-teams' })
  if (isVillageWorker(me) || isTownshipOrAbove(me)) links.push({ label: '驻村日志', url: '/pages/fieldwork/logs', kind: 'link-logs' })
  if (isTownshipOrAbove(me) || me?.role === 'ACCOUNT_MANAGER') links.push({ label: '帮扶单位', url: '/pages/fieldwork/units', kind: 'link-units' })
  return links
}
