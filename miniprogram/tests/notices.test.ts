import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import IndexPage from '@/pages/notices/index.vue'
import DetailPage from '@/pages/notices/detail.vue'
import ReadersPage from '@/pages/notices/readers.vue'
import NewPage from '@/pages/notices/new.vue'
import WorkbenchPage from '@/pages/workbench/index.vue'
import type { Notice, NoticeReader } from '@/api/types'
import { setMe, setTokens } from '@/stores/session'
import { canPublishNotices, noticeTabs, paragraphsToHtml } from '@/utils/notices'
import { fakeUni, page, path, posts, problem, requests, serveRoutes, settle, type FakeRequest } from './fake-uni'
import { TOWNSHIP, VILLAGE, at, farmer, township, villageCadre } from './ticket-fixtures'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const ok = (data: unknown) => () => ({ statusCode: 200, data })
const query = (req: FakeRequest) => new URLSearchParams(req.url.split('?')[1] ?? '')

const aNotice = (over: Partial<Notice> = {}): Notice => ({
  id: 7,
  kind: 'NOTICE',
  title: '关于开展防返贫集中排查的通知',
  body: '<p>请各村于本周内完成排查。</p>',
  regionCode: TOWNSHIP,
  regionName: '堌阳镇',
  requireConfirm: false,
  status: 'PUBLISHED',
  attachmentIds: [],
  publishedAt: at,
  withdrawnAt: null,
  createdAt: at,
  version: 1,
  read: false,
  confirmed: false,
  readCount: null,
  confirmedCount: null,
  ...over,
})

