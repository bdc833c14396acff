import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import DetailPage from '@/pages/tickets/detail.vue'
import type { Region, Ticket } from '@/api/types'
import { MERGE_FORBIDDEN, SPLIT_FORBIDDEN, TARGETS_LOADING, TICKET_TAKEN } from '@/composables/useTicketActions'
import { setTokens } from '@/stores/session'
import { fakeUni, page, path, posts, problem, requests, serveRoutes, settle, type FakeRequest, type FakeResponse, type Routes } from './fake-uni'
import { TOWNSHIP, VILLAGE, aTicket, at, farmer, handling as handlingAt, replied, township, villageCadre } from './ticket-fixtures'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const handling: typeof handlingAt = (over = {}) => handlingAt({ handleDue: '2999-12-31', ...over })
const ok = (data: unknown) => () => ({ statusCode: 200, data })
const body = (req: FakeRequest) => req.data as Record<string, unknown>

const regionRoutes: Routes = {
  [`GET /api/regions/${TOWNSHIP}`]: ok({ code: TOWNSHIP, name: '堌阳镇', level: 4 } satisfies Region),
  [`GET /api/regions/${TOWNSHIP}/children`]: ok([
    { code: VILLAGE, name: '任庄村', level: 5, parentCode: TOWNSHIP },
    { code: '410225101202', name: '王庄村', level: 5, parentCode: TOWNSHIP },
  ] satisfies Region[]),
}

