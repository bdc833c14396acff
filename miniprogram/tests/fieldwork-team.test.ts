import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import TeamPage from '@/pages/fieldwork/team.vue'
import TeamsPage from '@/pages/fieldwork/teams.vue'
import WorkbenchPage from '@/pages/workbench/index.vue'
import type { Leave, Me, ResidentTeam, TeamAttendance } from '@/api/types'
import { NEED_COMMENT, endMemberBody, newGeofenceBody, newLeaveBody, newMemberBody, newTeamBody } from '@/composables/useTeams'
import { setPlatformForTesting } from '@/utils/platform'
import { canDecideLeave, fieldworkLinks } from '@/fieldwork/labels'
import { setTokens } from '@/stores/session'
import { fakeUni, page, path, posts, problem, requests, serveRoutes, settle, type Routes } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const VILLAGE = '410225101201'
const person = (id: number, name: string, role: Me['role'], level = 5, regionCode = VILLAGE): Me =>
  ({ id, name, role, level, regionCode, regionPath: [] }) as Me
const leader = person(11, '刘建华', 'RESIDENT_CADRE')
const member = person(7, '陈志强', 'RESIDENT_CADRE')
const township = person(4, '王秀兰', 'TOWNSHIP_CADRE', 4, '410225101000')

const team = (): ResidentTeam => ({
  id: 5,
  villageCode: VILLAGE,
  villageName: '任庄村',
  unitName: '兰考县农业农村局',
  startDate: '2026-01-01',
  expectedDaysPerMonth: 20,
  createdAt: '2026-01-01T00:00:00Z',
  members: [
    { id: 51, accountId: 7, name: '陈志强', teamRole: 'FIRST_SECRETARY', sendingUnit: '兰考县农业农村局', dispatchFrom: '2026-01-01', dispatchTo: '2027-12-31' },
    { id: 52, accountId: 11, name: '刘建华', teamRole: 'LEADER', sendingUnit: '兰考县财政局', dispatchFrom: '2026-01-01' },
    { id: 53, accountId: 12, name: '周小燕', teamRole: 'MEMBER', dispatchFrom: '2026-01-01' },
  ],
})

// The server's order (team role, then name); deliberately not by days recorded.
const attendance = (recordAttendance = true): TeamAttendance => ({
  teamId: 5,
  month: '2026-12',
  recordAttendance,
  rows: [
    { memberId: 51, accountId: 7, name: '陈志强', teamRole: 'FIRST_SECRETARY', expected: 20, recorded: 3, onLeave: 2, fieldDays: 1 },
    { memberId: 52, accountId: 11, name: '刘建华', teamRole: 'LEADER', expected: 20, recorded: 18, onLeave: 0, fieldDays: 0 },
    { memberId: 53, accountId: 12, name: '周小燕', teamRole: 'MEMBER', expected: 10, recorded: 9, onLeave: 1 },
  ],
})

const leave = (over: Partial<Leave> = {}): Leave => ({
  id: 81,
  teamId: 5,
  memberId: 53,
  accountId: 12,
  name: '周小燕',
  from: '2026-12-10',
  to: '2026-12-11',
  days: 2,
  reason: '家中老人住院',
  status: 'PENDING',
  createdAt: '2026-12-06T01:00:00Z',
  ...over,
})

function routes(extra: Routes = {}, rules = true): Routes {
  return {
    'GET /api/teams/5': () => ({ statusCode: 200, data: team() }),
    'GET /api/me/teams': () => ({ statusCode: 200, data: [team()] }),
    'GET /api/checkins/rules': () => ({ statusCode: 200, data: { recordAttendance: rules, defaultRadiusMeters: 1000, expectedDaysPerMonth: 20 } }),
    'GET /api/teams/5/attendance': () => ({ statusCode: 200, data: attendance(rules) }),
    'GET /api/teams/5/leaves': () => ({ statusCode: 200, data: [leave(), leave({ id: 82, memberId: 52, accountId: 11, name: '刘建华', reason: '本人体检' })] }),
    ...extra,
  }
}

