import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import OpenPage from '@/pages/cases/open.vue'
import DetailPage from '@/pages/cases/detail.vue'
import HouseholdPage from '@/pages/households/detail.vue'
import type { Case, Me } from '@/api/types'
import { ALREADY_OPEN, NO_HOUSEHOLD, newCaseBody, useCaseOpeningForm } from '@/composables/useCases'
import { setTokens } from '@/stores/session'
import { CASE_OPENING_SOURCE_OPTIONS, canOpenCases, canWithdrawCase, caseEventLabel, caseSourceLabel } from '@/utils/cases'
import { fakeUni, page, path, posts, problem, requests, serve, serveRoutes, settle, type FakeRequest } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const me = (role: Me['role'], over: Partial<Me> = {}): Me => ({
  id: 3,
  name: '李德福',
  role,
  level: 5,
  regionCode: '410225101201',
  regionPath: [],
  ...over,
})

const opened = (over: Partial<Case> = {}): Case => ({
  id: 91,
  source: 'VISIT',
  stage: 'VISIT',
  open: true,
  householdId: 42,
  regionCode: '410225101201',
  regionName: '任庄村',
  riskTypes: ['ILLNESS'],
  description: '走访得知户主务工受伤',
  createdAt: '2026-11-23T02:00:00Z',
  stageDue: '2026-11-30',
  overdue: false,
  version: 0,
  events: [
    { type: 'OPENED', stage: 'VISIT', actorRole: 'VILLAGE_CADRE', at: '2026-11-23T02:00:00Z' },
    { type: 'VISIT_ASSIGNED', stage: 'VISIT', at: '2026-11-23T02:00:01Z', due: '2026-11-30' },
  ],
  ...over,
})

