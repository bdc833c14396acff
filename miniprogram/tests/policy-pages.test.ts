import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import IndexPage from '@/pages/policies/index.vue'
import MinePage from '@/pages/policies/mine.vue'
import DetailPage from '@/pages/policies/detail.vue'
import EditPage from '@/pages/policies/edit.vue'
import ManagePage from '@/pages/policies/manage.vue'
import MatchesPage from '@/pages/policies/matches.vue'
import type { PoliciesForMe, Policy, PolicyExplanation, PolicyMatch, PolicyMatchPage, PolicySummary, Region } from '@/api/types'
import { setMe, setTokens } from '@/stores/session'
import { downloadWorkbook } from '@/utils/files'
import { todayInBeijing } from '@/utils/household'
import { fakeUni, page, path, posts, problem, requests, serveRoutes, settle, type FakeRequest } from './fake-uni'
import { COUNTY, VILLAGE, at, county, farmer, meAs } from './ticket-fixtures'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))
vi.mock('@/utils/files', async (original) => ({ ...(await original<typeof import('@/utils/files')>()), downloadWorkbook: vi.fn(async () => {}) }))

const ok = (data: unknown) => () => ({ statusCode: 200, data })
const body = (req: FakeRequest) => req.data as Record<string, unknown>
const query = (req: FakeRequest) => {
  const found: Record<string, string> = {}
  new URLSearchParams(req.url.split('?')[1] ?? '').forEach((value, key) => (found[key] = value))
  return found
}
const gets = (p: string) => requests.filter((r) => r.method === 'GET' && path(r) === p)

const aSummary = (over: Partial<PolicySummary> = {}): PolicySummary => ({
  titleParts: [{ text: over.title ?? '困难群众医疗救助', hit: false }],
  id: 5,
  title: '困难群众医疗救助',
  issuer: '兰考县医疗保障局',
  docNo: '兰医保〔2026〕3号',
  regionCode: COUNTY,
  regionName: '兰考县',
  category: 'HEALTH',
  status: 'PUBLISHED',
  effectiveFrom: '2026-01-01',
  summary: '监测对象看病自付部分再报销一部分',
  benefit: '住院自付费用再报销 70%',
  summaryParts: [{ text: '监测对象看病自付部分再报销一部分', hit: false }],
  ...over,
})

const aPolicy = (over: Partial<Policy> = {}): Policy => ({
  id: 5,
  title: '困难群众医疗救助',
  issuer: '兰考县医疗保障局',
  docNo: '兰医保〔2026〕3号',
  regionCode: COUNTY,
  regionName: '兰考县',
  category: 'HEALTH',
  status: 'PUBLISHED',
  effectiveFrom: '2026-01-01',
  summary: '监测对象看病自付部分再报销一部分',
  benefit: '住院自付费用再报销 70%',
  body: '<p>第一条 救助对象</p>',
  attachmentIds: [],
  conditions: { all: [{ fact: 'CATEGORY', op: 'IN', values: ['MONITORED'] }] },
  conditionsText: '农户类别属于监测对象',
  conditionsVersion: 1,
  createdAt: at,
  publishedAt: at,
  version: 2,
  events: [{ type: 'PUBLISHED', actorRole: 'COUNTY_CADRE', actorRegion: COUNTY, at }],
  ...over,
})