beforeEach(() => {
  page.query = {}
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('team forms', () => {
  it('checks a leave request before asking the server', () => {
    expect(newLeaveBody({ from: '', to: '', reason: ' ' }).errors).toEqual({ from: '请选择开始日期', to: '请选择结束日期', reason: '请填写请假事由' })
    expect(newLeaveBody({ from: '2026-12-10', to: '2026-12-09', reason: '事' }).errors.to).toBe('结束日期不能早于开始日期')
    expect(newLeaveBody({ from: '2026-12-10', to: '2026-12-10', reason: ' 看病 ' }).body).toEqual({ from: '2026-12-10', to: '2026-12-10', reason: '看病' })
  })

  it('checks a new member and a new team', () => {
    expect(Object.keys(newMemberBody({ accountId: 'x', teamRole: '', sendingUnit: '', dispatchFrom: '', dispatchTo: '' }).errors).sort()).toEqual([
      'accountId',
      'dispatchFrom',
      'teamRole',
    ])
    expect(newMemberBody({ accountId: '12', teamRole: 'MEMBER', sendingUnit: ' 县财政局 ', dispatchFrom: '2026-12-01', dispatchTo: '' }).body).toEqual({
      accountId: 12,
      teamRole: 'MEMBER',
      sendingUnit: '县财政局',
      dispatchFrom: '2026-12-01',
    })
    expect(newTeamBody({ villageCode: '410225101000', unitId: null, startDate: '2026-12-01', endDate: '', expectedDaysPerMonth: '' }).errors.villageCode).toBeTruthy()
    expect(newTeamBody({ villageCode: VILLAGE, unitId: 3, startDate: '2026-12-01', endDate: '', expectedDaysPerMonth: '32' }).errors.expectedDaysPerMonth).toBeTruthy()
    expect(newTeamBody({ villageCode: VILLAGE, unitId: 3, startDate: '2026-12-01', endDate: '', expectedDaysPerMonth: '20' }).body).toEqual({
      villageCode: VILLAGE,
      unitId: 3,
      startDate: '2026-12-01',
      expectedDaysPerMonth: 20,
    })
  })

  it('lets the leader and the township cadre decide leave, not an ordinary member', () => {
    expect(canDecideLeave(team(), leader, '2026-12-06')).toBe(true)
    expect(canDecideLeave(team(), township, '2026-12-06')).toBe(true)
    expect(canDecideLeave(team(), member, '2026-12-06')).toBe(false)
    expect(canDecideLeave(team(), person(3, '李德福', 'VILLAGE_CADRE'), '2026-12-06')).toBe(false)
  })
})

describe('resident team page', () => {
  it('shows the attendance per member in the order the server gives, never re-sorted', async () => {
    serveRoutes(member, routes())
    const wrapper = mount(TeamPage)
    await settle()
    expect(requests.some((r) => path(r) === '/api/me/teams')).toBe(true)
    const rows = wrapper.findAll('.attendance-row')
    expect(rows.map((r) => r.find('.attendance-name').text())).toEqual(['陈志强', '刘建华', '周小燕'])
    expect(rows.map((r) => [r.find('.attendance-expected').text(), r.find('.attendance-recorded').text(), r.find('.attendance-leave').text(), r.find('.attendance-field').text()])).toEqual([
      ['20', '3', '2', '1'],
      ['20', '18', '0', '0'],
      ['10', '9', '1', '0'],
    ])
    expect(wrapper.findAll('.team-role').map((r) => r.text())).toEqual(['第一书记', '队长', '队员'])
    expect(wrapper.text()).not.toMatch(/第\s*\d+\s*名|名次|排行|在线时长/)
    // A member checks in for resident-team attendance where the province records it.
    expect(wrapper.find('.checkin--TEAM_ATTENDANCE').exists()).toBe(true)
    // An ordinary member decides nothing.
    expect(wrapper.find('.pending-leave').exists()).toBe(false)
    expect(wrapper.findAll('.leave-status').map((s) => s.text())).toEqual(['待审批', '待审批'])
  })

  it('offers a duty-day check-in where attendance is not recorded, and says the summary is voluntary', async () => {
    serveRoutes(member, routes({}, false))
    const wrapper = mount(TeamPage)
    await settle()
    expect(wrapper.find('.checkin--DUTY_DAY').exists()).toBe(true)
    expect(wrapper.find('.attendance-voluntary').exists()).toBe(true)
  })

  it('reads another month of attendance', async () => {
    serveRoutes(member, routes())
    const wrapper = mount(TeamPage)
    await settle()
    await wrapper.find('.attendance-month').trigger('change', { detail: { value: '2026-11' } })
    await settle()
    expect(requests.filter((r) => path(r) === '/api/teams/5/attendance').pop()?.url).toContain('month=2026-11')
  })

  it('requests leave: checks first, then posts with an Idempotency-Key and lists it', async () => {
    serveRoutes(
      member,
      routes({
        'POST /api/teams/5/leaves': (req) => ({ statusCode: 201, data: leave({ id: 90, memberId: 51, accountId: 7, name: '陈志强', ...(req.data as object) }) }),
      }),
    )
    const wrapper = mount(TeamPage)
    await settle()
    await wrapper.find('.btn-leave-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--from').exists()).toBe(true)
    expect(wrapper.find('.field-error--reason').exists()).toBe(true)
    expect(posts()).toHaveLength(0)

    await wrapper.find('.leave-from').trigger('change', { detail: { value: '2026-12-20' } })
    await wrapper.find('.leave-to').trigger('change', { detail: { value: '2026-12-21' } })
    await wrapper.find('.leave-reason').setValue('孩子开家长会')
    await wrapper.find('.btn-leave-submit').trigger('tap')
    await settle()
    const sent = posts()[0]
    expect(path(sent)).toBe('/api/teams/5/leaves')
    expect(sent.data).toEqual({ from: '2026-12-20', to: '2026-12-21', reason: '孩子开家长会' })
    expect(sent.header['Idempotency-Key']).toBeTruthy()
    expect(wrapper.findAll('.leave')[0].text()).toContain('孩子开家长会')
  })

  it('the leader approves a member’s leave, cannot decide the own, and must say why when refusing', async () => {
    page.query = { id: '5' }
    serveRoutes(
      leader,
      routes({
        'POST /api/teams/5/leaves/81/decide': (req) => {
          const d = req.data as { approve: boolean; comment?: string }
          return { statusCode: 200, data: leave({ status: d.approve ? 'APPROVED' : 'REFUSED', decidedBy: '刘建华', comment: d.comment }) }
        },
      }),
    )
    const wrapper = mount(TeamPage)
    await settle()
    // Only the member's leave, not the leader's own.
    const pending = wrapper.findAll('.pending-leave')
    expect(pending).toHaveLength(1)
    expect(pending[0].text()).toContain('周小燕')

    await pending[0].find('.btn-refuse').trigger('tap')
    await settle()
    expect(pending[0].find('.field-error--comment').text()).toBe(NEED_COMMENT)
    expect(posts()).toHaveLength(0)

    await pending[0].find('.btn-approve').trigger('tap')
    await settle()
    expect(path(posts()[0])).toBe('/api/teams/5/leaves/81/decide')
    expect(posts()[0].data).toEqual({ approve: true })
    expect(wrapper.findAll('.pending-leave')).toHaveLength(0)
    expect(wrapper.find('.leave-status--APPROVED').text()).toBe('已批准')
    // The summary is read again after the decision.
    expect(requests.filter((r) => path(r) === '/api/teams/5/attendance').length).toBe(2)
  })

  it('the township cadre refuses with a comment; a server refusal is shown on the leave', async () => {
    page.query = { id: '5' }
    let refused = 0
    serveRoutes(
      township,
      routes({
        'POST /api/teams/5/leaves/81/decide': (req) => {
          if (++refused === 1) return problem(409, '冲突', '该请假已被审批')
          return { statusCode: 200, data: leave({ status: 'REFUSED', comment: (req.data as { comment: string }).comment }) }
        },
        'POST /api/teams/5/leaves/82/decide': () => problem(403, '无权操作', '不能审批'),
      }),
    )
    const wrapper = mount(TeamPage)
    await settle()
    expect(wrapper.findAll('.pending-leave')).toHaveLength(2)
    expect(wrapper.find('.btn-checkin').exists()).toBe(false)
    const first = wrapper.findAll('.pending-leave')[0]
    await first.find('.decide-comment').setValue('年底迎检期间，请调整时间')
    await first.find('.btn-refuse').trigger('tap')
    await settle()
    expect(posts()[0].data).toEqual({ approve: false, comment: '年底迎检期间，请调整时间' })
    expect(wrapper.findAll('.pending-leave')[0].find('.field-error--comment').text()).toBe('该请假已被审批')
    await wrapper.findAll('.pending-leave')[0].find('.btn-refuse').trigger('tap')
    await settle()
    expect(wrapper.find('.leave-status--REFUSED').text()).toBe('未批准')
    // Township cadres add members.
    expect(wrapper.find('.btn-member-submit').exists()).toBe(true)
  })

  it('says so when the cadre is in no team', async () => {
    serveRoutes(member, { 'GET /api/me/teams': () => ({ statusCode: 200, data: [] }), 'GET /api/checkins/rules': () => problem(404, '未找到') })
    const wrapper = mount(TeamPage)
    await settle()
    expect(wrapper.find('.team-none').text()).toBe('您目前不在驻村工作队中')
  })

  it('adds a member for the township cadre', async () => {
    page.query = { id: '5' }
    serveRoutes(township, routes({ 'POST /api/teams/5/members': () => ({ statusCode: 201, data: team() }) }))
    const wrapper = mount(TeamPage)
    await settle()
    await wrapper.find('.member-account').setValue('12')
    await wrapper.find('.member-role--MEMBER').trigger('tap')
    await wrapper.find('.member-unit').setValue('县财政局')
    await wrapper.find('.btn-member-submit').trigger('tap')
    await settle()
    expect(path(posts()[0])).toBe('/api/teams/5/members')
    expect(posts()[0].data).toMatchObject({ accountId: 12, teamRole: 'MEMBER', sendingUnit: '县财政局' })
  })
})

describe('village geofence and ending a dispatch', () => {
  const fence = (over: object = {}) => ({ villageCode: VILLAGE, villageName: '任庄村', latitude: null, longitude: null, radiusMeters: 1000, ...over })
  const here = (o: { success: (r: { latitude: number; longitude: number; accuracy: number }) => void }) =>
    o.success({ latitude: 34.8231, longitude: 114.8125, accuracy: 12 })

  it('checks the geofence and the end of a dispatch before asking the server', () => {
    expect(newGeofenceBody({ centre: null, radiusMeters: '1000' }).errors).toEqual({ centre: '请用当前位置作村中心' })
    for (const bad of ['99', '20001', '150.5', '', 'x']) expect(newGeofenceBody({ centre: { latitude: 34, longitude: 114 }, radiusMeters: bad }).errors.radiusMeters).toBeTruthy()
    expect(newGeofenceBody({ centre: { latitude: 34, longitude: 114 }, radiusMeters: '20000' }).body).toEqual({ latitude: 34, longitude: 114, radiusMeters: 20000 })
    expect(endMemberBody({ endDate: '2026-12-06', reason: '  ' }).errors).toEqual({ reason: '请填写结束选派的原因' })
    expect(endMemberBody({ endDate: '2025-12-31', reason: '调回原单位' }, { dispatchFrom: '2026-01-01' }).errors.endDate).toBeTruthy()
    expect(endMemberBody({ endDate: '2026-12-06', reason: ' 调回原单位 ' }).body).toEqual({ endDate: '2026-12-06', reason: '调回原单位' })
  })

  it('shows an unset centre with the default radius, and sets it from the current position', async () => {
    page.query = { id: '5' }
    setPlatformForTesting('mp-weixin')
    fakeUni.getLocation.mockImplementation(here)
    serveRoutes(
      township,
      routes({
        'GET /api/villages/410225101201/geofence': () => ({ statusCode: 200, data: fence({ radiusMeters: 800 }) }),
        'POST /api/villages/410225101201/geofence': (req) => ({ statusCode: 200, data: fence(req.data as object) }),
      }),
    )
    const wrapper = mount(TeamPage)
    await settle()
    expect(wrapper.find('.geofence-centre').text()).toContain('未设置')
    expect(wrapper.find('.geofence-radius').text()).toContain('800')
    // Without a centre the radius starts from the province's default.
    expect((wrapper.find('input.geofence-radius').element as HTMLInputElement).value).toBe('1000')

    // Nothing to save without a centre.
    await wrapper.find('.btn-geofence-save').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--centre').text()).toBe('请用当前位置作村中心')
    expect(posts()).toHaveLength(0)

    await wrapper.find('.btn-geofence-here').trigger('tap')
    await settle()
    expect(fakeUni.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'gcj02' }))
    expect(wrapper.find('.field-error--centre').exists()).toBe(false)
    await wrapper.find('input.geofence-radius').setValue('1500')
    await wrapper.find('.btn-geofence-save').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(1)
    expect(path(posts()[0])).toBe('/api/villages/410225101201/geofence')
    expect(posts()[0].data).toEqual({ latitude: 34.8231, longitude: 114.8125, radiusMeters: 1500 })
    expect(wrapper.find('.geofence-centre').text()).toContain('34.823100, 114.812500')
    expect(wrapper.find('.geofence-radius').text()).toContain('1500')
  })

  it('keeps the current centre and shows the server’s 400 on the radius at the field', async () => {
    page.query = { id: '5' }
    serveRoutes(
      township,
      routes({
        'GET /api/villages/410225101201/geofence': () => ({ statusCode: 200, data: fence({ latitude: 34.8, longitude: 114.8, radiusMeters: 600 }) }),
        'POST /api/villages/410225101201/geofence': () =>
          problem(400, '参数有误', '请求参数不符合要求', [{ field: 'radiusMeters', message: '签到半径超出本省允许的范围' }]),
      }),
    )
    const wrapper = mount(TeamPage)
    await settle()
    expect(wrapper.find('.geofence-centre').text()).toContain('34.800000, 114.800000')
    // A village with a centre keeps its radius.
    expect((wrapper.find('input.geofence-radius').element as HTMLInputElement).value).toBe('600')
    await wrapper.find('.btn-geofence-save').trigger('tap')
    await settle()
    expect(posts()[0].data).toEqual({ latitude: 34.8, longitude: 114.8, radiusMeters: 600 })
    expect(wrapper.find('.field-error--radiusMeters').text()).toBe('签到半径超出本省允许的范围')
    expect(fakeUni.getLocation).not.toHaveBeenCalled()
  })

  it('does not offer the geofence or ending a dispatch to an ordinary member', async () => {
    serveRoutes(member, routes())
    const wrapper = mount(TeamPage)
    await settle()
    expect(wrapper.find('.btn-geofence-save').exists()).toBe(false)
    expect(wrapper.find('.btn-end-member').exists()).toBe(false)
    expect(requests.some((r) => path(r).endsWith('/geofence'))).toBe(false)
  })

  it('ends a member’s dispatch: a reason is required, the body is sent and the member shows as ended', async () => {
    page.query = { id: '5' }
    const ended = (): ResidentTeam => {
      const t = team()
      t.members[2] = { ...t.members[2], endedOn: '2026-12-05', endReason: '调回原单位' }
      return t
    }
    serveRoutes(
      township,
      routes({
        'GET /api/villages/410225101201/geofence': () => ({ statusCode: 200, data: fence() }),
        'POST /api/teams/5/members/53/end': () => ({ statusCode: 200, data: ended() }),
      }),
    )
    const wrapper = mount(TeamPage)
    await settle()
    expect(wrapper.findAll('.btn-end-member')).toHaveLength(3)
    await wrapper.findAll('.member')[2].find('.btn-end-member').trigger('tap')
    await settle()
    const form = wrapper.findAll('.member')[2]
    expect(form.find('.end-date').attributes('value')).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    await form.find('.btn-end-submit').trigger('tap')
    await settle()
    expect(form.find('.field-error--endReason').text()).toBe('请填写结束选派的原因')
    expect(posts()).toHaveLength(0)

    await form.find('.end-date').trigger('change', { detail: { value: '2026-12-05' } })
    await form.find('.end-reason').setValue('调回原单位')
    await form.find('.btn-end-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(1)
    expect(path(posts()[0])).toBe('/api/teams/5/members/53/end')
    expect(posts()[0].data).toEqual({ endDate: '2026-12-05', reason: '调回原单位' })
    const row = wrapper.findAll('.member')[2]
    expect(row.classes()).toContain('member--ended')
    expect(row.find('.member-ended').text()).toBe('已结束：2026-12-05，调回原单位')
    expect(row.find('.btn-end-member').exists()).toBe(false)
    expect(wrapper.find('.end-form').exists()).toBe(false)
    expect(wrapper.findAll('.btn-end-member')).toHaveLength(2)
  })
})

