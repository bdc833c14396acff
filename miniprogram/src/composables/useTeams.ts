import { computed, reactive, ref } from 'vue'
import { checkinsApi, teamsApi, unitsApi } from '@/api/endpoints'
import { errorMessage } from '@/api/errors'
import type {
  AssistanceUnit,
  CheckinRules,
  Leave,
  Me,
  NewLeave,
  NewResidentTeam,
  NewTeamMember,
  ResidentTeam,
  TeamAttendance,
  TeamRole,
} from '@/api/types'
import { canDecideLeave, isTownshipOrAbove, isVillageCode, monthOf, myMembership } from '@/fieldwork/labels'
import { todayInBeijing } from '@/utils/household'
import { checkedText, useFormSubmit, withLoading, type Draft } from './useSubmit'

const DATE = /^\d{4}-\d{2}-\d{2}$/

export const NEED_COMMENT = '不批准时请填写意见'

export interface LeaveFields {
  from: string
  to: string
  reason: string
}

export const LEAVE_FIELDS = ['from', 'to', 'reason'] as const

/** NewLeave from the form, or what is missing before asking the server. */
export function newLeaveBody(fields: LeaveFields): Draft<NewLeave> {
  const errors: Record<string, string> = {}
  if (!DATE.test(fields.from)) errors.from = '请选择开始日期'
  if (!DATE.test(fields.to)) errors.to = '请选择结束日期'
  else if (DATE.test(fields.from) && fields.to < fields.from) errors.to = '结束日期不能早于开始日期'
  const reason = checkedText(fields.reason, errors, 'reason', { label: '请假事由', max: 200, missing: '请填写请假事由' })
  if (Object.keys(errors).length) return { body: null, errors }
  return { body: { from: fields.from, to: fields.to, reason }, errors }
}

export interface MemberFields {
  accountId: string
  teamRole: TeamRole | ''
  sendingUnit: string
  dispatchFrom: string
  dispatchTo: string
}

export const MEMBER_FIELDS = ['accountId', 'teamRole', 'sendingUnit', 'dispatchFrom', 'dispatchTo'] as const

/** NewTeamMember from the form, or what is missing before asking the server. */
export function newMemberBody(fields: MemberFields): Draft<NewTeamMember> {
  const errors: Record<string, string> = {}
  // A number input may hand over a number rather than the text typed.
  const raw = String(fields.accountId ?? '').trim()
  const accountId = Number(raw)
  if (!raw || !Number.isInteger(accountId) || accountId <= 0) errors.accountId = '请填写驻村干部的账号编号'
  if (!fields.teamRole) errors.teamRole = '请选择队内职务'
  const sendingUnit = checkedText(fields.sendingUnit, errors, 'sendingUnit', { label: '派出单位', max: 60 })
  if (!DATE.test(fields.dispatchFrom)) errors.dispatchFrom = '请选择选派开始日期'
  if (fields.dispatchTo && DATE.test(fields.dispatchFrom) && fields.dispatchTo < fields.dispatchFrom) errors.dispatchTo = '选派结束日期不能早于开始日期'
  if (Object.keys(errors).length) return { body: null, errors }
  const body: NewTeamMember = { accountId, teamRole: fields.teamRole as TeamRole, dispatchFrom: fields.dispatchFrom }
  if (sendingUnit) body.sendingUnit = sendingUnit
  if (fields.dispatchTo) body.dispatchTo = fields.dispatchTo
  return { body, errors }
}

export interface TeamFields {
  villageCode: string
  unitId: number | null
  startDate: string
  endDate: string
  expectedDaysPerMonth: string
}

export const TEAM_FIELDS = ['villageCode', 'unitId', 'startDate', 'endDate', 'expectedDaysPerMonth'] as const

