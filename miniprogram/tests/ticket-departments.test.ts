import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import DepartmentsPage from '@/pages/tickets/departments.vue'
import DetailPage from '@/pages/tickets/detail.vue'
import InboxPage from '@/pages/tickets/inbox.vue'
import type { Department, Region, TicketEvent } from '@/api/types'
import { assignBody, acceptBody } from '@/composables/useTicketActions'
import { departmentBody, emptyDepartment } from '@/composables/useDepartments'
import { setTokens } from '@/stores/session'
import { describeTicketEvent, ticketActions } from '@/utils/tickets'
import { fakeUni, page, path, posts, problem, requests, serveRoutes, settle, type FakeRequest } from './fake-uni'
import { COUNTY, TOWNSHIP, VILLAGE, aTicket, at, county, handling as handlingAt, meAs, township } from './ticket-fixtures'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const ok = (data: unknown) => () => ({ statusCode: 200, data })
const body = (req: FakeRequest) => req.data as Record<string, unknown>
const handling: typeof handlingAt = (over = {}) => handlingAt({ handleDue: '2999-12-31', ...over })

const civil: Department = { id: 11, name: '兰考县民政局', kind: 'CIVIL_AFFAIRS', regionCode: COUNTY, regionName: '兰考县', createdAt: at }
const cityHealth: Department = { id: 12, name: '开封市卫健委', kind: 'HEALTH', regionCode: '410200000000', regionName: '开封市', createdAt: at }

/** Held by 兰考县民政局 after the township gave it there. */
const heldByCivil = (over = {}) =>
  handling({
    handlerRegion: COUNTY,
    handlerRegionName: '兰考县',
    handlerDepartmentId: 11,
    handlerDepartmentName: '兰考县民政局',
    events: [
      { type: 'REGISTERED', status: 'REGISTERED', actorRole: 'FARMER', at },
      { type: 'ACCEPTED', status: 'HANDLING', actorRole: 'TOWNSHIP_CADRE', actorRegion: TOWNSHIP, at },
      { type: 'ASSIGNED', status: 'HANDLING', actorRole: 'TOWNSHIP_CADRE', actorRegion: TOWNSHIP, targetRegion: COUNTY, targetDepartment: '兰考县民政局', at },
    ],
    ...over,
  })

