import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import DeclarePage from '@/pages/cases/declare.vue'
import DetailPage from '@/pages/cases/detail.vue'
import MinePage from '@/pages/cases/mine.vue'
import CasesPage from '@/pages/cases/index.vue'
import HomePage from '@/pages/home/index.vue'
import type { Case, Me } from '@/api/types'
import {
  ALREADY_DECLARED,
  CANNOT_WITHDRAW,
  NEED_VILLAGE_CODE,
  newDeclarationBody,
  useDeclarationForm,
  type DeclarationFields,
} from '@/composables/useCases'
import { setTokens } from '@/stores/session'
import {
  canListCases,
  canWithdrawCase,
  caseDueText,
  caseEventLabel,
  caseIdFromAddress,
  caseSourceLabel,
  caseStageLabel,
  describeCaseEvent,
  isCaseOverdue,
} from '@/utils/cases'
import { fakeUni, page, path, problem, requests, serve, serveRoutes, settle, type FakeRequest } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

function login() {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
}

const farmer = (over: Partial<Me> = {}): Me => ({
  id: 9,
  name: '赵大山',
  role: 'FARMER',
  level: 5,
  regionCode: '410225101201',
  householdId: 42,
  regionPath: [],
  ...over,
})

const cadre = (): Me => ({ id: 3, name: '李德福', role: 'VILLAGE_CADRE', level: 5, regionCode: '410225101201', regionPath: [] })

const aCase = (over: Partial<Case> = {}): Case => ({
  id: 77,
  source: 'FARMER_DECLARATION',
  stage: 'VISIT',
  open: true,
  householdId: 42,
  regionCode: '410225101201',
  regionName: '任庄村',
  applicantName: '赵大山',
  riskTypes: ['ILLNESS', 'DISASTER'],
  description: '老人住院，自付医疗费较多',
  medicalExpense: 12000,
  incomeLoss: null,
  disasterLoss: 3500.5,
  contactPhone: '138****5678',
  createdAt: '2026-11-23T02:00:00Z',
  stageDue: '2026-11-30',
  overdue: false,
  version: 0,
  events: [
    { type: 'DECLARED', stage: 'VISIT', actorRole: 'FARMER', at: '2026-11-23T02:00:00Z' },
    { type: 'VISIT_ASSIGNED', stage: 'VISIT', at: '2026-11-23T02:00:01Z', due: '2026-11-30' },
  ],
  ...over,
})

const filled = (over: Partial<DeclarationFields> = {}): DeclarationFields => ({
  riskTypes: ['ILLNESS'],
  description: '老人住院',
  medicalExpense: '',
  incomeLoss: '',
  disasterLoss: '',
  contactPhone: '13812345678',
  consent: true,
  applicantName: '',
  ...over,
})

beforeEach(() => {
  page.query = {}
})

