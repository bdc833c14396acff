import { computed, reactive, ref } from 'vue'
import { checkinsApi, teamsApi, unitsApi } from '@/api/endpoints'
import { errorMessage } from '@/api/errors'
import type {
  AssistanceUnit,
  CheckinRules,
  EndTeamMember,
  Geofence,
  GeofenceUpdate,
  Leave,
  Me,
  NewLeave,
  NewResidentTeam,
  NewTeamMember,
  ResidentTeam,
  TeamAttendance,
  TeamMember,
  TeamRole,
} from '@/api/types'
import { canDecideLeave, isTownshipOrAbove, isVillageCode, monthOf, myMembership } from '@/fieldwork/labels'
import { todayInBeijing } from '@/utils/household'
import { NO_GEOLOCATION, getLocation, type GeoLocation } from '@/utils/platform'
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

export const GEOFENCE_MIN_RADIUS = 100
export const GEOFENCE_MAX_RADIUS = 20000
export const NO_LOCATION_FOR_GEOFENCE = '当前浏览器不支持定位，请在微信小程序中用当前位置设置村中心'

export interface GeofenceFields {
  /** The centre to save: the current position just read, or the village's centre kept as it is. */
  centre: { latitude: number; longitude: number } | null
  radiusMeters: string
}

/** Problems of the latitude and longitude are shown at the centre. */
export const GEOFENCE_FIELDS = ['centre', 'latitude', 'longitude', 'radiusMeters'] as const

/** GeofenceUpdate from the form, or what is missing before asking the server. */
export function newGeofenceBody(fields: GeofenceFields): Draft<GeofenceUpdate> {
  const errors: Record<string, string> = {}
  if (!fields.centre) errors.centre = '请用当前位置作村中心'
  const raw = String(fields.radiusMeters ?? '').trim()
  const radius = Number(raw)
  if (!raw || !Number.isInteger(radius) || radius < GEOFENCE_MIN_RADIUS || radius > GEOFENCE_MAX_RADIUS) {
    errors.radiusMeters = `签到范围应为 ${GEOFENCE_MIN_RADIUS} 到 ${GEOFENCE_MAX_RADIUS} 米的整数`
  }
  if (Object.keys(errors).length || !fields.centre) return { body: null, errors }
  return { body: { latitude: fields.centre.latitude, longitude: fields.centre.longitude, radiusMeters: radius }, errors }
}

/** A geofence's village centre, or null when it has none yet. */
export function geofenceCentre(fence: Geofence | null): { latitude: number; longitude: number } | null {
  if (!fence || fence.latitude == null || fence.longitude == null) return null
  return { latitude: fence.latitude, longitude: fence.longitude }
}

export interface EndMemberFields {
  endDate: string
  reason: string
}

export const END_MEMBER_FIELDS = ['endDate', 'reason'] as const