beforeEach(() => {
  page.query = {}
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('查政策', () => {
  it('marks the search hits, filters by category and reads the next page by offset', async () => {
    const first = Array.from({ length: 20 }, (_, i) =>
      aSummary({ id: i + 1, title: `政策${i + 1}`, titleParts: [{ text: `政策${i + 1}`, hit: false }] }),
    )
    first[0] = aSummary({
      id: 1,
      title: '大病医疗救助办法',
      titleParts: [
        { text: '大病', hit: false },
        { text: '医疗', hit: true },
        { text: '救助办法', hit: false },
      ],
      summaryParts: [
        { text: '住院', hit: false },
        { text: '医疗', hit: true },
        { text: '费用再报销', hit: false },
      ],
    })
    serveRoutes(farmer(), {
      'GET /api/policies': (req) =>
        ok(query(req).offset === '20' ? { items: [aSummary({ id: 21, title: '第二页' })], total: 21 } : { items: first, total: 21 })(),
    })
    const wrapper = mount(IndexPage)
    await settle()
    expect(query(gets('/api/policies')[0])).toEqual({ offset: '0', limit: '20' })
    expect(wrapper.findAll('.policy')).toHaveLength(20)
    const firstItem = wrapper.findAll('.policy')[0]
    expect(firstItem.find('.policy-title').text()).toBe('大病医疗救助办法')
    expect(firstItem.findAll('.policy-title .hit').map((w) => w.text())).toEqual(['医疗'])
    expect(firstItem.findAll('.policy-summary .hit').map((w) => w.text())).toEqual(['医疗'])
    expect(wrapper.html()).not.toContain('v-html')

    await wrapper.find('.btn-more').trigger('tap')
    await settle()
    expect(query(gets('/api/policies')[1])).toEqual({ offset: '20', limit: '20' })
    expect(wrapper.findAll('.policy')).toHaveLength(21)
    expect(wrapper.find('.btn-more').exists()).toBe(false)

    await wrapper.find('.policy-search').setValue('医疗')
    await wrapper.find('.policy-category--HEALTH').trigger('tap')
    await settle()
    expect(query(gets('/api/policies')[2])).toEqual({ q: '医疗', category: 'HEALTH', offset: '0', limit: '20' })

    await wrapper.findAll('.policy')[0].trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/policies/detail?id=1' })
  })
})

describe('适合我的政策', () => {
  it('shows the eligible ones with their reason and the nearly met ones with what is missing', async () => {
    const forMe: PoliciesForMe = {
      householdId: 42,
      eligible: [{ policy: aSummary(), reason: '您家是监测对象', missing: [] }],
      nearlyMet: [
        {
          policy: aSummary({ id: 6, title: '残疾人两项补贴', category: 'SOCIAL_ASSISTANCE' }),
          reason: '还差一项',
          missing: ['家中有成员残疾等级不超过 2 级'],
        },
      ],
    }
    serveRoutes(farmer(), { 'GET /api/me/policies': ok(forMe) })
    const wrapper = mount(MinePage)
    await settle()
    const eligible = wrapper.findAll('.fit--eligible')
    expect(eligible).toHaveLength(1)
    expect(eligible[0].find('.policy-title').text()).toBe('困难群众医疗救助')
    expect(eligible[0].find('.fit-reason').text()).toBe('✓ 您家是监测对象')
    const nearly = wrapper.findAll('.fit--nearly')
    expect(nearly).toHaveLength(1)
    expect(nearly[0].find('.policy-title').text()).toBe('残疾人两项补贴')
    expect(nearly[0].findAll('.fit-missing').map((w) => w.text())).toEqual(['还差：家中有成员残疾等级不超过 2 级'])
    await nearly[0].find('.policy').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/policies/detail?id=6' })
  })

  it('says so when nothing fits, without a nearly met section', async () => {
    serveRoutes(farmer(), { 'GET /api/me/policies': ok({ householdId: 42, eligible: [], nearlyMet: [] }) })
    const wrapper = mount(MinePage)
    await settle()
    expect(wrapper.find('.eligible-empty').exists()).toBe(true)
    expect(wrapper.find('.fit--nearly').exists()).toBe(false)
  })
})

describe('政策详情', () => {
  it('shows the summary and benefit first and answers 我符合吗 check by check for a farmer', async () => {
    page.query = { id: '5' }
    const why: PolicyExplanation = {
      policyId: 5,
      householdId: 42,
      eligible: false,
      reason: '您家不符合：家中没有残疾等级不超过 2 级的成员',
      checks: [
        { text: '农户类别属于监测对象', met: true },
        { text: '家中有成员残疾等级不超过 2 级', met: false },
      ],
      missing: ['家中有成员残疾等级不超过 2 级'],
    }
    serveRoutes(farmer(), { 'GET /api/policies/5': ok(aPolicy()), 'GET /api/policies/5/explain': ok(why) })
    const wrapper = mount(DetailPage)
    await settle()
    const text = wrapper.text()
    expect(text.indexOf('监测对象看病自付部分再报销一部分')).toBeLessThan(text.indexOf('兰医保〔2026〕3号'))
    expect(wrapper.find('.policy-benefit').text()).toBe('可以享受：住院自付费用再报销 70%')
    expect(wrapper.find('.policy-dates').text()).toBe('2026-01-01 起长期有效')
    expect(wrapper.find('.policy-body').attributes('nodes')).toBe('<p>第一条 救助对象</p>')
    expect(wrapper.find('.btn-matches').exists()).toBe(false)

    await wrapper.find('.btn-explain').trigger('tap')
    await settle()
    const explain = gets('/api/policies/5/explain')
    expect(explain).toHaveLength(1)
    expect(query(explain[0])).toEqual({})
    expect(wrapper.find('.explain-verdict').text()).toBe('不符合')
    expect(wrapper.find('.explain-reason').text()).toBe(why.reason)
    expect(wrapper.findAll('.check-line').map((w) => w.text())).toEqual(['✓农户类别属于监测对象', '✗家中有成员残疾等级不超过 2 级'])
    expect(wrapper.find('.check-line--unmet').exists()).toBe(true)
    expect(wrapper.find('.explain-missing').text()).toBe('还差：家中有成员残疾等级不超过 2 级')
  })

  it('offers the publisher 政策找人, 修改 and 撤回 with a reason, and another cadre 政策找人 only', async () => {
    page.query = { id: '5' }
    let withdrawn: Record<string, unknown> | null = null
    serveRoutes(county(), {
      'GET /api/policies/5': ok(withdrawn ? aPolicy({ status: 'WITHDRAWN', version: 3 }) : aPolicy()),
      'POST /api/policies/5/withdraw': (req) => {
        withdrawn = body(req)
        return { statusCode: 200, data: aPolicy({ status: 'WITHDRAWN', version: 3 }) }
      },
    })
    fakeUni.showModal.mockImplementationOnce((o: { success: (r: { confirm: boolean; content: string }) => void }) =>
      o.success({ confirm: true, content: ' 政策到期 ' }),
    )
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.btn-explain').exists()).toBe(false)
    await wrapper.find('.btn-matches').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/policies/matches?id=5' })
    expect(wrapper.find('.btn-edit-policy').exists()).toBe(true)
    await wrapper.find('.btn-withdraw-policy').trigger('tap')
    await settle()
    expect(withdrawn).toEqual({ version: 2, reason: '政策到期' })
    wrapper.unmount()

    setMe(null)
    serveRoutes(meAs('TOWNSHIP_CADRE', '410225101000', 4), { 'GET /api/policies/5': ok(aPolicy()) })
    const other = mount(DetailPage)
    await settle()
    expect(other.find('.btn-matches').exists()).toBe(true)
    expect(other.find('.btn-edit-policy').exists()).toBe(false)
    expect(other.find('.btn-withdraw-policy').exists()).toBe(false)
  })
})

describe('起草政策', () => {
  it('builds the conditions, previews them, shows a condition problem on its row, then saves and publishes', async () => {
    let creates = 0
    const keys: string[] = []
    serveRoutes(county(), {
      'POST /api/policies/conditions/describe': (req) => {
        const c = JSON.stringify(body(req))
        if (c.includes('600')) return problem(400, '请求参数有误', '条件有误', [{ field: 'conditions.all[1].member.all[0].number', message: '年龄须在 0 到 120 之间' }])
        return ok({ text: c.includes('AGE') ? '农户类别属于监测对象，且家中有成员年龄不低于 60 岁' : '农户类别属于监测对象' })()
      },
      'POST /api/policies': (req) => {
        creates += 1
        keys.push(req.header['Idempotency-Key'])
        if (creates === 1)
          return problem(400, '请求参数有误', '条件有误', [{ field: 'createPolicy.body.conditions.all[1].member.all[0].number', message: '年龄须在 0 到 120 之间' }])
        return { statusCode: 201, data: aPolicy({ id: 9, status: 'DRAFT', version: 1 }) }
      },
      'POST /api/policies/9/publish': ok(aPolicy({ id: 9, status: 'PUBLISHED', version: 2 })),
    })
    const wrapper = mount(EditPage)
    await settle()
    expect(wrapper.find('.edit-from').text()).toContain(todayInBeijing())

    // Nothing filled: the form says what is missing before asking the server.
    await wrapper.find('.btn-publish').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    expect(wrapper.find('.field-error--title').text()).toBe('请填写政策标题')
    expect(wrapper.find('.field-error--category').text()).toBe('请选择政策类别')

    await wrapper.find('.edit-title').setValue('高龄困难老人医疗补助')
    await wrapper.find('.edit-issuer').setValue('兰考县医疗保障局')
    await wrapper.find('.edit-category--HEALTH').trigger('tap')
    await wrapper.find('.edit-summary').setValue('家里有 60 岁以上老人的监测户，看病可以多报销')
    await wrapper.find('.edit-body').setValue('第一条 补助对象\n第二条 补助标准')

    // A household fact: closed-set operators and value chips.
    await wrapper.find('.btn-add-fact').trigger('tap')
    expect(wrapper.findAll('.cond-0 .fact-chip').map((w) => w.text())).not.toContain('年龄')
    await wrapper.find('.cond-0 .fact-chip--CATEGORY').trigger('tap')
    expect(wrapper.findAll('.cond-0 .op-chip').map((w) => w.text())).toEqual(['属于', '不属于'])
    await wrapper.find('.cond-0 .value-chip--MONITORED').trigger('tap')
    await new Promise((r) => setTimeout(r, 700))
    await settle()
    expect(wrapper.find('.conditions-preview').text()).toBe('农户类别属于监测对象')

    // A member group: member facts only, numeric operators and a number.
    await wrapper.find('.btn-add-member').trigger('tap')
    await new Promise((r) => setTimeout(r, 700))
    await settle()
    expect(wrapper.find('.conditions-incomplete').text()).toBe('条件尚未填完整')
    expect(wrapper.find('.cond-error').exists()).toBe(false)
    const memberFacts = wrapper.findAll('.cond-1-0 .fact-chip').map((w) => w.text())
    expect(memberFacts).toContain('年龄')
    expect(memberFacts).not.toContain('农户类别')
    await wrapper.find('.cond-1-0 .fact-chip--AGE').trigger('tap')
    expect(wrapper.findAll('.cond-1-0 .op-chip').map((w) => w.text())).toEqual(['不低于', '不超过', '大于', '小于'])
    await wrapper.find('.cond-1-0 .cond-number').setValue('600')
    await new Promise((r) => setTimeout(r, 700))
    await settle()
    // The preview's 400 goes next to the row it is about.
    expect(wrapper.find('.cond-1-0-error').text()).toBe('年龄须在 0 到 120 之间')
    expect(wrapper.find('.conditions-preview').exists()).toBe(false)
    expect(wrapper.find('.conditions-invalid').exists()).toBe(true)

    await wrapper.find('.btn-publish').trigger('tap')
    await settle()
    expect(wrapper.find('.cond-1-0-error').text()).toBe('年龄须在 0 到 120 之间')
    expect(wrapper.find('.error-notice').exists()).toBe(false)
    expect(posts().filter((r) => path(r).endsWith('/publish'))).toHaveLength(0)

    await wrapper.find('.cond-1-0 .cond-number').setValue('60')
    await new Promise((r) => setTimeout(r, 700))
    await settle()
    expect(wrapper.find('.cond-1-0-error').exists()).toBe(false)
    expect(wrapper.find('.conditions-preview').text()).toBe('农户类别属于监测对象，且家中有成员年龄不低于 60 岁')
    await wrapper.find('.btn-publish').trigger('tap')
    await settle()
    const created = posts().filter((r) => path(r) === '/api/policies')
    expect(created).toHaveLength(2)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBeTruthy()
    expect(keys[1]).not.toBe(keys[0])
    expect(body(created[1])).toEqual({
      title: '高龄困难老人医疗补助',
      issuer: '兰考县医疗保障局',
      category: 'HEALTH',
      effectiveFrom: todayInBeijing(),
      summary: '家里有 60 岁以上老人的监测户，看病可以多报销',
      body: '<p>第一条 补助对象</p><p>第二条 补助标准</p>',
      regionCode: COUNTY,
      conditions: {
        all: [
          { fact: 'CATEGORY', op: 'IN', values: ['MONITORED'] },
          { member: { all: [{ fact: 'AGE', op: 'GE', number: 60 }] } },
        ],
      },
    })
    const publish = posts().filter((r) => path(r) === '/api/policies/9/publish')
    expect(publish.map(body)).toEqual([{ version: 1 }])
    expect(fakeUni.redirectTo).toHaveBeenCalledWith({ url: '/pages/policies/detail?id=9' })
  })

  it('edits a published policy with the version read and asks why it changes', async () => {
    page.query = { id: '5' }
    serveRoutes(county(), {
      'GET /api/policies/5': ok(aPolicy()),
      'POST /api/policies/conditions/describe': ok({ text: '农户类别属于监测对象' }),
      'POST /api/policies/5/update': ok(aPolicy({ version: 3 })),
    })
    const wrapper = mount(EditPage)
    await settle()
    expect((wrapper.find('.edit-title').element as HTMLInputElement).value).toBe('困难群众医疗救助')
    expect((wrapper.find('.edit-body').element as HTMLTextAreaElement).value).toBe('第一条 救助对象')
    expect(wrapper.find('.cond-0-fact').text()).toBe('农户类别')
    expect(wrapper.find('.cond-0 .value-chip--MONITORED').classes()).toContain('chip--on')
    expect(wrapper.find('.btn-publish').exists()).toBe(false)
    await wrapper.find('.btn-save-draft').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--reason').text()).toBe('已发布的政策修改时须说明原因')
    expect(posts().filter((r) => path(r).endsWith('/update'))).toHaveLength(0)
    await wrapper.find('.edit-reason').setValue('补充报销比例')
    await wrapper.find('.btn-save-draft').trigger('tap')
    await settle()
    const sent = body(posts().find((r) => path(r) === '/api/policies/5/update')!)
    expect(sent).toMatchObject({ version: 2, reason: '补充报销比例', attachmentIds: [], conditions: aPolicy().conditions })
    expect(fakeUni.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
  })
})

describe('政策管理', () => {
  it('lists the region’s policies by status', async () => {
    serveRoutes(county(), {
      'GET /api/policies': (req) => ok({ items: [aSummary({ status: (query(req).status as PolicySummary['status']) ?? 'PUBLISHED' })], total: 1 })(),
    })
    const wrapper = mount(ManagePage)
    await settle()
    expect(query(gets('/api/policies')[0]).status).toBe('PUBLISHED')
    expect(wrapper.find('.policy-status').text()).toBe('已发布')
    expect(wrapper.find('.row-matches').exists()).toBe(true)
    await wrapper.find('.status-tab--DRAFT').trigger('tap')
    await settle()
    expect(query(gets('/api/policies')[1]).status).toBe('DRAFT')
    expect(wrapper.find('.policy-status').text()).toBe('草稿')
    expect(wrapper.find('.row-matches').exists()).toBe(false)
    await wrapper.find('.row-edit').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/policies/edit?id=5' })
  })
})

describe('政策找人', () => {
  const match = (id: number, over: Partial<PolicyMatch> = {}): PolicyMatch => ({
    householdId: id,
    householdNo: `41022510120100${id}`,
    headName: '韩*春',
    regionCode: VILLAGE,
    regionName: '任庄村',
    reason: '监测对象，家中有 62 岁老人',
    ...over,
  })
  const matchPage = (items: PolicyMatch[], nextAfter: number | null): PolicyMatchPage => ({
    policyId: 5,
    region: COUNTY,
    eligible: 3,
    receiving: 1,
    notReached: 2,
    items,
    nextAfter,
  })
  const regions = {
    [`GET /api/regions/${COUNTY}`]: ok({ code: COUNTY, name: '兰考县', level: 3 } satisfies Region),
    [`GET /api/regions/${COUNTY}/children`]: ok([{ code: '410225101000', name: '堌阳镇', level: 4, parentCode: COUNTY }] satisfies Region[]),
  }

  it('counts, pages with the cursor, filters, marks the progress, pushes and exports', async () => {
    page.query = { id: '5' }
    serveRoutes(county(), {
      ...regions,
      'GET /api/policies/5': ok(aPolicy()),
      'GET /api/policies/5/matches': (req) => {
        const q = query(req)
        if (q.after === '2') return ok(matchPage([match(3, { reach: 'RECEIVING' })], null))()
        return ok(matchPage([match(1), match(2, { reach: 'NOTIFIED' })], 2))()
      },
      'POST /api/policies/5/reach/1': (req) => ok({ policyId: 5, householdId: 1, status: body(req).status, updatedAt: at })(),
      'POST /api/policies/5/notify': ok({ eligible: 3, notified: 1, alreadyNotified: 1, withoutAccount: 1 }),
    })
    const wrapper = mount(MatchesPage)
    await settle()
    expect(wrapper.find('.count-eligible').text()).toBe('3')
    expect(wrapper.find('.count-receiving').text()).toBe('1')
    expect(wrapper.find('.count-not-reached').text()).toBe('2')
    expect(wrapper.findAll('.match')).toHaveLength(2)
    expect(wrapper.find('.match').text()).toContain('韩*春')
    expect(wrapper.find('.match-reason').text()).toBe('监测对象，家中有 62 岁老人')
    expect(wrapper.findAll('.match-reach').map((w) => w.text())).toEqual(['未通知', '已通知'])

    await wrapper.find('.btn-more').trigger('tap')
    await settle()
    expect(query(gets('/api/policies/5/matches')[1])).toEqual({ after: '2', limit: '20' })
    expect(wrapper.findAll('.match')).toHaveLength(3)
    expect(wrapper.findAll('.match')[2].find('.btn-mark-receiving').exists()).toBe(false)

    await wrapper.findAll('.match')[0].find('.btn-mark-receiving').trigger('tap')
    await settle()
    expect(body(posts().find((r) => path(r) === '/api/policies/5/reach/1')!)).toEqual({ status: 'RECEIVING' })
    expect(wrapper.findAll('.match-reach')[0].text()).toBe('已享受')
    expect(wrapper.findAll('.match')[0].find('.btn-mark-applied').exists()).toBe(false)

    await wrapper.find('.btn-notify').trigger('tap')
    await settle()
    const notify = posts().find((r) => path(r) === '/api/policies/5/notify')!
    expect(notify.header['Idempotency-Key']).toBeTruthy()
    expect(body(notify)).toEqual({})
    expect(wrapper.find('.notify-result').text()).toContain('本次通知 1 户')
    expect(wrapper.find('.notify-result').text()).toContain('未绑定小程序无法推送')

    await wrapper.find('.reach-filter--NOT_REACHED').trigger('tap')
    await settle()
    const last = gets('/api/policies/5/matches').pop()!
    expect(query(last)).toEqual({ reach: 'NOT_REACHED', limit: '20' })

    await wrapper.find('.match-region--410225101000').trigger('tap')
    await settle()
    expect(query(gets('/api/policies/5/matches').pop()!)).toEqual({ region: '410225101000', reach: 'NOT_REACHED', limit: '20' })

    await wrapper.find('.btn-export').trigger('tap')
    await settle()
    expect(downloadWorkbook).toHaveBeenCalledWith('/api/policies/5/matches/export', { region: '410225101000' }, '政策找人-困难群众医疗救助.xlsx')
  })

  it('does not offer the push to a cadre who did not publish the policy', async () => {
    page.query = { id: '5' }
    serveRoutes(meAs('TOWNSHIP_CADRE', '410225101000', 4), {
      'GET /api/regions/410225101000': ok({ code: '410225101000', name: '堌阳镇', level: 4 }),
      'GET /api/regions/410225101000/children': ok([]),
      'GET /api/policies/5': ok(aPolicy()),
      'GET /api/policies/5/matches': ok(matchPage([match(1)], null)),
    })
    const wrapper = mount(MatchesPage)
    await settle()
    expect(wrapper.findAll('.match')).toHaveLength(1)
    expect(wrapper.find('.btn-notify').exists()).toBe(false)
  })
})