describe('case labels', () => {
  it('names stages, sources and steps in plain Chinese', () => {
    expect(caseStageLabel('VISIT')).toBe('待入户核实')
    expect(caseStageLabel('WITHDRAWN')).toBe('已撤回')
    expect(caseStageLabel('COUNTY_APPROVAL')).toBe('待县审定')
    expect(caseSourceLabel('FARMER_DECLARATION')).toBe('农户自主申报')
    expect(caseEventLabel('DECLARED')).toBe('农户申报')
    expect(caseEventLabel('VISIT_ASSIGNED')).toBe('派发入户核实任务')
    expect(caseEventLabel('VISITED')).toBe('完成入户核实')
    expect(caseEventLabel('WITHDRAWN')).toBe('农户撤回申报')
    expect(caseEventLabel('SOMETHING_NEW')).toBe('办理记录')
  })

  it('describes a step with time in Beijing, role, stage, due date and reason', () => {
    const step = describeCaseEvent({
      type: 'WITHDRAWN',
      stage: 'WITHDRAWN',
      actorRole: 'FARMER',
      at: '2026-11-23T02:00:00Z',
      reason: ' 困难已解决 ',
    })
    expect(step).toEqual({
      title: '农户撤回申报',
      when: '2026-11-23 10:00',
      who: '农户',
      stage: '已撤回',
      reason: '困难已解决',
      reasonLabel: '原因',
      due: '',
      decision: '',
      decisionCode: '',
      attachments: [],
      place: '',
    })
    expect(describeCaseEvent({ type: 'VISIT_ASSIGNED', at: '2026-11-23T02:00:00Z', due: '2026-11-30' }).who).toBe('系统')
  })

  it('marks an open case past its due date as overdue, never a closed one', () => {
    expect(caseDueText(aCase(), '2026-11-24')).toBe('办理时限 2026-11-30')
    expect(caseDueText(aCase({ overdue: true }), '2026-12-01')).toBe('办理时限 2026-11-30（已超时）')
    expect(isCaseOverdue(aCase({ overdue: undefined }), '2026-12-01')).toBe(true)
    expect(isCaseOverdue(aCase({ overdue: undefined }), '2026-11-30')).toBe(false)
    expect(isCaseOverdue(aCase({ open: false, overdue: true }))).toBe(false)
    expect(caseDueText(aCase({ open: false, stage: 'WITHDRAWN' }))).toBe('')
  })

  it('lets only the farmer withdraw, and only while the home visit is pending', () => {
    expect(canWithdrawCase(aCase(), 'FARMER')).toBe(true)
    expect(canWithdrawCase(aCase(), 'VILLAGE_CADRE')).toBe(false)
    expect(canWithdrawCase(aCase({ stage: 'VILLAGE_REVIEW' }), 'FARMER')).toBe(false)
    expect(canWithdrawCase(aCase({ stage: 'WITHDRAWN', open: false }), 'FARMER')).toBe(false)
  })

  it('reads the open declaration from the problem and knows who lists cases', () => {
    expect(caseIdFromAddress('/api/cases/42')).toBe(42)
    expect(caseIdFromAddress('/api/households/42')).toBeNull()
    expect(caseIdFromAddress(undefined)).toBeNull()
    expect(canListCases('VILLAGE_CADRE')).toBe(true)
    expect(canListCases('COUNTY_CADRE')).toBe(true)
    expect(canListCases('PROVINCE_CADRE')).toBe(false)
    expect(canListCases('FARMER')).toBe(false)
  })
})

describe('declaration form checks', () => {
  it('builds the body of a bound farmer without village or name', () => {
    const { body, errors } = newDeclarationBody(
      filled({ riskTypes: ['DISASTER', 'ILLNESS'], medicalExpense: '1200.5', disasterLoss: '0', applicantName: '某人' }),
      { bound: true, villageCode: '410225101201' },
    )
    expect(errors).toEqual({})
    expect(body).toEqual({
      riskTypes: ['ILLNESS', 'DISASTER'],
      description: '老人住院',
      contactPhone: '13812345678',
      consent: true,
      medicalExpense: 1200.5,
      disasterLoss: 0,
    })
  })

  it('asks for risk types, description, an 11-digit phone and consent', () => {
    const { body, errors } = newDeclarationBody(
      filled({ riskTypes: [], description: '  ', contactPhone: '1381234567', consent: false }),
      { bound: true },
    )
    expect(body).toBeNull()
    expect(Object.keys(errors).sort()).toEqual(['consent', 'contactPhone', 'description', 'riskTypes'])
    expect(errors.contactPhone).toBe('请填写 11 位手机号')
    expect(newDeclarationBody(filled({ contactPhone: '' }), { bound: true }).errors.contactPhone).toContain('请填写联系电话')
  })

  it('refuses negative or malformed amounts', () => {
    const { errors } = newDeclarationBody(filled({ medicalExpense: '-5', incomeLoss: 'abc', disasterLoss: '20000000' }), { bound: true })
    expect(errors.medicalExpense).toBeTruthy()
    expect(errors.incomeLoss).toBeTruthy()
    expect(errors.disasterLoss).toBe('金额不能超过 1000 万元')
  })

  it('needs the village code and the applicant name from an unbound farmer', () => {
    const missing = newDeclarationBody(filled(), { bound: false, villageCode: '' })
    expect(missing.errors).toEqual({ villageCode: NEED_VILLAGE_CODE, applicantName: '请填写申报人姓名' })
    const ok = newDeclarationBody(filled({ applicantName: ' 钱小花 ' }), { bound: false, villageCode: '410225101201' })
    expect(ok.body).toMatchObject({ villageCode: '410225101201', applicantName: '钱小花' })
  })
})