beforeEach(() => {
  page.query = {}
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('notice helpers', () => {
  it('turns typed paragraphs into escaped <p> blocks, keeping single line breaks', () => {
    expect(paragraphsToHtml('第一段\n第二行\n\n  第二段 <b>&  \n\n\n')).toBe('<p>第一段<br/>第二行</p><p>第二段 &lt;b&gt;&amp;</p>')
    expect(paragraphsToHtml('  \n ')).toBe('')
  })

  it('gives farmers the 公示公告 tab only, and lets townships and above publish', () => {
    expect(noticeTabs('FARMER').map((t) => t.label)).toEqual(['公示公告'])
    expect(noticeTabs('VILLAGE_CADRE').map((t) => t.label)).toEqual(['通知公告', '公示公告'])
    expect(canPublishNotices('TOWNSHIP_CADRE')).toBe(true)
    expect(canPublishNotices('PROVINCE_CADRE')).toBe(true)
    expect(canPublishNotices('VILLAGE_CADRE')).toBe(false)
    expect(canPublishNotices('FARMER')).toBe(false)
  })
})

describe('notice list', () => {
  it('shows a cadre the 通知 tab with unread dots and switches to 公示', async () => {
    serveRoutes(villageCadre(), {
      'GET /api/notices': (req) =>
        query(req).get('kind') === 'ANNOUNCEMENT'
          ? ok({ items: [aNotice({ id: 9, kind: 'ANNOUNCEMENT', title: '2026 年监测对象名单公示' })], nextAfter: null })()
          : ok({ items: [aNotice(), aNotice({ id: 8, title: '已读的通知', read: true })], nextAfter: 8 })(),
      'GET /api/notices/unread-count': ok({ unread: 3, unconfirmed: 1 }),
    })
    const wrapper = mount(IndexPage)
    await settle()
    expect(wrapper.findAll('.notice-tab').map((t) => t.text())).toEqual(['通知公告', '公示公告'])
    expect(query(requests.find((r) => path(r) === '/api/notices')!).get('kind')).toBe('NOTICE')
    const rows = wrapper.findAll('.notice')
    expect(rows[0].classes()).toContain('notice--unread')
    expect(rows[0].find('.notice__dot').exists()).toBe(true)
    expect(rows[1].find('.notice__dot').exists()).toBe(false)
    expect(wrapper.find('.notice-counts').text()).toContain('3 条未读')
    expect(wrapper.find('.notice-counts').text()).toContain('1 条待确认')
    expect(wrapper.find('.btn-new-notice').exists()).toBe(false)
    expect(wrapper.find('.btn-more').exists()).toBe(true)

    await wrapper.find('.notice-tab--ANNOUNCEMENT').trigger('tap')
    await settle()
    expect(wrapper.findAll('.notice').map((r) => r.find('.notice__title').text())).toEqual(['2026 年监测对象名单公示'])
    await wrapper.find('.notice').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/detail?id=9' })
  })

  it('shows a farmer announcements only, without tabs', async () => {
    serveRoutes(farmer(), {
      'GET /api/notices': ok({ items: [aNotice({ kind: 'ANNOUNCEMENT' })], nextAfter: null }),
      'GET /api/notices/unread-count': ok({ unread: 1, unconfirmed: 0 }),
    })
    const wrapper = mount(IndexPage)
    await settle()
    expect(wrapper.find('.notice-tab').exists()).toBe(false)
    expect(requests.filter((r) => path(r) === '/api/notices').map((r) => query(r).get('kind'))).toEqual(['ANNOUNCEMENT'])
    expect(wrapper.text()).toContain('公示公告')
  })

  it('offers a township cadre to publish and shows the read count of its own notices and drafts', async () => {
    serveRoutes(township(), {
      'GET /api/notices': ok({ items: [aNotice({ readCount: 12, confirmedCount: 3 }), aNotice({ id: 6, status: 'DRAFT', readCount: 0 })], nextAfter: null }),
      'GET /api/notices/unread-count': ok({ unread: 0, unconfirmed: 0 }),
    })
    const wrapper = mount(IndexPage)
    await settle()
    expect(wrapper.find('.notice__dot').exists()).toBe(false)
    expect(wrapper.find('.notice__reads').text()).toBe('已读 12')
    expect(wrapper.find('.notice-status--DRAFT').text()).toBe('草稿')
    await wrapper.find('.btn-new-notice').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/new' })
  })
})

describe('notice detail', () => {
  it('renders the body as rich text and confirms reading when asked', async () => {
    page.query = { id: '7' }
    serveRoutes(villageCadre(), {
      'GET /api/notices/7': ok(aNotice({ requireConfirm: true, read: true })),
      'POST /api/notices/7/confirm': ok(aNotice({ requireConfirm: true, read: true, confirmed: true })),
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.notice-title').text()).toBe('关于开展防返贫集中排查的通知')
    expect(wrapper.find('.notice-body').attributes('nodes')).toBe('<p>请各村于本周内完成排查。</p>')
    expect(wrapper.find('.notice-read-count').exists()).toBe(false)
    await wrapper.find('.btn-confirm').trigger('tap')
    await settle()
    expect(posts().map(path)).toEqual(['/api/notices/7/confirm'])
    expect(wrapper.find('.btn-confirm').exists()).toBe(false)
    expect(wrapper.find('.notice-confirmed').text()).toBe('您已确认阅读')
  })

  it('shows the publisher the counts, the readers link, and withdraws with a reason', async () => {
    page.query = { id: '7' }
    let sent: unknown = null
    serveRoutes(township(), {
      'GET /api/notices/7': ok(aNotice({ requireConfirm: true, readCount: 5, confirmedCount: 2, version: 3 })),
      'POST /api/notices/7/withdraw': (req) => {
        sent = req.data
        return ok(aNotice({ status: 'WITHDRAWN', withdrawnAt: at, readCount: 5, confirmedCount: 2, version: 4 }))()
      },
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.notice-read-count').text()).toBe('5 人')
    expect(wrapper.find('.notice-confirmed-count').text()).toBe('2 人')
    expect(wrapper.find('.btn-confirm').exists()).toBe(false)
    await wrapper.find('.link-readers').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/readers?id=7' })

    await wrapper.find('.btn-withdraw-open').trigger('tap')
    await wrapper.find('.btn-withdraw').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    expect(wrapper.text()).toContain('请填写撤回理由')
    await wrapper.find('textarea.withdraw-reason').setValue('内容有误')
    await wrapper.find('.btn-withdraw').trigger('tap')
    await settle()
    expect(sent).toEqual({ version: 3, reason: '内容有误' })
    expect(wrapper.find('.notice-state--WITHDRAWN').text()).toContain('已撤回')
  })

  it('publishes a draft and says why a refusal happened', async () => {
    page.query = { id: '6' }
    serveRoutes(township(), {
      'GET /api/notices/6': ok(aNotice({ id: 6, status: 'DRAFT', publishedAt: null, readCount: 0, confirmedCount: 0, version: 0 })),
      'POST /api/notices/6/publish': () => problem(409, '与现有数据冲突', '该通知已被他人修改，请刷新后重试'),
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.notice-state--DRAFT').text()).toContain('草稿')
    await wrapper.find('.btn-publish').trigger('tap')
    await settle()
    expect(posts().map((r) => r.data)).toEqual([{ version: 0 }])
    expect(wrapper.text()).toContain('该通知已被他人修改，请刷新后重试')
  })

  it('says so when the notice is not found', async () => {
    page.query = { id: '404' }
    serveRoutes(farmer(), {})
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.error-notice').exists()).toBe(true)
  })
})

describe('readers', () => {
  const reader = (over: Partial<NoticeReader> = {}): NoticeReader => ({
    accountId: 5,
    name: '李德福',
    role: 'VILLAGE_CADRE',
    regionCode: VILLAGE,
    regionName: '任庄村',
    readAt: at,
    confirmedAt: at,
    ...over,
  })

  it('lists who read with role, place and confirmation, page by page', async () => {
    page.query = { id: '7' }
    serveRoutes(township(), {
      'GET /api/notices/7/readers': (req) =>
        query(req).get('after')
          ? ok({ noticeId: 7, readCount: 2, confirmedCount: 1, items: [reader({ accountId: 6, name: '张小红', role: 'INFO_OFFICER', confirmedAt: null })], nextAfter: null })()
          : ok({ noticeId: 7, readCount: 2, confirmedCount: 1, items: [reader()], nextAfter: 31 })(),
    })
    const wrapper = mount(ReadersPage)
    await settle()
    expect(wrapper.text()).toContain('已读 2 人 · 已确认 1 人')
    expect(wrapper.find('.reader__name').text()).toBe('李德福')
    expect(wrapper.find('.reader__role').text()).toBe('村干部')
    expect(wrapper.find('.reader__region').text()).toBe('任庄村')
    await wrapper.find('.btn-more').trigger('tap')
    await settle()
    expect(query(requests.filter((r) => path(r) === '/api/notices/7/readers')[1]).get('after')).toBe('31')
    const rows = wrapper.findAll('.reader')
    expect(rows).toHaveLength(2)
    expect(rows[1].find('.reader__when--none').text()).toBe('未确认')
  })

  it('shows the refusal to anyone but the publisher', async () => {
    page.query = { id: '7' }
    serveRoutes(villageCadre(), { 'GET /api/notices/7/readers': () => problem(403, '无权操作', '只有发布区划本级的干部可以查看阅读情况') })
    const wrapper = mount(ReadersPage)
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe('只有发布区划本级的干部可以查看阅读情况')
  })
})

describe('new notice', () => {
  it('checks the form first, then creates with an Idempotency-Key and publishes at once', async () => {
    const me = township()
    setMe({ ...me, regionPath: [{ code: TOWNSHIP, name: '堌阳镇', level: 4 }] } as typeof me)
    const created: Record<string, unknown>[] = []
    const keys: string[] = []
    serveRoutes(me, {
      'POST /api/notices': (req) => {
        created.push(req.data as Record<string, unknown>)
        keys.push(req.header['Idempotency-Key'])
        return { statusCode: 201, data: aNotice({ id: 12, status: 'DRAFT', version: 0, readCount: 0 }) }
      },
      'POST /api/notices/12/publish': ok(aNotice({ id: 12, version: 1, readCount: 0 })),
    })
    const wrapper = mount(NewPage)
    await settle()
    expect(wrapper.find('.notice-scope').text()).toBe('堌阳镇及下级')
    await wrapper.find('.btn-notice-publish').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    expect(wrapper.find('.field-error--title').text()).toBe('请填写标题')
    expect(wrapper.find('.field-error--body').text()).toBe('请填写正文')

    await wrapper.find('.notice-kind--ANNOUNCEMENT').trigger('tap')
    await wrapper.find('input.notice-title-input').setValue('低保名单公示')
    await wrapper.find('textarea.notice-body-input').setValue('第一段\n\n第二段')
    await wrapper.find('.notice-require-confirm').trigger('tap')
    await wrapper.find('.btn-notice-publish').trigger('tap')
    await settle()
    expect(created).toEqual([
      { kind: 'ANNOUNCEMENT', title: '低保名单公示', body: '<p>第一段</p><p>第二段</p>', regionCode: TOWNSHIP, requireConfirm: true },
    ])
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(posts().map(path)).toEqual(['/api/notices', '/api/notices/12/publish'])
    expect(fakeUni.redirectTo).toHaveBeenCalledWith({ url: '/pages/notices/detail?id=12' })
  })

  it('keeps a draft without publishing, and shows the server field problem', async () => {
    const me = township()
    setMe(me)
    let answer: 'refuse' | 'ok' = 'refuse'
    serveRoutes(me, {
      'POST /api/notices': () =>
        answer === 'refuse'
          ? problem(400, '请求参数有误', '只能以本人所在区划发布', [{ field: 'regionCode', message: '只能以本人所在区划发布' }])
          : { statusCode: 201, data: aNotice({ id: 13, status: 'DRAFT', version: 0, readCount: 0 }) },
    })
    const wrapper = mount(NewPage)
    await settle()
    await wrapper.find('input.notice-title-input').setValue('通知')
    await wrapper.find('textarea.notice-body-input').setValue('正文')
    await wrapper.find('.btn-notice-draft').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--regionCode').text()).toBe('只能以本人所在区划发布')
    answer = 'ok'
    await wrapper.find('.btn-notice-draft').trigger('tap')
    await settle()
    expect(posts().map(path)).toEqual(['/api/notices', '/api/notices'])
    expect(fakeUni.redirectTo).toHaveBeenCalledWith({ url: '/pages/notices/detail?id=13' })
  })

  it('tells a village cadre that only townships and above publish', async () => {
    setMe(villageCadre())
    serveRoutes(villageCadre(), {})
    const wrapper = mount(NewPage)
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe('乡镇级及以上干部才能发布通知公告')
    expect(wrapper.find('.btn-notice-publish').exists()).toBe(false)
  })
})

describe('workbench entry', () => {
  it('shows the unread count as a badge that opens the notice list', async () => {
    serveRoutes(villageCadre(), {
      'GET /api/workbench': ok({ todos: [], counts: [] }),
      'GET /api/notices/unread-count': ok({ unread: 120, unconfirmed: 2 }),
    })
    const wrapper = mount(WorkbenchPage)
    await settle()
    expect(wrapper.find('.notices-badge').text()).toBe('99+')
    expect(wrapper.find('.notices-unconfirmed').text()).toBe('2 条待确认')
    await wrapper.find('.link-notices').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/index' })
  })

  it('shows no badge when everything is read', async () => {
    serveRoutes(villageCadre(), {
      'GET /api/workbench': ok({ todos: [], counts: [] }),
      'GET /api/notices/unread-count': ok({ unread: 0, unconfirmed: 0 }),
    })
    const wrapper = mount(WorkbenchPage)
    await settle()
    expect(wrapper.find('.notices-badge').exists()).toBe(false)
    expect(wrapper.find('.link-notices').exists()).toBe(true)
  })
})