/** NewResidentTeam from the form (a village, not a township), or what is missing. */
export function newTeamBody(fields: TeamFields): Draft<NewResidentTeam> {
  const errors: Record<string, string> = {}
  if (!isVillageCode(fields.villageCode)) errors.villageCode = '请选择驻村的村'
  if (!DATE.test(fields.startDate)) errors.startDate = '请选择组建日期'
  if (fields.endDate && fields.endDate < fields.startDate) errors.endDate = '结束日期不能早于组建日期'
  const days = String(fields.expectedDaysPerMonth ?? '').trim()
  const expected = Number(days)
  if (days && (!Number.isInteger(expected) || expected < 0 || expected > 31)) errors.expectedDaysPerMonth = '每月应驻村天数应为 0 到 31 的整数'
  if (Object.keys(errors).length) return { body: null, errors }
  const body: NewResidentTeam = { villageCode: fields.villageCode, startDate: fields.startDate }
  if (fields.unitId) body.unitId = fields.unitId
  if (fields.endDate) body.endDate = fields.endDate
  if (days) body.expectedDaysPerMonth = expected
  return { body, errors }
}

/**
 * A resident team's page: the team (by id, or the first of mine), its month's attendance as the server orders it
 * (team role, then name; never ranked), its leave requests, my leave form, the leader's or township's decisions
 * and, for township cadres and above, adding a member.
 */