describe('declaration form: sending', () => {
  beforeEach(login)

  it('reuses the Idempotency-Key for the same content and renews it after success', async () => {
    const keys: string[] = []
    let calls = 0
    serve((req) => {
      keys.push(req.header['Idempotency-Key'])
      calls++
      if (calls === 1) return 'network-error'
      if (calls === 2) return 'network-error'
      return { statusCode: 201, data: aCase() }
    })
    const declared = vi.fn()
    const form = useDeclarationForm(() => ({ bound: true }), declared)
    Object.assign(form.fields, filled())
    // The first try and its automatic retry both get lost: same key.
    expect(await form.submit()).toBeNull()
    expect(form.error.value).toBe('网络异常，请稍后再试')
    // The farmer taps again with the same content: still the same key.
    expect((await form.submit())?.id).toBe(77)
    expect(new Set(keys).size).toBe(1)
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(declared).toHaveBeenCalledTimes(1)

    // A new declaration after success gets a new key.
    await form.submit()
    expect(keys[3]).not.toBe(keys[0])
  })

  it('takes a new key when the content changes', async () => {
    const keys: string[] = []
    serve((req) => {
      keys.push(req.header['Idempotency-Key'])
      return problem(400, '请求有误', '请求有误', [{ field: 'body.description', message: '情况说明过短' }])
    })
    const form = useDeclarationForm(() => ({ bound: true }), () => {})
    Object.assign(form.fields, filled())
    await form.submit()
    expect(form.errors.value.description).toBe('情况说明过短')
    expect(form.error.value).toBe('')
    await form.submit()
    form.fields.description = '老人住院，已花费一万余元'
    await form.submit()
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[1])
  })

  it('does not ask the server when the form has problems', async () => {
    const form = useDeclarationForm(() => ({ bound: true }), () => {})
    Object.assign(form.fields, filled({ consent: false }))
    await form.submit()
    expect(requests).toHaveLength(0)
    expect(form.errors.value.consent).toBe('请阅读并勾选同意后再提交')
  })
})

