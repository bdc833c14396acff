import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import DetailPage from '@/pages/tickets/detail.vue'
import InboxPage from '@/pages/tickets/inbox.vue'
import MinePage from '@/pages/tickets/mine.vue'
import NewPage from '@/pages/tickets/new.vue'
import RegisterPage from '@/pages/tickets/register.vue'
import StatsPage from '@/pages/tickets/stats.vue'
import type { Region, TicketStats, TicketStatsRow } from '@/api/types'
import { REVEAL_FORBIDDEN, TICKET_TAKEN } from '@/composables/useTicketActions'
import { NEED_TICKET_VILLAGE } from '@/composables/useTickets'
import { setTokens } from '@/stores/session'
import { downloadWorkbook } from '@/utils/files'
import { todayInBeijing } from '@/utils/household'
import { fakeUni, page, path, posts, problem, requests, serveRoutes, settle, type FakeRequest } from './fake-uni'
import { TOWNSHIP, VILLAGE, aTicket, at, farmer, handling as handlingAt, replied as repliedAt, township, villageCadre } from './ticket-fixtures'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))
vi.mock('@/utils/files', async (original) => ({ ...(await original<typeof import('@/utils/files')>()), downloadWorkbook: vi.fn(async () => {}) }))

const today = todayInBeijing()

// Deadlines far ahead and a rating open today, whatever day the tests run.
const handling: typeof handlingAt = (over = {}) => handlingAt({ handleDue: '2999-12-31', ...over })
const replied: typeof repliedAt = (over = {}) => repliedAt({ handleDue: '2999-12-31', rateFrom: today, ...over })
const ok = (data: unknown) => () => ({ statusCode: 200, data })
const body = (req: FakeRequest) => req.data as Record<string, unknown>