beforeEach(() => {
  page.query = { id: '5' }
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('giving a ticket to a department', () => {
  const regionRoutes = {
    [`GET /api/regions/${TOWNSHIP}`]: ok({ code: TOWNSHIP, name: '堌阳镇', level: 4 } satisfies Region),
    [`GET /api/regions/${TOWNSHIP}/children`]: ok([{ code: VILLAGE, name: '任庄村', level: 5, parentCode: TOWNSHIP }] satisfies Region[]),
  }

  it('builds exactly one of assignTo and departmentId', () => {
    const t = handling({ version: 7 })
    const dept = { unitMode: 'department', assignTo: VILLAGE } as const
    expect(acceptBody({ ...dept, departmentId: '11', note: '' }, t)).toEqual({ body: { version: 7, departmentId: 11 }, errors: {} })
    expect(acceptBody({ ...dept, departmentId: '', note: '' }, t).errors).toEqual({ departmentId: '请选择承办部门' })
    const held = heldByCivil({ version: 8 })
    expect(assignBody({ ...dept, departmentId: '11', reason: '再转' }, held).errors).toEqual({ departmentId: '请选择另一个承办部门' })
    expect(assignBody({ ...dept, departmentId: '12', reason: '涉及医疗' }, held).body).toEqual({ version: 8, departmentId: 12, reason: '涉及医疗' })
    // The department's own region may take it back.
    expect(assignBody({ unitMode: 'region', assignTo: COUNTY, departmentId: '11', reason: '收回' }, held).body).toEqual({
      version: 8,
      assignTo: COUNTY,
      reason: '收回',
    })
  })

  it('lets the township choose 交给部门 from the departments it sees and sends departmentId', async () => {
    serveRoutes(township(), {
      'GET /api/tickets/5': ok(aTicket()),
      'GET /api/departments': ok([civil, cityHealth]),
      'POST /api/tickets/5/accept': ok(heldByCivil()),
      ...regionRoutes,
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-accept').trigger('tap')
    await settle()
    // Region first, as before; the department list is read when the form opens.
    expect(wrapper.find(`.assign-to--${VILLAGE}`).exists()).toBe(true)
    expect(requests.some((r) => path(r) === '/api/departments')).toBe(true)
    await wrapper.find('.assign-to-mode--department').trigger('tap')
    await settle()
    expect(wrapper.find(`.assign-to--${VILLAGE}`).exists()).toBe(false)
    expect(wrapper.findAll('.assign-to-department').map((w) => w.text())).toEqual(['兰考县民政局（兰考县）', '开封市卫健委（开封市）'])
    await wrapper.find('.btn-accept-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--departmentId').text()).toBe('请选择承办部门')
    expect(posts()).toHaveLength(0)

    await wrapper.find('.assign-to-department--11').trigger('tap')
    await wrapper.find('.btn-accept-submit').trigger('tap')
    await settle()
    expect(path(posts()[0])).toBe('/api/tickets/5/accept')
    expect(body(posts()[0])).toEqual({ version: 3, departmentId: 11 })
    expect(wrapper.find('.ticket-department').text()).toBe('兰考县民政局')
    expect(wrapper.text()).toContain('交办：由兰考县民政局办理')
  })

  it('shows the server’s problem under the department chosen', async () => {
    serveRoutes(township(), {
      'GET /api/tickets/5': ok(aTicket()),
      'GET /api/departments': ok([civil]),
      'POST /api/tickets/5/accept': () =>
        problem(400, '请求参数有误', '未找到该部门，或不能交由该部门办理', [{ field: 'departmentId', message: '未找到该部门，或不能交由该部门办理' }]),
      ...regionRoutes,
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-accept').trigger('tap')
    await settle()
    await wrapper.find('.assign-to-mode--department').trigger('tap')
    await wrapper.find('.assign-to-department--11').trigger('tap')
    await wrapper.find('.btn-accept-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--departmentId').text()).toBe('未找到该部门，或不能交由该部门办理')
  })

  it('leaves handling of a department’s ticket to the department; the county supervises', () => {
    const held = heldByCivil()
    const countyActions = ticketActions(held, county(), '2026-11-24')
    expect(countyActions).not.toContain('note')
    expect(countyActions).not.toContain('reply')
    expect(countyActions).toEqual(expect.arrayContaining(['urge', 'supervise']))
    expect(ticketActions(held, township(), '2026-11-24')).toContain('assign')
    // A region's own ticket is handled by its cadres as before.
    expect(ticketActions(handling({ handlerRegion: COUNTY }), county(), '2026-11-24')).toEqual(expect.arrayContaining(['note', 'reply']))
  })

  it('reads 部门退回 in the timeline', () => {
    const returned: TicketEvent = {
      type: 'RETURNED',
      status: 'HANDLING',
      actorRole: 'API_CLIENT',
      actorRegion: COUNTY,
      targetRegion: TOWNSHIP,
      content: '不属本部门职责',
      due: '2026-12-08',
      at,
    }
    const step = describeTicketEvent(returned, { [TOWNSHIP]: '堌阳镇', [COUNTY]: '兰考县' })
    expect(step.title).toBe('部门退回：交回堌阳镇重新交办')
    expect(step.reasonLabel).toBe('退回理由')
    expect(step.reason).toBe('不属本部门职责')
  })
})

describe('the departments page', () => {
  const countyRegion = {
    [`GET /api/regions/${COUNTY}`]: ok({ code: COUNTY, name: '兰考县', level: 3 } satisfies Region),
    [`GET /api/regions/${COUNTY}/children`]: ok([{ code: TOWNSHIP, name: '堌阳镇', level: 4, parentCode: COUNTY }] satisfies Region[]),
  }

  it('checks a registration before sending it', () => {
    expect(Object.keys(departmentBody(emptyDepartment()).errors).sort()).toEqual(['kind', 'name', 'regionCode'])
    expect(departmentBody({ ...emptyDepartment(), name: '镇民政所', kind: 'CIVIL_AFFAIRS', regionCode: TOWNSHIP }).errors).toEqual({
      regionCode: '部门须登记在县级及以上区划',
    })
    expect(departmentBody({ name: ' 县医保局 ', kind: 'MEDICAL_INSURANCE', regionCode: COUNTY, contactPhone: '电话', clientId: '' }).errors).toEqual({
      contactPhone: '办公电话应为 7 至 20 位数字或短横线',
    })
  })

  it('lists the departments and lets a county cadre register one', async () => {
    const created: Department = { id: 13, name: '兰考县医疗保障局', kind: 'MEDICAL_INSURANCE', regionCode: COUNTY, regionName: '兰考县', clientId: 'dx-yb', createdAt: at }
    serveRoutes(county(), {
      'GET /api/departments': ok([civil, cityHealth]),
      'POST /api/departments': (req) => ({ statusCode: 201, data: { ...created, ...(req.data as object) } }),
      ...countyRegion,
    })
    const wrapper = mount(DepartmentsPage)
    await settle()
    expect(wrapper.findAll('.department__name').map((w) => w.text())).toEqual(['兰考县民政局', '开封市卫健委'])
    expect(wrapper.find('.department__meta').text()).toContain('民政')

    await wrapper.find('.btn-department-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--name').exists()).toBe(true)
    expect(wrapper.find('.field-error--kind').text()).toBe('请选择部门类别')
    expect(posts()).toHaveLength(0)

    await wrapper.find('.department-name').setValue('兰考县医疗保障局')
    await wrapper.find('.department-kind--MEDICAL_INSURANCE').trigger('tap')
    expect(wrapper.find('.department-kind--MEDICAL_INSURANCE').text()).toBe('医保')
    await wrapper.find(`.department-region--${COUNTY}`).trigger('tap')
    await wrapper.find('.department-phone').setValue('0371-26980000')
    await wrapper.find('.department-client').setValue('dx-yb')
    await wrapper.find('.btn-department-submit').trigger('tap')
    await settle()
    expect(path(posts()[0])).toBe('/api/departments')
    expect(body(posts()[0])).toEqual({
      name: '兰考县医疗保障局',
      kind: 'MEDICAL_INSURANCE',
      regionCode: COUNTY,
      contactPhone: '0371-26980000',
      clientId: 'dx-yb',
    })
    expect(wrapper.findAll('.department__name').map((w) => w.text())).toContain('兰考县医疗保障局')
  })

  it('shows a duplicate name and a bad system under their fields', async () => {
    let answer = problem(409, '与现有数据冲突', '该区划已有同名部门')
    serveRoutes(county(), {
      'GET /api/departments': ok([civil]),
      'POST /api/departments': () => answer,
      ...countyRegion,
    })
    const wrapper = mount(DepartmentsPage)
    await settle()
    await wrapper.find('.department-name').setValue('兰考县民政局')
    await wrapper.find('.department-kind--CIVIL_AFFAIRS').trigger('tap')
    await wrapper.find(`.department-region--${COUNTY}`).trigger('tap')
    await wrapper.find('.btn-department-submit').trigger('tap')
    await settle()
    expect(wrapper.text()).toContain('该区划已有同名部门')

    answer = problem(400, '请求参数有误', '该接入系统未获授权', [{ field: 'clientId', message: '该接入系统未获 tickets:handle 授权，不能办理交办工单' }])
    await wrapper.find('.department-name').setValue('兰考县民政局二')
    await wrapper.find('.department-client').setValue('dx-push')
    await wrapper.find('.btn-department-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--clientId').text()).toContain('tickets:handle')
  })

  it('offers registration to county cadres and the list from their inbox, not to a township', async () => {
    serveRoutes(township(), { 'GET /api/departments': ok([civil]) })
    const byTownship = mount(DepartmentsPage)
    await settle()
    expect(byTownship.find('.department__name').text()).toBe('兰考县民政局')
    expect(byTownship.find('.btn-department-submit').exists()).toBe(false)

    serveRoutes(township(), { 'GET /api/tickets': ok({ items: [] }) })
    const townshipInbox = mount(InboxPage)
    await settle()
    expect(townshipInbox.find('.link-departments').exists()).toBe(false)
  })

  it('links the page from a city cadre’s inbox', async () => {
    serveRoutes(meAs('CITY_CADRE', '410200000000', 2), { 'GET /api/tickets': ok({ items: [] }) })
    const inbox = mount(InboxPage)
    await settle()
    await inbox.find('.link-departments').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/tickets/departments' })
  })
})