describe('declare page', () => {
  beforeEach(login)

  async function fill(wrapper: ReturnType<typeof mount>) {
    await wrapper.findAll('.declare-risk').find((w) => w.text() === '因病')!.trigger('tap')
    await wrapper.find('.declare-description').setValue('老人住院，自付医疗费较多')
    await wrapper.find('.declare-medical').setValue('12000')
    await wrapper.find('.declare-phone').setValue('13812345678')
    await wrapper.find('.declare-consent').trigger('tap')
  }

  it('sends the declaration and opens the new case', async () => {
    let sent: FakeRequest | undefined
    serveRoutes(farmer(), {
      'POST /api/cases/declarations': (req) => {
        sent = req
        return { statusCode: 201, data: aCase({ id: 81 }) }
      },
    })
    const wrapper = mount(DeclarePage)
    await settle()
    expect(wrapper.text()).toContain('同意村干部入户核实，并将所填信息用于防止返贫监测帮扶')
    expect(wrapper.find('.declare-name').exists()).toBe(false)
    await fill(wrapper)
    await wrapper.find('.btn-declare').trigger('tap')
    await settle()
    expect(sent?.data).toEqual({
      riskTypes: ['ILLNESS'],
      description: '老人住院，自付医疗费较多',
      contactPhone: '13812345678',
      consent: true,
      medicalExpense: 12000,
    })
    expect(sent?.header['Idempotency-Key']).toBeTruthy()
    expect(fakeUni.redirectTo).toHaveBeenCalledWith({ url: '/pages/cases/detail?id=81' })
  })

  it('shows field errors under their fields', async () => {
    serveRoutes(farmer(), {
      'POST /api/cases/declarations': () =>
        problem(400, '请求有误', '请求有误', [{ field: 'declare.body.contactPhone', message: '手机号格式不正确' }]),
    })
    const wrapper = mount(DeclarePage)
    await settle()
    await wrapper.find('.btn-declare').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--riskTypes').text()).toBe('请至少选择一种风险类型')
    expect(wrapper.find('.field-error--consent').exists()).toBe(true)
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await fill(wrapper)
    await wrapper.find('.btn-declare').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--contactPhone').text()).toBe('手机号格式不正确')
    expect(wrapper.find('.error-notice').exists()).toBe(false)
  })

  it('points to the open declaration on 409', async () => {
    serveRoutes(farmer(), {
      'POST /api/cases/declarations': () => ({
        statusCode: 409,
        data: { type: 'https://dixian.org/problems/409', title: '冲突', status: 409, detail: 'open declaration', existing: '/api/cases/42' },
      }),
    })
    const wrapper = mount(DeclarePage)
    await settle()
    await fill(wrapper)
    await wrapper.find('.btn-declare').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(ALREADY_DECLARED)
    expect(fakeUni.redirectTo).not.toHaveBeenCalled()
    await wrapper.find('.btn-existing').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/detail?id=42' })
  })

  it("shows the server's message for a 409 without an address", async () => {
    serveRoutes(farmer(), {
      'POST /api/cases/declarations': () => problem(409, '冲突', '申报暂不可用'),
    })
    const wrapper = mount(DeclarePage)
    await settle()
    await fill(wrapper)
    await wrapper.find('.btn-declare').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe('申报暂不可用')
    expect(wrapper.find('.btn-existing').exists()).toBe(false)
  })

  it('asks an unbound farmer for the name and sends the scanned village', async () => {
    let sent: FakeRequest | undefined
    page.query = { village: '410225101201', name: encodeURIComponent('任庄村') }
    serveRoutes(farmer({ householdId: null }), {
      'POST /api/cases/declarations': (req) => {
        sent = req
        return { statusCode: 201, data: aCase({ id: 5, householdId: null }) }
      },
    })
    const wrapper = mount(DeclarePage)
    await settle()
    expect(wrapper.find('.declare-village').text()).toBe('任庄村')
    await fill(wrapper)
    await wrapper.find('.declare-name').setValue('钱小花')
    await wrapper.find('.btn-declare').trigger('tap')
    await settle()
    expect(sent?.data).toMatchObject({ villageCode: '410225101201', applicantName: '钱小花' })
  })

  it('tells an unbound farmer without a village code to scan one first', async () => {
    serveRoutes(farmer({ householdId: null }), {})
    const wrapper = mount(DeclarePage)
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(NEED_VILLAGE_CODE)
    expect(wrapper.find('.btn-declare').attributes('disabled')).toBeDefined()
  })
})