export function useTeamPage() {
  const me = ref<Me | null>(null)
  const mine = ref<ResidentTeam[]>([])
  const team = ref<ResidentTeam | null>(null)
  const loading = ref(false)
  const error = ref('')
  /** Signed in as a cadre without a team of their own. */
  const noTeam = ref(false)
  const rules = ref<CheckinRules | null>(null)
  const today = todayInBeijing()
  const month = ref(monthOf(today))
  const attendance = ref<TeamAttendance | null>(null)
  const attendanceLoading = ref(false)
  const attendanceError = ref('')
  const leaves = ref<Leave[]>([])
  const leavesError = ref('')

  const membership = computed(() => myMembership(team.value, me.value, today))
  const mayDecide = computed(() => canDecideLeave(team.value, me.value, today))
  const mayAddMember = computed(() => isTownshipOrAbove(me.value))
  /** The check-in the team page offers: attendance where the province records it, a duty day otherwise. */
  const checkinTask = computed(() => (rules.value?.recordAttendance ? 'TEAM_ATTENDANCE' : 'DUTY_DAY'))
  const pending = computed(() => leaves.value.filter((l) => l.status === 'PENDING' && mayDecide.value && l.accountId !== me.value?.id))

  async function loadAttendance() {
    if (!team.value) return
    const id = team.value.id
    const read = await withLoading(attendanceLoading, attendanceError, () => teamsApi.attendance(id, month.value))
    if (read) attendance.value = read
  }

  async function loadLeaves() {
    if (!team.value) return
    try {
      leaves.value = await teamsApi.leaves(team.value.id)
      leavesError.value = ''
    } catch (e) {
      leavesError.value = errorMessage(e)
    }
  }

  async function show(next: ResidentTeam) {
    team.value = next
    await Promise.all([loadAttendance(), loadLeaves()])
  }

  /** Opens the team `id`, or without one the first team I serve on. */
  async function open(current: Me, id: number | null) {
    me.value = current
    noTeam.value = false
    checkinsApi.rules().then(
      (r) => (rules.value = r),
      () => {},
    )
    const read = await withLoading(loading, error, async () => {
      if (id) return teamsApi.get(id)
      mine.value = await teamsApi.mine()
      return mine.value[0] ?? null
    })
    if (read === undefined) return
    if (read === null) {
      noTeam.value = true
      return
    }
    await show(read)
  }

  function setMonth(value: string) {
    month.value = value.slice(0, 7)
    loadAttendance()
  }

  // ---- my leave request ----
  const leaveFields = reactive<LeaveFields>({ from: '', to: '', reason: '' })
  const leaveForm = useFormSubmit<NewLeave, Leave>({
    send: (body, key) => teamsApi.requestLeave(team.value!.id, body, key),
    fields: LEAVE_FIELDS,
    onDone: (leave) => {
      leaves.value = [leave, ...leaves.value.filter((l) => l.id !== leave.id)]
      Object.assign(leaveFields, { from: '', to: '', reason: '' })
      uni.showToast({ title: '已提交请假', icon: 'success' })
    },
  })

  // ---- deciding leave ----
  const comments = reactive<Record<number, string>>({})
  const decideErrors = reactive<Record<number, string>>({})
  const deciding = ref<number | null>(null)

  async function decide(leave: Leave, approve: boolean): Promise<boolean> {
    if (!team.value || deciding.value !== null) return false
    const comment = (comments[leave.id] ?? '').trim()
    decideErrors[leave.id] = ''
    if (!approve && !comment) {
      decideErrors[leave.id] = NEED_COMMENT
      return false
    }
    if (comment.length > 200) {
      decideErrors[leave.id] = '意见最长 200 个字'
      return false
    }
    deciding.value = leave.id
    try {
      const decided = await teamsApi.decideLeave(team.value.id, leave.id, comment ? { approve, comment } : { approve })
      leaves.value = leaves.value.map((l) => (l.id === decided.id ? decided : l))
      comments[leave.id] = ''
      uni.showToast({ title: approve ? '已批准' : '已不批准', icon: 'success' })
      loadAttendance()
      return true
    } catch (e) {
      decideErrors[leave.id] = errorMessage(e)
      // Decided meanwhile by someone else: show what stands now.
      loadLeaves()
      return false
    } finally {
      deciding.value = null
    }
  }

  // ---- adding a member (township cadres and above) ----
  const memberFields = reactive<MemberFields>({ accountId: '', teamRole: '', sendingUnit: '', dispatchFrom: today, dispatchTo: '' })
  const memberForm = useFormSubmit<NewTeamMember, ResidentTeam>({
    send: (body) => teamsApi.addMember(team.value!.id, body),
    fields: MEMBER_FIELDS,
    onDone: (updated) => {
      team.value = updated
      Object.assign(memberFields, { accountId: '', teamRole: '', sendingUnit: '', dispatchTo: '' })
      uni.showToast({ title: '已选派队员', icon: 'success' })
      loadAttendance()
    },
  })

  return {
    me,
    mine,
    team,
    loading,
    error,
    noTeam,
    rules,
    today,
    month,
    attendance,
    attendanceLoading,
    attendanceError,
    leaves,
    leavesError,
    membership,
    mayDecide,
    mayAddMember,
    checkinTask,
    pending,
    open,
    show,
    setMonth,
    leaveFields,
    leaveForm,
    requestLeave: () => leaveForm.submit(() => newLeaveBody(leaveFields)),
    comments,
    decideErrors,
    deciding,
    decide,
    memberFields,
    memberForm,
    addMember: () => memberForm.submit(() => newMemberBody(memberFields)),
  }
}

/** 驻村工作队 of a region for township cadres and above, and the form that forms a new one. */
export function useTeamList() {
  const teams = ref<ResidentTeam[]>([])
  const units = ref<AssistanceUnit[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')
  const region = ref('')

  async function load() {
    const read = await withLoading(loading, error, () => teamsApi.list(region.value || undefined))
    if (read === undefined) return
    teams.value = read
    loaded.value = true
  }

  async function loadUnits() {
    try {
      units.value = await unitsApi.list()
    } catch {
      // The team can be formed without a unit; the list stays empty.
    }
  }

  const fields = reactive<TeamFields>({ villageCode: '', unitId: null, startDate: todayInBeijing(), endDate: '', expectedDaysPerMonth: '' })
  const form = useFormSubmit<NewResidentTeam, ResidentTeam>({
    send: (body, key) => teamsApi.create(body, key),
    fields: TEAM_FIELDS,
    onDone: (created) => {
      uni.showToast({ title: '已组建工作队', icon: 'success' })
      uni.navigateTo({ url: `/pages/fieldwork/team?id=${created.id}` })
    },
  })

  return { teams, units, loading, loaded, error, region, load, loadUnits, fields, form, create: () => form.submit(() => newTeamBody(fields)) }
}