beforeEach(() => {
  page.query = {}
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('opening a case: labels and rules', () => {
  it('names the cadre-opened step and the two ways of finding a risk', () => {
    expect(caseEventLabel('OPENED')).toBe('干部发起识别')
    expect(CASE_OPENING_SOURCE_OPTIONS.map((o) => [o.value, o.label])).toEqual([
      ['SCREENING', '排查发现'],
      ['VISIT', '走访发现'],
    ])
    expect(caseSourceLabel('SCREENING')).toBe('干部排查')
    expect(caseSourceLabel('VISIT')).toBe('走访发现')
  })

  it('lets county to village cadres open cases, nobody else', () => {
    for (const role of ['COUNTY_CADRE', 'TOWNSHIP_CADRE', 'VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE']) {
      expect(canOpenCases(role)).toBe(true)
    }
    for (const role of ['PROVINCE_CADRE', 'CITY_CADRE', 'ACCOUNT_MANAGER', 'FARMER', null]) expect(canOpenCases(role)).toBe(false)
  })

  it('never offers the farmer to withdraw a case a cadre opened', () => {
    expect(canWithdrawCase(opened(), 'FARMER')).toBe(false)
    expect(canWithdrawCase(opened({ source: 'SCREENING' }), 'FARMER')).toBe(false)
    expect(canWithdrawCase(opened({ source: 'FARMER_DECLARATION' }), 'FARMER')).toBe(true)
  })
})

describe('opening a case: the body', () => {
  it('builds NewCase with the risks in the usual order and a trimmed description', () => {
    const { body, errors } = newCaseBody({ source: 'VISIT', riskTypes: ['DISASTER', 'ILLNESS'], description: '  户主受伤 ' }, 42)
    expect(errors).toEqual({})
    expect(body).toEqual({ householdId: 42, source: 'VISIT', riskTypes: ['ILLNESS', 'DISASTER'], description: '户主受伤' })
  })

  it('asks for the source, a risk type and a description of at most 500 characters', () => {
    const empty = newCaseBody({ source: '', riskTypes: [], description: ' ' }, 42)
    expect(empty.body).toBeNull()
    expect(Object.keys(empty.errors).sort()).toEqual(['description', 'riskTypes', 'source'])
    const long = newCaseBody({ source: 'SCREENING', riskTypes: ['ILLNESS'], description: '长'.repeat(501) }, 42)
    expect(long.errors).toEqual({ description: '情况说明最长 500 个字' })
    expect(newCaseBody({ source: 'SCREENING', riskTypes: ['ILLNESS'], description: '说明' }, 0).errors).toEqual({ householdId: NO_HOUSEHOLD })
  })
})

describe('opening a case: sending', () => {
  const fill = (form: ReturnType<typeof useCaseOpeningForm>) =>
    Object.assign(form.fields, { source: 'SCREENING', riskTypes: ['ILLNESS'], description: '排查发现户主重病' })

  it('keeps the Idempotency-Key for the same content, renews it for new content and after success', async () => {
    const keys: string[] = []
    let calls = 0
    serve((req) => {
      keys.push(req.header['Idempotency-Key'])
      calls++
      if (calls <= 2) return 'network-error'
      if (calls === 3) return problem(500, '服务器错误', '服务暂不可用')
      return { statusCode: 201, data: opened() }
    })
    const done = vi.fn()
    const form = useCaseOpeningForm(() => 42, done)
    fill(form)
    expect(await form.submit()).toBeNull() // lost twice (with the automatic retry)
    expect(await form.submit()).toBeNull() // 500
    expect(form.error.value).toBe('服务暂不可用')
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
    form.fields.description = '排查发现户主重病，已住院'
    expect((await form.submit())?.id).toBe(91)
    expect(keys[3]).not.toBe(keys[0])
    expect(done).toHaveBeenCalledTimes(1)
    await form.submit()
    expect(keys[4]).not.toBe(keys[3])
    expect(requests.every((r) => path(r) === '/api/cases' && r.method === 'POST')).toBe(true)
  })

  it('does not ask the server without a household', async () => {
    const form = useCaseOpeningForm(() => 0, () => {})
    fill(form)
    await form.submit()
    expect(requests).toHaveLength(0)
    expect(form.error.value).toBe(NO_HOUSEHOLD)
  })
})

describe('open case page', () => {
  beforeEach(() => {
    page.query = { householdId: '42', name: encodeURIComponent('赵大山') }
  })

  async function fill(wrapper: ReturnType<typeof mount>) {
    await wrapper.findAll('.open-source').find((w) => w.text() === '走访发现')!.trigger('tap')
    await wrapper.findAll('.open-risk').find((w) => w.text() === '因病')!.trigger('tap')
    await wrapper.find('.open-description').setValue('走访得知户主务工受伤')
  }

  it('sends the household, the source, the risks and the description, then opens the case', async () => {
    let sent: FakeRequest | undefined
    serveRoutes(me('VILLAGE_CADRE'), {
      'POST /api/cases': (req) => {
        sent = req
        return { statusCode: 201, data: opened() }
      },
    })
    const wrapper = mount(OpenPage)
    await settle()
    expect(wrapper.find('.open-household').text()).toBe('赵大山户')
    await fill(wrapper)
    expect(wrapper.find('.open-source.chip--on').text()).toBe('走访发现')
    await wrapper.find('.btn-open-submit').trigger('tap')
    await settle()
    expect(sent?.data).toEqual({ householdId: 42, source: 'VISIT', riskTypes: ['ILLNESS'], description: '走访得知户主务工受伤' })
    expect(sent?.header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(fakeUni.redirectTo).toHaveBeenCalledWith({ url: '/pages/cases/detail?id=91' })
  })

  it('shows problems under their fields, before and from the server', async () => {
    serveRoutes(me('VILLAGE_CADRE'), {
      'POST /api/cases': () => problem(400, '请求有误', '请求有误', [{ field: 'openCase.body.description', message: '情况说明过短' }]),
    })
    const wrapper = mount(OpenPage)
    await settle()
    await wrapper.find('.btn-open-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--source').exists()).toBe(true)
    expect(wrapper.find('.field-error--riskTypes').text()).toBe('请至少选择一种风险类型')
    expect(wrapper.find('.field-error--description').exists()).toBe(true)
    expect(posts()).toHaveLength(0)

    await fill(wrapper)
    await wrapper.find('.btn-open-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--description').text()).toBe('情况说明过短')
    expect(wrapper.find('.field-error--source').exists()).toBe(false)
    expect(wrapper.find('.error-notice').exists()).toBe(false)
  })

  it('points to the open case of the household on 409', async () => {
    serveRoutes(me('TOWNSHIP_CADRE'), {
      'POST /api/cases': () => ({
        statusCode: 409,
        data: { type: 'https://dixian.org/problems/409', title: '冲突', status: 409, detail: 'open case', existing: '/api/cases/77' },
      }),
    })
    const wrapper = mount(OpenPage)
    await settle()
    await fill(wrapper)
    await wrapper.find('.btn-open-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(ALREADY_OPEN)
    expect(fakeUni.redirectTo).not.toHaveBeenCalled()
    await wrapper.find('.btn-existing').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/detail?id=77' })
  })

  it("shows the server's message for a 409 without an address", async () => {
    serveRoutes(me('VILLAGE_CADRE'), { 'POST /api/cases': () => problem(409, '冲突', '该户已销户') })
    const wrapper = mount(OpenPage)
    await settle()
    await fill(wrapper)
    await wrapper.find('.btn-open-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe('该户已销户')
    expect(wrapper.find('.btn-existing').exists()).toBe(false)
  })

  it('refuses roles that cannot open cases', async () => {
    serveRoutes(me('FARMER', { householdId: 42 }), {})
    const wrapper = mount(OpenPage)
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe('只有县、乡、村干部可以发起识别')
    expect(wrapper.find('.btn-open-submit').attributes('disabled')).toBeDefined()
  })
})

describe('a case a cadre opened, seen by the farmer', () => {
  it('shows 干部发起识别 and no withdrawal', async () => {
    page.query = { id: '91' }
    serveRoutes(me('FARMER', { name: '赵大山', householdId: 42 }), { 'GET /api/cases/91': () => ({ statusCode: 200, data: opened() }) })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.case-stage').text()).toBe('待入户核实')
    expect(wrapper.find('.case-open').text()).toBe('办理中 · 走访发现')
    expect(wrapper.findAll('.step')[0].text()).toContain('干部发起识别')
    expect(wrapper.text()).not.toContain('申报内容')
    expect(wrapper.find('.btn-withdraw').exists()).toBe(false)
  })
})

describe('household detail page: 发起识别', () => {
  const household = {
    id: 42,
    householdNo: '410225101201000001',
    regionCode: '410225101201',
    regionName: '任庄村',
    category: 'LIFTED',
    riskTypes: [],
    riskEliminated: false,
    members: [{ id: 5, name: '赵大山', idNumber: '410225********5170', gender: 'MALE', relation: 'HEAD' }],
    incomes: [],
    version: 0,
  }

  function render(role: Me['role']) {
    page.query = { id: '42' }
    serveRoutes(me(role), {
      'GET /api/households/42': () => ({ statusCode: 200, data: household }),
      'GET /api/households/42/timeline': () => ({ statusCode: 200, data: [] }),
      'GET /api/households/42/viewers': () => ({ statusCode: 200, data: [] }),
      'GET /api/households/42/helpers': () => ({ statusCode: 200, data: [] }),
    })
    return mount(HouseholdPage)
  }

  it('offers registry editors to open a case for the household', async () => {
    const wrapper = render('VILLAGE_CADRE')
    await settle()
    await wrapper.find('.btn-open-case').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: `/pages/cases/open?householdId=42&name=${encodeURIComponent('赵大山')}` })
  })

  it('hides the button from roles that do not edit the registry', async () => {
    const wrapper = render('CITY_CADRE')
    await settle()
    expect(wrapper.find('.banner').exists()).toBe(true)
    expect(wrapper.find('.btn-open-case').exists()).toBe(false)
  })
})