describe('teams of a region and the workbench entries', () => {
  it('lists the region’s teams for the township cadre, each opening its page', async () => {
    serveRoutes(township, {
      'GET /api/teams': () => ({ statusCode: 200, data: [team()] }),
      'GET /api/units': () => ({ statusCode: 200, data: [] }),
      'GET /api/regions/410225101000': () => ({ statusCode: 200, data: { code: '410225101000', name: '堌阳镇', level: 4 } }),
      'GET /api/regions/410225101000/children': () => ({ statusCode: 200, data: [{ code: VILLAGE, name: '任庄村', level: 5 }] }),
    })
    const wrapper = mount(TeamsPage)
    await settle()
    expect(requests.find((r) => path(r) === '/api/teams')?.url).toContain('region=410225101000')
    await wrapper.find('.team-card').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/fieldwork/team?id=5' })
  })

  it('gives each role the fieldwork entries that fit it', () => {
    const urls = (me: Me) => fieldworkLinks(me).map((l) => l.label)
    expect(urls(member)).toEqual(['签到记录', '驻村工作队', '驻村日志'])
    expect(urls(person(3, '李德福', 'VILLAGE_CADRE'))).toEqual(['签到记录', '驻村日志'])
    expect(urls(township)).toEqual(['驻村工作队', '驻村日志', '帮扶单位'])
    expect(fieldworkLinks(person(1, '农户', 'FARMER'))).toEqual([])
  })

  it('shows the section on the workbench', async () => {
    serveRoutes(member, { 'GET /api/workbench': () => ({ statusCode: 200, data: { todos: [], counts: [] } }) })
    const wrapper = mount(WorkbenchPage)
    await settle()
    expect(wrapper.find('.link-my-team').exists()).toBe(true)
    await wrapper.find('.link-my-checkins').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/fieldwork/mine' })
  })
})