beforeEach(() => {
  page.query = { id: '5' }
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('filing a complaint', () => {
  it('sends the category, title and description with an Idempotency-Key kept for a retry, then opens the ticket', async () => {
    page.query = {}
    const keys: string[] = []
    let calls = 0
    serveRoutes(farmer(), {
      'POST /api/tickets': (req) => {
        keys.push(req.header['Idempotency-Key'])
        calls += 1
        return calls === 1 ? 'network-error' : { statusCode: 201, data: aTicket({ id: 77 }) }
      },
    })
    const wrapper = mount(NewPage)
    await settle()
    await wrapper.find('.btn-ticket-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    expect(wrapper.find('.field-error--category').text()).toBe('请选择反映事项的类别')
    expect(wrapper.find('.field-error--title').exists()).toBe(true)

    await wrapper.find('.ticket-category--SUBSIDY').trigger('tap')
    expect(wrapper.find('.field-error--category').exists()).toBe(false)
    await wrapper.find('.ticket-title').setValue('危房改造补助未到位')
    await wrapper.find('.ticket-description').setValue('去年申请的补助至今未发放')
    await wrapper.find('.ticket-anonymous').trigger('tap')
    await wrapper.find('.btn-ticket-submit').trigger('tap')
    await settle()

    expect(keys).toHaveLength(2)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    expect(body(posts()[1])).toEqual({ category: 'SUBSIDY', title: '危房改造补助未到位', description: '去年申请的补助至今未发放', anonymous: true })
    expect(fakeUni.redirectTo).toHaveBeenCalledWith({ url: '/pages/tickets/detail?id=77' })
  })

  it('puts the server field problems under their fields', async () => {
    page.query = {}
    serveRoutes(farmer(), {
      'POST /api/tickets': () => problem(400, '请求有误', '请检查填写的内容', [{ field: 'fileTicket.body.title', message: '标题不能含有电话号码' }]),
    })
    const wrapper = mount(NewPage)
    await settle()
    await wrapper.find('.ticket-category--HEALTH').trigger('tap')
    await wrapper.find('.ticket-title').setValue('请回电 13812345678')
    await wrapper.find('.ticket-description').setValue('医保报销')
    await wrapper.find('.btn-ticket-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--title').text()).toBe('标题不能含有电话号码')
    expect(wrapper.find('.error-notice').exists()).toBe(false)
  })

  it('files an unbound farmer’s complaint for the scanned village, and asks for one when there is none', async () => {
    page.query = { village: VILLAGE, name: encodeURIComponent('任庄村') }
    serveRoutes(farmer({ householdId: null, level: 0, regionCode: null }), { 'POST /api/tickets': () => ({ statusCode: 201, data: aTicket() }) })
    const wrapper = mount(NewPage)
    await settle()
    expect(wrapper.find('.ticket-village').text()).toBe('任庄村')
    await wrapper.find('.ticket-category--OTHER').trigger('tap')
    await wrapper.find('.ticket-title').setValue('道路损坏')
    await wrapper.find('.ticket-description').setValue('村口道路损坏')
    await wrapper.find('.btn-ticket-submit').trigger('tap')
    await settle()
    expect(body(posts()[0]).villageCode).toBe(VILLAGE)
    wrapper.unmount()

    page.query = {}
    const without = mount(NewPage)
    await settle()
    expect(without.text()).toContain(NEED_TICKET_VILLAGE)
    expect(without.find('.btn-ticket-submit').attributes('disabled')).toBeDefined()
  })

  it('lists my complaints and opens one', async () => {
    serveRoutes(farmer(), { 'GET /api/me/tickets': ok([replied(), aTicket({ id: 6, title: '低保' })]) })
    const wrapper = mount(MinePage)
    await settle()
    expect(wrapper.findAll('.ticket__status').map((w) => w.text())).toEqual(['已答复，请评价', '待受理'])
    await wrapper.findAll('.ticket')[1].trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/tickets/detail?id=6' })
  })
})

describe('ticket detail: the cadres', () => {
  const regionRoutes = {
    [`GET /api/regions/${TOWNSHIP}`]: ok({ code: TOWNSHIP, name: '堌阳镇', level: 4 } satisfies Region),
    [`GET /api/regions/${TOWNSHIP}/children`]: ok([
      { code: VILLAGE, name: '任庄村', level: 5, parentCode: TOWNSHIP },
      { code: '410225101202', name: '王庄村', level: 5, parentCode: TOWNSHIP },
    ] satisfies Region[]),
  }

  it('lets the township accept and assign to a village it picks, with the version read', async () => {
    serveRoutes(township(), {
      'GET /api/tickets/5': ok(aTicket()),
      'POST /api/tickets/5/accept': ok(handling()),
      ...regionRoutes,
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.ticket-status').text()).toBe('待受理')
    expect(wrapper.find('.btn-reply').exists()).toBe(false)
    await wrapper.find('.btn-accept').trigger('tap')
    await settle()
    await wrapper.find('.btn-accept-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--assignTo').text()).toBe('请选择承办单位')
    expect(posts()).toHaveLength(0)

    await wrapper.find(`.assign-to--${VILLAGE}`).trigger('tap')
    await wrapper.find('.btn-accept-submit').trigger('tap')
    await settle()
    expect(path(posts()[0])).toBe('/api/tickets/5/accept')
    expect(body(posts()[0])).toEqual({ version: 3, assignTo: VILLAGE })
    expect(wrapper.find('.ticket-status').text()).toBe('办理中')
    expect(wrapper.find('.btn-accept-submit').exists()).toBe(false)
    expect(wrapper.find('.ticket-handler').text()).toBe('任庄村')
    expect(wrapper.find('.btn-urge').exists()).toBe(true)
  })

  it('says the ticket was taken on 409 and reads it again', async () => {
    let reads = 0
    serveRoutes(township(), {
      'GET /api/tickets/5': () => {
        reads += 1
        return { statusCode: 200, data: aTicket() }
      },
      'POST /api/tickets/5/refuse': () => problem(409, '冲突', '工单已被受理'),
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-refuse').trigger('tap')
    await wrapper.find('.refuse-reason').setValue('不属于受理范围')
    await wrapper.find('.btn-refuse-submit').trigger('tap')
    await settle()
    expect(body(posts()[0])).toEqual({ version: 3, reason: '不属于受理范围' })
    expect(wrapper.text()).toContain(TICKET_TAKEN)
    await wrapper.find('.btn-reload').trigger('tap')
    await settle()
    expect(reads).toBe(2)
    expect(wrapper.text()).not.toContain(TICKET_TAKEN)
  })

  it('lets the village reply and ask for an extension, which it no longer offers once used', async () => {
    serveRoutes(villageCadre(), {
      'GET /api/tickets/5': ok(handling()),
      'POST /api/tickets/5/reply': ok(replied()),
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.findAll('.ticket-action').map((w) => w.text())).toEqual(['记录办理情况', '答复', '申请延期'])
    await wrapper.find('.btn-reply').trigger('tap')
    await wrapper.find('.reply-content').setValue('补助已于本周发放')
    await wrapper.find('.btn-reply-submit').trigger('tap')
    await settle()
    expect(body(posts()[0])).toEqual({ version: 4, content: '补助已于本周发放' })
    expect(wrapper.find('.ticket-status').text()).toBe('已答复，待评价')
    expect(wrapper.find('.ticket-reply').text()).toBe('补助已于本周发放')
    expect(wrapper.findAll('.ticket-action')).toHaveLength(0)
    wrapper.unmount()

    serveRoutes(villageCadre(), { 'GET /api/tickets/5': ok(handling({ extensionCount: 1 })) })
    const extended = mount(DetailPage)
    await settle()
    expect(extended.find('.btn-extension').exists()).toBe(false)
    expect(extended.find('.btn-reply').exists()).toBe(true)
  })

  it('lets the township decide a pending extension, seeing what was asked', async () => {
    const pending = handling({
      extensionPendingDays: 5,
      events: [...handling().events, { type: 'EXTENSION_REQUESTED', status: 'HANDLING', actorRole: 'VILLAGE_CADRE', content: '等待县里核定', at }],
    })
    serveRoutes(township(), { 'GET /api/tickets/5': ok(pending), 'POST /api/tickets/5/extension/decide': ok(handling({ extensionCount: 1 })) })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-decide-extension').trigger('tap')
    expect(wrapper.text()).toContain('承办单位申请延期 5 个工作日，理由：等待县里核定')
    await wrapper.find('.extension-decision--APPROVE').trigger('tap')
    await wrapper.find('.decide-reason').setValue('情况属实')
    await wrapper.find('.btn-decide-submit').trigger('tap')
    await settle()
    expect(body(posts()[0])).toEqual({ version: 4, approve: true, reason: '情况属实' })
  })

  it('shows the complainant only after an audited reveal, and a 403 in Chinese', async () => {
    serveRoutes(township(), {
      'GET /api/tickets/5': ok(aTicket()),
      'POST /api/tickets/5/complainant': () => ({ statusCode: 200, data: { name: '赵大山', phone: '13812345678' } }),
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.ticket-complainant').text()).toBe('赵*山 · 138****5678')
    await wrapper.find('.btn-reveal').trigger('tap')
    await wrapper.find('.btn-reveal-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    expect(wrapper.find('.field-error--reason').exists()).toBe(true)
    await wrapper.find('.reveal-reason').setValue('电话联系核实')
    await wrapper.find('.btn-reveal-submit').trigger('tap')
    await settle()
    expect(body(posts()[0])).toEqual({ reason: '电话联系核实' })
    expect(wrapper.find('.complainant-full').text()).toBe('投诉人：赵大山 · 13812345678')
    wrapper.unmount()

    serveRoutes(township(), {
      'GET /api/tickets/5': ok(aTicket()),
      'POST /api/tickets/5/complainant': () => ({ statusCode: 403, data: { type: 'about:blank', title: 'Forbidden', status: 403 } }),
    })
    const refused = mount(DetailPage)
    await settle()
    await refused.find('.btn-reveal').trigger('tap')
    await refused.find('.reveal-reason').setValue('核实')
    await refused.find('.btn-reveal-submit').trigger('tap')
    await settle()
    expect(refused.text()).toContain(REVEAL_FORBIDDEN)
  })

  it('does not offer the reveal to the handling unit of an anonymous complaint', async () => {
    serveRoutes(villageCadre(), { 'GET /api/tickets/5': ok(handling({ anonymous: true, complainantName: null, complainantPhone: null })) })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.btn-reveal').exists()).toBe(false)
    expect(wrapper.find('.ticket-complainant').text()).toBe('—（匿名）')
  })
})

describe('ticket detail: the complainant', () => {
  it('rates from rateFrom on; 不满意 sends the ticket back to handling', async () => {
    serveRoutes(farmer(), {
      'GET /api/tickets/5': ok(replied()),
      'POST /api/tickets/5/rate': ok(handling({ rehandleCount: 1 })),
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.ticket-status').text()).toBe('已答复，请评价')
    expect(wrapper.find('.ticket-progress-title').text()).toBe('已答复')
    expect(wrapper.findAll('.ticket-action')).toHaveLength(0)
    await wrapper.find('.btn-rate-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--satisfaction').exists()).toBe(true)
    await wrapper.find('.rating--DISSATISFIED').trigger('tap')
    await wrapper.find('.btn-rate-submit').trigger('tap')
    await settle()
    expect(body(posts()[0])).toEqual({ satisfaction: 'DISSATISFIED' })
    expect(wrapper.find('.ticket-status').text()).toBe('办理中')
    expect(wrapper.find('.ticket-progress-title').text()).toBe('重新办理中')
    expect(wrapper.find('.btn-rate-submit').exists()).toBe(false)
  })

  it('waits until rateFrom before offering the rating', async () => {
    serveRoutes(farmer(), { 'GET /api/tickets/5': ok(replied({ rateFrom: '2999-01-04' })) })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.rate-wait').text()).toBe('答复次日起可以评价（2999-01-04 起）')
    expect(wrapper.find('.btn-rate-submit').exists()).toBe(false)
  })
})

describe('inbox', () => {
  it('shows the to-dos supervised first with overdue badges, and every ticket by status on the other tab', async () => {
    const todo = [handling({ id: 1, title: '甲' }), handling({ id: 2, title: '乙', supervised: true, superviseDue: '2026-12-01', overdue: true, overdueWorkingDays: 2 })]
    serveRoutes(villageCadre(), {
      'GET /api/tickets': (req) => ({
        statusCode: 200,
        data: req.url.includes('view=all') ? { items: [replied({ id: 3, title: '丙' })], nextAfter: null } : { items: todo, nextAfter: 2 },
      }),
    })
    const wrapper = mount(InboxPage)
    await settle()
    expect(wrapper.findAll('.ticket__title').map((w) => w.text())).toEqual(['乙', '甲'])
    expect(wrapper.find('.ticket-overdue').text()).toBe('超期 2 个工作日')
    expect(wrapper.find('.ticket-supervised').exists()).toBe(true)
    expect(wrapper.find('.btn-more').exists()).toBe(true)
    expect(wrapper.find('.link-bulletin').exists()).toBe(false)

    await wrapper.find('.inbox-tab--all').trigger('tap')
    await settle()
    await wrapper.find('.status-filter--REPLIED').trigger('tap')
    await settle()
    const last = requests.filter((r) => path(r) === '/api/tickets').pop()
    expect(last?.url).toContain('view=all')
    expect(last?.url).toContain('status=REPLIED')
    expect(wrapper.findAll('.ticket__title').map((w) => w.text())).toEqual(['丙'])
    expect(wrapper.find('.ticket__status').text()).toBe('已答复，待评价')
  })
})

describe('registering a call', () => {
  it('sends the channel, region and caller with an Idempotency-Key', async () => {
    serveRoutes(township(), {
      'POST /api/tickets/register': () => ({ statusCode: 201, data: aTicket({ id: 9, channel: 'HOTLINE_12345' }) }),
      [`GET /api/regions/${TOWNSHIP}`]: ok({ code: TOWNSHIP, name: '堌阳镇', level: 4 }),
      [`GET /api/regions/${TOWNSHIP}/children`]: ok([{ code: VILLAGE, name: '任庄村', level: 5 }]),
    })
    const { setMe } = await import('@/stores/session')
    setMe(township())
    const wrapper = mount(RegisterPage)
    await settle()
    await wrapper.find('.register-channel--HOTLINE_12345').trigger('tap')
    await wrapper.find(`.register-region--${VILLAGE}`).trigger('tap')
    await wrapper.find('.ticket-category--ASSISTANCE').trigger('tap')
    await wrapper.find('.ticket-title').setValue('帮扶措施未落实')
    await wrapper.find('.ticket-description').setValue('来电反映产业帮扶资金未到位')
    await wrapper.find('.register-phone').setValue('13912345678')
    await wrapper.find('.btn-register-submit').trigger('tap')
    await settle()
    const sent = posts()[0]
    expect(sent.header['Idempotency-Key']).toBeTruthy()
    expect(body(sent)).toEqual({
      channel: 'HOTLINE_12345',
      category: 'ASSISTANCE',
      title: '帮扶措施未落实',
      description: '来电反映产业帮扶资金未到位',
      regionCode: VILLAGE,
      anonymous: false,
      complainantPhone: '13912345678',
    })
    expect(fakeUni.redirectTo).toHaveBeenCalledWith({ url: '/pages/tickets/detail?id=9' })
  })
})

describe('statistics', () => {
  const row = (key: string, name: string | null, over: Partial<TicketStatsRow> = {}): TicketStatsRow => ({
    key,
    name,
    received: 8,
    onTime: 6,
    overdue: 1,
    extended: 1,
    rehandled: 0,
    rated: 8,
    satisfied: 7,
    ...over,
  })
  const stats = (region: string, byRegion: TicketStatsRow[]): TicketStats => ({
    region,
    total: row(region, null),
    byRegion,
    byCategory: [row('SUBSIDY', null, { rated: 3, satisfied: 2 })],
    byChannel: [row('HOTLINE_12345', null, { rated: 0, satisfied: 0 })],
  })

  it('shows satisfaction rates, opens a region row and exports the same choice', async () => {
    serveRoutes(township(), {
      'GET /api/tickets/stats': (req) =>
        req.url.includes(`region=${TOWNSHIP}`)
          ? { statusCode: 200, data: stats(TOWNSHIP, [row(VILLAGE, '任庄村')]) }
          : { statusCode: 200, data: stats('410225000000', [row(TOWNSHIP, '堌阳镇')]) },
    })
    const wrapper = mount(StatsPage)
    await settle()
    expect(wrapper.find('.stats-total-rate').text()).toBe('87.5%')
    expect(wrapper.find('.stats--category .stats-rate').text()).toBe('66.7%')
    expect(wrapper.find('.stats--channel .stats-rate').text()).toBe('—')
    expect(wrapper.find('.stats--category .stats__name:not(:first-child)').exists()).toBe(false)
    expect(wrapper.find('.stats--category').text()).toContain('补贴资金')

    await wrapper.find(`.stats-row--${TOWNSHIP}`).trigger('tap')
    await settle()
    expect(wrapper.find('.stats-trail').text()).toContain('堌阳镇')
    expect(wrapper.find(`.stats-row--${VILLAGE}`).exists()).toBe(true)
    await wrapper.find(`.stats-row--${VILLAGE}`).trigger('tap')
    await settle()
    expect(requests.filter((r) => path(r) === '/api/tickets/stats')).toHaveLength(2)

    await wrapper.find('.btn-export').trigger('tap')
    await settle()
    expect(downloadWorkbook).toHaveBeenCalledWith('/api/tickets/stats/export', { region: TOWNSHIP, from: undefined, to: undefined }, '工单统计-堌阳镇.xlsx')
  })
})