describe('case detail page', () => {
  beforeEach(() => {
    login()
    page.query = { id: '77' }
  })

  it('shows the status, what was declared and every step', async () => {
    serveRoutes(farmer(), { 'GET /api/cases/77': () => ({ statusCode: 200, data: aCase({ overdue: true }) }) })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.case-stage').text()).toBe('待入户核实')
    expect(wrapper.find('.case-open').text()).toBe('办理中 · 农户自主申报')
    expect(wrapper.find('.case-due').text()).toBe('办理时限 2026-11-30（已超时）')
    expect(wrapper.find('.case-risks').text()).toBe('因病、因灾')
    expect(wrapper.findAll('.case-amount').map((w) => w.text())).toEqual(['医疗自付费用12,000.00 元', '灾害损失3,500.50 元'])
    expect(wrapper.find('.case-phone').text()).toBe('138****5678')
    const steps = wrapper.findAll('.step').map((w) => w.text())
    expect(steps[0]).toContain('农户申报')
    expect(steps[0]).toContain('2026-11-23 10:00')
    expect(steps[0]).toContain('农户')
    expect(steps[1]).toContain('派发入户核实任务')
    expect(steps[1]).toContain('时限 2026-11-30')
  })

  it('withdraws with a reason while the home visit is pending, then reloads', async () => {
    let current = aCase()
    let sent: FakeRequest | undefined
    serveRoutes(farmer(), {
      'GET /api/cases/77': () => ({ statusCode: 200, data: current }),
      'POST /api/cases/77/withdraw': (req) => {
        sent = req
        current = aCase({
          stage: 'WITHDRAWN',
          open: false,
          stageDue: null,
          events: [...aCase().events, { type: 'WITHDRAWN', stage: 'WITHDRAWN', actorRole: 'FARMER', at: '2026-11-23T03:00:00Z', reason: '困难已解决' }],
        })
        return { statusCode: 200, data: current }
      },
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-withdraw').trigger('tap')
    await wrapper.find('.btn-confirm-withdraw').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--reason').text()).toBe('请填写撤回原因')
    expect(sent).toBeUndefined()

    await wrapper.find('.withdraw-reason').setValue('困难已解决')
    await wrapper.find('.btn-confirm-withdraw').trigger('tap')
    await settle()
    expect(sent?.data).toEqual({ reason: '困难已解决' })
    expect(requests.filter((r) => path(r) === '/api/cases/77' && r.method === 'GET')).toHaveLength(2)
    expect(wrapper.find('.case-stage').text()).toBe('已撤回')
    expect(wrapper.find('.case-open').text()).toContain('已办结')
    expect(wrapper.find('.case-due').exists()).toBe(false)
    expect(wrapper.find('.btn-withdraw').exists()).toBe(false)
    expect(wrapper.findAll('.step').slice(-1)[0].text()).toContain('原因：困难已解决')
  })

  it('says so when the case moved on meanwhile (409) and shows it as it is now', async () => {
    let current = aCase()
    serveRoutes(farmer(), {
      'GET /api/cases/77': () => ({ statusCode: 200, data: current }),
      'POST /api/cases/77/withdraw': () => {
        current = aCase({ stage: 'VILLAGE_REVIEW' })
        return problem(409, '冲突', '已入户核实')
      },
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-withdraw').trigger('tap')
    await wrapper.find('.withdraw-reason').setValue('不需要了')
    await wrapper.find('.btn-confirm-withdraw').trigger('tap')
    await settle()
    expect(wrapper.find('.case-stage').text()).toBe('待村评议')
    expect(wrapper.find('.btn-withdraw').exists()).toBe(false)
    expect(wrapper.find('.error-notice').text()).toBe(CANNOT_WITHDRAW)
  })

  it('offers no withdrawal after the home visit, nor to cadres', async () => {
    serveRoutes(farmer(), { 'GET /api/cases/77': () => ({ statusCode: 200, data: aCase({ stage: 'TOWNSHIP_REVIEW' }) }) })
    const later = mount(DetailPage)
    await settle()
    expect(later.find('.case-stage').text()).toBe('待乡审核')
    expect(later.find('.btn-withdraw').exists()).toBe(false)
    later.unmount()

    const { clearSession } = await import('@/stores/session')
    clearSession()
    login()
    serveRoutes(cadre(), { 'GET /api/cases/77': () => ({ statusCode: 200, data: aCase() }) })
    const forCadre = mount(DetailPage)
    await settle()
    expect(forCadre.find('.case-stage').text()).toBe('待入户核实')
    expect(forCadre.find('.btn-withdraw').exists()).toBe(false)
  })
})

describe('case lists', () => {
  beforeEach(login)

  it("lists the farmer's declarations with their stages and opens one", async () => {
    serveRoutes(farmer(), {
      'GET /api/me/cases': () => ({
        statusCode: 200,
        data: [aCase({ id: 2 }), aCase({ id: 1, stage: 'WITHDRAWN', open: false, riskTypes: ['HOUSING'], stageDue: null })],
      }),
    })
    const wrapper = mount(MinePage)
    await settle()
    const rows = wrapper.findAll('.case')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('.case__title').text()).toBe('因病、因灾')
    expect(rows[0].find('.case__stage').text()).toBe('待入户核实')
    expect(rows[1].find('.case__stage').text()).toBe('已撤回')
    expect(rows[1].classes()).toContain('case--closed')
    expect(rows[1].find('.case__due').exists()).toBe(false)
    await rows[1].trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/detail?id=1' })
  })

  it('says so when the farmer has not declared yet', async () => {
    serveRoutes(farmer(), { 'GET /api/me/cases': () => ({ statusCode: 200, data: [] }) })
    const wrapper = mount(MinePage)
    await settle()
    expect(wrapper.find('.cases__empty').text()).toBe('还没有申报记录')
  })

  it("lists the cadre's open cases with village, risks and due date, overdue ones highlighted", async () => {
    let query = ''
    serveRoutes(cadre(), {
      'GET /api/cases': (req) => {
        query = req.url.split('?')[1] ?? ''
        return {
          statusCode: 200,
          data: {
            items: [
              aCase({ id: 3, overdue: true, stageDue: '2026-11-20' }),
              aCase({ id: 4, regionName: '张庄村', applicantName: '钱小花', riskTypes: ['WATER'] }),
            ],
            nextAfter: null,
          },
        }
      },
    })
    const wrapper = mount(CasesPage)
    await settle()
    expect(query).toContain('open=true')
    const rows = wrapper.findAll('.case')
    expect(rows.map((r) => r.find('.case__title').text())).toEqual(['任庄村', '张庄村'])
    expect(rows[1].find('.case__risks').text()).toBe('饮水安全问题 · 钱小花')
    expect(rows[0].classes()).toContain('case--overdue')
    expect(rows[0].find('.case__due').text()).toBe('办理时限 2026-11-20（已超时）')
    expect(rows[1].classes()).not.toContain('case--overdue')
    expect(wrapper.find('.btn-more').exists()).toBe(false)
    await rows[0].trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/detail?id=3' })
  })
})

describe('home page entries', () => {
  beforeEach(login)

  it('offers 申报风险 and 我的申报 in the farmer window', async () => {
    serve((req) => {
      const p = path(req)
      if (p === '/api/me') return { statusCode: 200, data: farmer() }
      if (p === '/api/households/42/helpers') return { statusCode: 200, data: [] }
      if (p === '/api/households/42/timeline' || p === '/api/households/42/viewers') return { statusCode: 200, data: [] }
      return problem(404, '未找到')
    })
    const wrapper = mount(HomePage)
    await settle()
    expect(wrapper.find('.link-cases').exists()).toBe(false)
    await wrapper.find('.link-declare').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/declare' })
    await wrapper.find('.link-my-cases').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/mine' })
  })

  it('offers 我的申报 to an unbound farmer too', async () => {
    serve((req) => (path(req) === '/api/me' ? { statusCode: 200, data: farmer({ householdId: null }) } : problem(404, '未找到')))
    const wrapper = mount(HomePage)
    await settle()
    expect(wrapper.find('.link-declare').exists()).toBe(false)
    expect(wrapper.find('.link-my-cases').exists()).toBe(true)
  })
})