/** EndTeamMember from the form, or what is missing before asking the server. */
export function endMemberBody(fields: EndMemberFields, member?: Pick<TeamMember, 'dispatchFrom'>): Draft<EndTeamMember> {
  const errors: Record<string, string> = {}
  if (!DATE.test(fields.endDate)) errors.endDate = '请选择结束日期'
  else if (member && fields.endDate < member.dispatchFrom) errors.endDate = '结束日期不能早于选派开始日期'
  const reason = checkedText(fields.reason, errors, 'reason', { label: '结束原因', max: 200, missing: '请填写结束选派的原因' })
  if (Object.keys(errors).length) return { body: null, errors }
  return { body: { endDate: fields.endDate, reason }, errors }
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
    closeEnd()
    await Promise.all([loadAttendance(), loadLeaves(), loadGeofence()])
  }

  /** Opens the team `id`, or without one the first team I serve on. */
  async function open(current: Me, id: number | null) {
    me.value = current
    noTeam.value = false
    checkinsApi.rules().then(
      (r) => {
        rules.value = r
        if (!geofenceFields.radiusMeters) geofenceFields.radiusMeters = String(r.defaultRadiusMeters)
      },
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

  // ---- the village's check-in geofence (township cadres and above) ----
  const geofence = ref<Geofence | null>(null)
  const geofenceError = ref('')
  const geofenceLoading = ref(false)
  const geofenceFields = reactive<GeofenceFields>({ centre: null, radiusMeters: '' })
  /** The centre in the form is the position just read (otherwise the village's current centre, kept). */
  const centreFromHere = ref(false)
  const locating = ref(false)

  function fillGeofence(fence: Geofence) {
    geofence.value = fence
    geofenceFields.centre = geofenceCentre(fence)
    centreFromHere.value = false
    // A village with a centre keeps its radius; one without starts from the province's default.
    if (geofenceFields.centre) geofenceFields.radiusMeters = String(fence.radiusMeters)
    else if (rules.value) geofenceFields.radiusMeters = String(rules.value.defaultRadiusMeters)
  }

  async function loadGeofence() {
    geofence.value = null
    if (!team.value || !mayAddMember.value) return
    const code = team.value.villageCode
    const read = await withLoading(geofenceLoading, geofenceError, () => checkinsApi.geofence(code))
    if (read && team.value?.villageCode === code) fillGeofence(read)
  }

  async function useCurrentPosition(locate: () => Promise<GeoLocation> = getLocation): Promise<boolean> {
    if (locating.value) return false
    locating.value = true
    geofenceForm.clear()
    try {
      const here = await locate()
      geofenceFields.centre = { latitude: here.latitude, longitude: here.longitude }
      centreFromHere.value = true
      return true
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      geofenceForm.errors.value = { centre: message === NO_GEOLOCATION ? NO_LOCATION_FOR_GEOFENCE : message }
      return false
    } finally {
      locating.value = false
    }
  }

  /** Goes back to the village's current centre (nothing to save when it has none). */
  function keepCentre() {
    geofenceFields.centre = geofenceCentre(geofence.value)
    centreFromHere.value = false
  }

  const geofenceForm = useFormSubmit<GeofenceUpdate, Geofence>({
    send: (body) => checkinsApi.setGeofence(team.value!.villageCode, body),
    fields: GEOFENCE_FIELDS,
    onDone: (saved) => {
      fillGeofence(saved)
      uni.showToast({ title: '已保存签到范围', icon: 'success' })
    },
  })

  /** The server's problems with latitude or longitude are shown at the centre. */
  const geofenceErrors = computed(() => {
    const e = geofenceForm.errors.value
    return { centre: e.centre || e.latitude || e.longitude || '', radiusMeters: e.radiusMeters || '' }
  })

  // ---- ending a member's dispatch (township cadres and above) ----
  const endingId = ref<number | null>(null)
  const endFields = reactive<EndMemberFields>({ endDate: today, reason: '' })
  const endForm = useFormSubmit<EndTeamMember, ResidentTeam>({
    send: (body) => teamsApi.endMember(team.value!.id, endingId.value!, body),
    fields: END_MEMBER_FIELDS,
    onDone: (updated) => {
      team.value = updated
      closeEnd()
      uni.showToast({ title: '已结束选派', icon: 'success' })
      loadAttendance()
    },
  })

  function openEnd(m: TeamMember) {
    endingId.value = m.id
    Object.assign(endFields, { endDate: today, reason: '' })
    endForm.clear()
  }

  function closeEnd() {
    endingId.value = null
    endForm.clear()
  }

  function endMember() {
    const m = team.value?.members.find((x) => x.id === endingId.value)
    if (!m) return Promise.resolve(null)
    return endForm.submit(() => endMemberBody(endFields, m))
  }

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
    geofence,
    geofenceError,
    geofenceLoading,
    geofenceFields,
    geofenceForm,
    geofenceErrors,
    centreFromHere,
    locating,
    loadGeofence,
    useCurrentPosition,
    keepCentre,
    saveGeofence: () => geofenceForm.submit(() => newGeofenceBody(geofenceFields)),
    endingId,
    endFields,
    endForm,
    openEnd,
    closeEnd,
    endMember,
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