beforeEach(() => {
  page.query = { id: '5' }
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('merging a duplicate', () => {
  const dup = aTicket({ householdId: 42 })
  const same = handling({ id: 6, ticketNo: 'TS20261123000006', title: '补助仍未发放', householdId: 42 })
  /** The open tickets of the township by status: itself, one of the same household, one of another, one of none. */
  const openTickets = (req: FakeRequest) => {
    const status = new URL(req.url, 'http://x').searchParams.get('status')
    const items: Ticket[] =
      status === 'REGISTERED'
        ? [aTicket({ id: 8, ticketNo: 'TS20261123000008', title: '道路损坏', householdId: null }), dup, aTicket({ id: 7, householdId: 43 })]
        : status === 'HANDLING'
          ? [same]
          : []
    return { statusCode: 200, data: { items, nextAfter: null } }
  }

  it('offers the same household’s tickets first, sends the one chosen and links to it once merged', async () => {
    serveRoutes(township(), {
      'GET /api/tickets/5': ok(dup),
      'GET /api/tickets': openTickets,
      'GET /api/tickets/6': ok(same),
      'POST /api/tickets/5/merge': ok(aTicket({ householdId: 42, status: 'MERGED', mergedInto: 6 })),
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-merge').trigger('tap')
    await settle()
    const lists = requests.filter((r) => path(r) === '/api/tickets')
    expect(lists.map((r) => new URL(r.url, 'http://x').searchParams.get('status')).sort()).toEqual(['HANDLING', 'REGISTERED', 'REPLIED'])
    expect(lists.every((r) => r.url.includes('view=all'))).toBe(true)
    expect(wrapper.findAll('.merge-into').map((w) => w.classes().find((c) => c.startsWith('merge-into--')))).toEqual(['merge-into--6', 'merge-into--8'])
    expect(wrapper.find('.merge-into--6').text()).toContain('同一户')
    expect(wrapper.find('.merge-into--8').text()).not.toContain('同一户')

    await wrapper.find('.btn-merge-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    expect(wrapper.find('.field-error--intoTicketId').text()).toBe('请选择或填写要合并到的工单编号')
    expect(wrapper.find('.field-error--reason').text()).toBe('请说明合并的理由')

    await wrapper.find('.merge-into--6').trigger('tap')
    expect((wrapper.find('.merge-into-no').element as HTMLInputElement).value).toBe('TS20261123000006')
    await wrapper.find('.merge-reason').setValue('同一户反映的同一事项')
    await wrapper.find('.btn-merge-submit').trigger('tap')
    await settle()
    expect(path(posts()[0])).toBe('/api/tickets/5/merge')
    expect(body(posts()[0])).toEqual({ intoTicketId: 6, reason: '同一户反映的同一事项' })
    expect(fakeUni.showToast).toHaveBeenCalledWith({ title: '已合并', icon: 'success' })
    expect(wrapper.find('.ticket-status').text()).toBe('已合并')
    expect(wrapper.find('.btn-merge').exists()).toBe(false)
    expect(wrapper.find('.link-merged-into').text()).toBe('TS20261123000006 补助仍未发放 ›')
    await wrapper.find('.link-merged-into').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/tickets/detail?id=6' })
  })

  it('tells a farmer whose ticket went into someone else’s that it is handled together, without a dead link', async () => {
    serveRoutes(farmer(), {
      'GET /api/tickets/5': ok(aTicket({ householdId: 42, status: 'MERGED', mergedInto: 6 })),
      'GET /api/tickets/6': () => problem(404, '未找到', '工单不存在'),
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.ticket-link').exists()).toBe(false)
    expect(wrapper.find('.ticket-link-closed').text()).toContain('与同一事项的工单合并办理')
    await wrapper.find('.ticket-link-closed').trigger('tap')
    expect(fakeUni.navigateTo).not.toHaveBeenCalled()
  })

  it('takes a typed number, and shows the server’s 409 and 403 in Chinese', async () => {
    let answer: FakeResponse = problem(409, '冲突', '工单 TS20261123000006 当前已办结，不能合并')
    serveRoutes(township(), {
      'GET /api/tickets/5': ok(dup),
      'GET /api/tickets': openTickets,
      'POST /api/tickets/5/merge': () => answer,
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-merge').trigger('tap')
    await wrapper.find('.btn-merge-submit').trigger('tap')
    expect(wrapper.find('.field-error--intoTicketId').text()).toBe(TARGETS_LOADING)
    await settle()
    await wrapper.find('.merge-into-no').setValue('TS20261123000099')
    await wrapper.find('.merge-reason').setValue('重复')
    await wrapper.find('.btn-merge-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    expect(wrapper.find('.field-error--intoTicketId').text()).toContain('未找到可以合并到的工单 TS20261123000099')

    await wrapper.find('.merge-into-no').setValue('ts20261123000006')
    await wrapper.find('.btn-merge-submit').trigger('tap')
    await settle()
    expect(body(posts()[0])).toEqual({ intoTicketId: 6, reason: '重复' })
    expect(wrapper.find('.error-notice').text()).toContain('工单 TS20261123000006 当前已办结，不能合并')
    expect(wrapper.find('.btn-reload').exists()).toBe(true)

    answer = { statusCode: 403, data: { type: 'about:blank', title: 'Forbidden', status: 403 } }
    await wrapper.find('.btn-merge-submit').trigger('tap')
    await settle()
    expect(wrapper.text()).toContain(MERGE_FORBIDDEN)
    expect(wrapper.find('.btn-reload').exists()).toBe(false)

    answer = problem(403, '无权操作', '只有受理单位可以合并工单（本工单由县级受理）')
    await wrapper.find('.btn-merge-submit').trigger('tap')
    await settle()
    expect(wrapper.text()).toContain('只有受理单位可以合并工单（本工单由县级受理）')
  })
})

describe('splitting a ticket', () => {
  it('sends 1 to 5 parts with their units and the reason, then links to the tickets split off', async () => {
    serveRoutes(township(), {
      'GET /api/tickets/5': ok(handling()),
      'GET /api/tickets/11': ok(handling({ id: 11, ticketNo: 'TS20261123000011', title: '医保报销未到账', splitFrom: 5 })),
      'POST /api/tickets/5/split': ok(handling({ version: 5, splitInto: [11] })),
      ...regionRoutes,
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-split').trigger('tap')
    await settle()
    expect(wrapper.findAll('.split-part')).toHaveLength(1)
    expect(wrapper.find('.btn-remove-part').exists()).toBe(false)

    await wrapper.find('.btn-split-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    const first = () => wrapper.find('.split-part--0')
    expect(first().find('.field-error--category').text()).toBe('请选择反映事项的类别')
    expect(first().find('.field-error--title').exists()).toBe(true)
    expect(first().find('.field-error--assignTo').text()).toBe('请选择承办单位')
    expect(wrapper.find('.field-error--reason').text()).toBe('请说明拆分的理由')

    for (let i = 0; i < 4; i++) await wrapper.find('.btn-add-part').trigger('tap')
    expect(wrapper.findAll('.split-part')).toHaveLength(5)
    expect(wrapper.find('.btn-add-part').exists()).toBe(false)
    await wrapper.find('.split-part--3 .btn-remove-part').trigger('tap')
    await wrapper.find('.split-part--0 .btn-remove-part').trigger('tap')
    await wrapper.find('.split-part--0 .btn-remove-part').trigger('tap')
    await wrapper.find('.split-part--0 .btn-remove-part').trigger('tap')
    expect(wrapper.findAll('.split-part')).toHaveLength(1)
    expect(wrapper.find('.field-error--category').exists()).toBe(false)

    await first().find('.ticket-category--HEALTH').trigger('tap')
    await first().find('.ticket-title').setValue('医保报销未到账')
    await first().find('.ticket-description').setValue('住院费用报销三个月未到账')
    await settle()
    await first().find(`.split-part-assign-to--${VILLAGE}`).trigger('tap')
    await wrapper.find('.split-reason').setValue('反映的两件事分属不同单位')
    await wrapper.find('.btn-split-submit').trigger('tap')
    await settle()
    expect(path(posts()[0])).toBe('/api/tickets/5/split')
    expect(body(posts()[0])).toEqual({
      version: 4,
      reason: '反映的两件事分属不同单位',
      parts: [{ category: 'HEALTH', title: '医保报销未到账', description: '住院费用报销三个月未到账', assignTo: VILLAGE }],
    })
    expect(fakeUni.showToast).toHaveBeenCalledWith({ title: '已拆分', icon: 'success' })
    expect(wrapper.find('.btn-split-submit').exists()).toBe(false)
    expect(wrapper.find('.link-split-into').text()).toBe('TS20261123000011 医保报销未到账 ›')
  })

  it('puts the server’s problem of a part under that part, says a 409 as taken and an unexplained 403 in Chinese', async () => {
    let answer: FakeResponse = problem(400, '请求有误', '请检查填写的内容', [{ field: 'splitTicket.body.parts[1].title', message: '标题不能含有电话号码' }])
    serveRoutes(township(), { 'GET /api/tickets/5': ok(aTicket()), 'POST /api/tickets/5/split': () => answer, ...regionRoutes })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-split').trigger('tap')
    await wrapper.find('.btn-add-part').trigger('tap')
    await settle()
    for (const i of [0, 1]) {
      const part = wrapper.find(`.split-part--${i}`)
      await part.find('.ticket-category--SUBSIDY').trigger('tap')
      await part.find('.ticket-title').setValue(i ? '请回电 13812345678' : '补助未到位')
      await part.find('.ticket-description').setValue('补助至今未发放')
      await part.find(`.split-part-assign-to--${TOWNSHIP}`).trigger('tap')
    }
    await wrapper.find('.split-reason').setValue('分开办')
    await wrapper.find('.btn-split-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.split-part--1 .field-error--title').text()).toBe('标题不能含有电话号码')
    expect(wrapper.find('.split-part--0 .field-error--title').exists()).toBe(false)
    expect(wrapper.find('.error-notice').exists()).toBe(false)

    answer = problem(409, '冲突', '工单已被他人办理，请刷新后重试')
    await wrapper.find('.btn-split-submit').trigger('tap')
    await settle()
    expect(wrapper.text()).toContain(TICKET_TAKEN)
    expect(wrapper.find('.btn-reload').exists()).toBe(true)

    answer = { statusCode: 403, data: { type: 'about:blank', title: 'Forbidden', status: 403 } }
    await wrapper.find('.btn-split-submit').trigger('tap')
    await settle()
    expect(wrapper.text()).toContain(SPLIT_FORBIDDEN)
  })

  it('links a split-off ticket to its origin and names the split in its steps', async () => {
    const child = handling({
      id: 11,
      splitFrom: 5,
      events: [{ type: 'SPLIT_FROM', status: 'HANDLING', actorRole: 'TOWNSHIP_CADRE', actorRegion: TOWNSHIP, content: '由工单 TS20261123001 拆出', at }],
    })
    page.query = { id: '11' }
    serveRoutes(villageCadre(), { 'GET /api/tickets/11': ok(child), 'GET /api/tickets/5': () => problem(403, '无权查看', '无权查看该工单') })
    const wrapper = mount(DetailPage)
    await settle()
    // The village may not open the township's original: it is named, not linked.
    expect(wrapper.find('.link-split-from').text()).toBe('由另一张工单拆分而来')
    expect(wrapper.text()).toContain('由工单拆分')
    await wrapper.find('.link-split-from').trigger('tap')
    expect(fakeUni.navigateTo).not.toHaveBeenCalled()
  })
})

describe('opening a case from a ticket', () => {
  it('sends the risk types and description, then links to the case', async () => {
    serveRoutes(villageCadre(), {
      'GET /api/tickets/5': ok(handling({ householdId: 42 })),
      'POST /api/tickets/5/open-case': ok(handling({ householdId: 42, caseId: 31 })),
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.link-case').exists()).toBe(false)
    await wrapper.find('.btn-open-case').trigger('tap')
    await wrapper.find('.btn-open-case-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    expect(wrapper.find('.field-error--riskTypes').text()).toBe('请至少选择一种风险类型')
    expect(wrapper.find('.field-error--description').text()).toBe('请说明投诉反映的困难')

    const risks = wrapper.findAll('.ticket-case-risk')
    await risks[3].trigger('tap')
    await risks[0].trigger('tap')
    await risks[3].trigger('tap')
    expect(wrapper.findAll('.ticket-case-risk.chip--on')).toHaveLength(1)
    expect(wrapper.find('.field-error--riskTypes').exists()).toBe(false)
    await wrapper.find('.ticket-case-description').setValue('投诉人反映户主住院，家庭收入明显减少')
    await wrapper.find('.btn-open-case-submit').trigger('tap')
    await settle()
    expect(path(posts()[0])).toBe('/api/tickets/5/open-case')
    expect(body(posts()[0])).toEqual({ riskTypes: ['ILLNESS'], description: '投诉人反映户主住院，家庭收入明显减少' })
    expect(fakeUni.showToast).toHaveBeenCalledWith({ title: '已发起识别', icon: 'success' })
    expect(wrapper.find('.btn-open-case').exists()).toBe(false)
    await wrapper.find('.link-case').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/detail?id=31' })
  })

  it('says what the server found on 409 and offers to read the ticket again', async () => {
    let reads = 0
    serveRoutes(villageCadre(), {
      'GET /api/tickets/5': () => {
        reads += 1
        return { statusCode: 200, data: reads === 1 ? replied({ householdId: 42 }) : replied({ householdId: 42, caseId: 31 }) }
      },
      'POST /api/tickets/5/open-case': () => problem(409, '冲突', '该工单已发起识别'),
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-open-case').trigger('tap')
    await wrapper.findAll('.ticket-case-risk')[0].trigger('tap')
    await wrapper.find('.ticket-case-description').setValue('户主住院')
    await wrapper.find('.btn-open-case-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toContain('该工单已发起识别')
    await wrapper.find('.btn-reload').trigger('tap')
    await settle()
    expect(reads).toBe(2)
    expect(wrapper.find('.link-case').exists()).toBe(true)
    expect(wrapper.find('.btn-open-case').exists()).toBe(false)
  })
})
