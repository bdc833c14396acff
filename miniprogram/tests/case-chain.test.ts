import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import DetailPage from '@/pages/cases/detail.vue'
import DecisionPage from '@/pages/cases/decision.vue'
import ObjectionsPage from '@/pages/cases/objections.vue'
import VillageReviewPage from '@/pages/cases/village-review.vue'
import type { Case, CaseEvent, Me, Objection } from '@/api/types'
import {
  ANSWER_TAKEN,
  CASE_TAKEN,
  NEED_MONITORING_TYPE,
  NEED_REASON,
  decisionStageFromParam,
  newStageDecisionBody,
  newVillageReviewBody,
  type StageDecisionFields,
  type VillageReviewFields,
} from '@/composables/useCaseChain'
import { setTokens } from '@/stores/session'
import {
  canCountyApprove,
  canHandleNotice,
  canRecordVillageReview,
  canTownshipReview,
  caseDecisionLabel,
  caseEventLabel,
  caseOutcome,
  describeCaseEvent,
  noticeReadiness,
  regionCovers,
} from '@/utils/cases'
import { todayInBeijing } from '@/utils/household'
import { fakeUni, page, path, posts, problem, requests, serveRoutes, settle } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const VILLAGE = '410225101201'

const me = (role: Me['role'], regionCode = VILLAGE, over: Partial<Me> = {}): Me => ({
  id: 3,
  name: '李德福',
  role,
  level: 5,
  regionCode,
  regionPath: [],
  ...over,
})
const villageCadre = () => me('VILLAGE_CADRE')
const township = (code = '410225101000') => me('TOWNSHIP_CADRE', code, { name: '王秀兰', level: 4 })
const county = (code = '410225000000') => me('COUNTY_CADRE', code, { name: '郑晓明', level: 3 })
const farmer = () => me('FARMER', VILLAGE, { name: '赵大山', householdId: 42 })

const at = '2026-11-23T02:00:00Z'

const aCase = (over: Partial<Case> = {}): Case => ({
  id: 91,
  source: 'FARMER_DECLARATION',
  stage: 'VILLAGE_REVIEW',
  open: true,
  householdId: 42,
  regionCode: VILLAGE,
  regionName: '任庄村',
  applicantName: '赵大山',
  riskTypes: ['ILLNESS'],
  description: '老人住院，自付医疗费较多',
  createdAt: at,
  stageDue: '2026-11-30',
  version: 5,
  openObjections: 0,
  events: [{ type: 'DECLARED', stage: 'VISIT', actorRole: 'FARMER', at }],
  ...over,
})

beforeEach(async () => {
  page.query = { id: '91' }
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('who acts at each stage', () => {
  it('lets the village roles of the case village record the review and handle the notice', () => {
    for (const role of ['VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE'] as const) {
      expect(canRecordVillageReview(aCase(), me(role))).toBe(true)
      expect(canHandleNotice(aCase({ stage: 'PUBLIC_NOTICE' }), me(role))).toBe(true)
    }
    expect(canRecordVillageReview(aCase(), me('VILLAGE_CADRE', '410225101202'))).toBe(false)
    expect(canRecordVillageReview(aCase({ stage: 'PUBLIC_NOTICE' }), villageCadre())).toBe(false)
    expect(canRecordVillageReview(aCase(), township())).toBe(false)
    expect(canHandleNotice(aCase({ stage: 'PUBLIC_NOTICE', open: false }), villageCadre())).toBe(false)
    expect(canHandleNotice(aCase({ stage: 'PUBLIC_NOTICE' }), farmer())).toBe(false)
  })

  it('lets the township cadre of the township review, and the county cadre of the county approve', () => {
    expect(canTownshipReview(aCase({ stage: 'TOWNSHIP_REVIEW' }), township())).toBe(true)
    expect(canTownshipReview(aCase({ stage: 'TOWNSHIP_REVIEW' }), township('410225102000'))).toBe(false)
    expect(canTownshipReview(aCase({ stage: 'COUNTY_APPROVAL' }), township())).toBe(false)
    expect(canTownshipReview(aCase({ stage: 'TOWNSHIP_REVIEW' }), county())).toBe(false)
    expect(canCountyApprove(aCase({ stage: 'COUNTY_APPROVAL' }), county())).toBe(true)
    expect(canCountyApprove(aCase({ stage: 'COUNTY_APPROVAL' }), county('410226000000'))).toBe(false)
    expect(canCountyApprove(aCase({ stage: 'COUNTY_APPROVAL' }), township())).toBe(false)
    expect(canCountyApprove(aCase({ stage: 'TOWNSHIP_REVIEW' }), county())).toBe(false)
  })

  it('compares region codes by the significant digits of the ancestor', () => {
    expect(regionCovers('410225101000', '410225101201')).toBe(true)
    expect(regionCovers('410225000000', '410225101201')).toBe(true)
    expect(regionCovers('410000000000', '410225101201')).toBe(true)
    expect(regionCovers('410225101201', '410225101201')).toBe(true)
    expect(regionCovers('410225102000', '410225101201')).toBe(false)
    expect(regionCovers(null, '410225101201')).toBe(false)
  })
})

describe('closing the public notice', () => {
  it('is ready from the day the notice ends, with every objection answered, and says why not', () => {
    expect(noticeReadiness({ noticeEnds: '2026-11-30', openObjections: 0 }, '2026-11-30')).toEqual({ ready: true, reason: '' })
    expect(noticeReadiness({ noticeEnds: '2026-11-30', openObjections: 0 }, '2026-12-02').ready).toBe(true)
    const early = noticeReadiness({ noticeEnds: '2026-11-30', openObjections: 0 }, '2026-11-29')
    expect(early.ready).toBe(false)
    expect(early.reason).toContain('公示期至 2026-11-30')
    const objected = noticeReadiness({ noticeEnds: '2026-11-30', openObjections: 2 }, '2026-12-01')
    expect(objected).toEqual({ ready: false, reason: '还有 2 条异议未答复，全部答复后才能提交乡镇审核' })
    expect(noticeReadiness({ noticeEnds: null }, '2026-12-01').ready).toBe(true)
  })
})

describe('steps and outcome in plain Chinese', () => {
  const event = (over: Partial<CaseEvent>): CaseEvent => ({ type: 'VILLAGE_REVIEWED', at, actorRole: 'VILLAGE_CADRE', ...over })

  it('names the new steps and what each decision means there', () => {
    expect(caseEventLabel('VILLAGE_REVIEWED')).toBe('村民主评议')
    expect(caseEventLabel('NOTICE_PUBLISHED')).toBe('村内公示')
    expect(caseEventLabel('OBJECTION_FILED')).toBe('收到公示异议')
    expect(caseEventLabel('OBJECTION_ANSWERED')).toBe('答复公示异议')
    expect(caseEventLabel('NOTICE_CLOSED')).toBe('公示期满，报乡镇审核')
    expect(caseEventLabel('TOWNSHIP_REVIEWED')).toBe('乡镇审核')
    expect(caseEventLabel('COUNTY_APPROVED')).toBe('县级审定')
    expect(caseEventLabel('OVERDUE')).toBe('超时提醒')
    expect(caseDecisionLabel('RETURN', 'VILLAGE_REVIEWED')).toBe('退回重新入户核实')
    expect(caseDecisionLabel('RETURN', 'TOWNSHIP_REVIEWED')).toBe('退回村里重新评议')
    expect(caseDecisionLabel('PASS', 'COUNTY_APPROVED')).toBe('通过，认定为监测对象')
    expect(caseDecisionLabel('REJECT', undefined)).toBe('不通过')
    expect(caseDecisionLabel(undefined)).toBe('')
  })

  it('describes a decision with its reason, position and photos', () => {
    const step = describeCaseEvent(event({ decision: 'REJECT', reason: ' 收入高于监测范围 ', latitude: 34.82, longitude: 114.8, attachments: [4, 5] }))
    expect(step).toMatchObject({
      title: '村民主评议',
      decision: '不通过',
      decisionCode: 'REJECT',
      reason: '收入高于监测范围',
      reasonLabel: '理由',
      place: '定位 34.820000, 114.800000',
      attachments: [4, 5],
    })
    expect(describeCaseEvent(event({ decision: 'PASS', reason: '同意' })).reasonLabel).toBe('意见')
    expect(describeCaseEvent(event({ type: 'OBJECTION_FILED', reason: '他家有车' })).reasonLabel).toBe('异议内容')
    expect(describeCaseEvent({ type: 'OBJECTION_FILED', at }).who).toBe('公众')
    expect(describeCaseEvent(event({ type: 'OBJECTION_ANSWERED', reason: '车已卖' })).reasonLabel).toBe('答复')
  })

  it('tells the farmer the outcome: approved, not approved with the reason, returned, withdrawn, or in progress', () => {
    expect(caseOutcome(aCase({ stage: 'APPROVED', open: false }))).toMatchObject({ kind: 'approved', title: '已认定为监测对象' })
    const rejected = caseOutcome(
      aCase({ stage: 'REJECTED', open: false, events: [event({ type: 'TOWNSHIP_REVIEWED', decision: 'REJECT', reason: '家庭收入高于监测范围' })] }),
    )
    expect(rejected.kind).toBe('rejected')
    expect(rejected.title).toBe('未认定为监测对象')
    expect(rejected.detail).toBe('乡镇审核未通过。理由：家庭收入高于监测范围')
    const returned = caseOutcome(aCase({ stage: 'VISIT', events: [event({ decision: 'RETURN', reason: '收入情况需重新核实' })] }))
    expect(returned).toEqual({ kind: 'returned', title: '退回重新核实', detail: '村民主评议退回，村干部将重新入户核实。理由：收入情况需重新核实' })
    // A return followed by a pass is no longer a return.
    const passedLater = caseOutcome(
      aCase({ stage: 'PUBLIC_NOTICE', events: [event({ decision: 'RETURN' }), event({ decision: 'PASS' })] }),
    )
    expect(passedLater).toMatchObject({ kind: 'pending', detail: '村民主评议已通过，正在村内公示' })
    expect(caseOutcome(aCase({ stage: 'WITHDRAWN', open: false })).kind).toBe('withdrawn')
  })
})

describe('village review form checks', () => {
  const today = '2026-11-23'
  const filled = (over: Partial<VillageReviewFields> = {}): VillageReviewFields => ({
    meetingDate: '2026-11-22',
    participants: '12',
    decision: 'PASS',
    opinion: ' 同意纳入监测 ',
    location: null,
    ...over,
  })

  it('builds the request with the version read, and the position when there is one', () => {
    expect(newVillageReviewBody(filled(), 5, today).body).toEqual({
      version: 5,
      meetingDate: '2026-11-22',
      participants: 12,
      decision: 'PASS',
      opinion: '同意纳入监测',
    })
    const located = newVillageReviewBody(filled({ location: { latitude: 34.8, longitude: 114.8, accuracy: 20 } }), 5, today).body
    expect(located).toMatchObject({ latitude: 34.8, longitude: 114.8 })
    expect(located).not.toHaveProperty('accuracy')
  })

  it('refuses a meeting after today, a bad count, no decision and no opinion', () => {
    expect(newVillageReviewBody(filled({ meetingDate: '2026-11-24' }), 5, today).errors.meetingDate).toBe('评议会议日期不能晚于今天')
    expect(newVillageReviewBody(filled({ meetingDate: '2026-11-23' }), 5, today).body).not.toBeNull()
    expect(newVillageReviewBody(filled({ participants: '0' }), 5, today).errors.participants).toBeTruthy()
    expect(newVillageReviewBody(filled({ participants: '2.5' }), 5, today).errors.participants).toBeTruthy()
    expect(newVillageReviewBody(filled({ participants: '' }), 5, today).errors.participants).toBe('请填写参会人数')
    expect(newVillageReviewBody(filled({ decision: '' }), 5, today).errors.decision).toBe('请选择评议结果')
    expect(newVillageReviewBody(filled({ opinion: ' ' }), 5, today).errors.opinion).toBe('请填写评议意见')
    expect(newVillageReviewBody(filled({ decision: 'RETURN', opinion: '' }), 5, today).errors.opinion).toBe('请写明不通过或退回的理由')
    expect(newVillageReviewBody(filled(), undefined, today).body).toBeNull()
  })
})

describe('township and county decision checks', () => {
  const fields = (over: Partial<StageDecisionFields> = {}): StageDecisionFields => ({ decision: 'PASS', reason: '', monitoringType: '', ...over })

  it('reads the stage from the page parameter', () => {
    expect(decisionStageFromParam('township')).toBe('TOWNSHIP_REVIEW')
    expect(decisionStageFromParam('county')).toBe('COUNTY_APPROVAL')
    expect(decisionStageFromParam('village')).toBeNull()
  })

  it('needs a reason to refuse or return, in Chinese', () => {
    for (const decision of ['REJECT', 'RETURN'] as const) {
      expect(newStageDecisionBody(fields({ decision }), 'TOWNSHIP_REVIEW', 5).errors.reason).toBe(NEED_REASON)
      expect(newStageDecisionBody(fields({ decision, reason: '材料不全' }), 'TOWNSHIP_REVIEW', 5).body).toEqual({ version: 5, decision, reason: '材料不全' })
    }
    expect(newStageDecisionBody(fields(), 'TOWNSHIP_REVIEW', 5).body).toEqual({ version: 5, decision: 'PASS' })
    expect(newStageDecisionBody(fields({ decision: '' }), 'TOWNSHIP_REVIEW', 5).errors.decision).toBe('请选择审核结论')
    expect(newStageDecisionBody(fields({ reason: 'x'.repeat(501) }), 'TOWNSHIP_REVIEW', 5).errors.reason).toBeTruthy()
  })

  it('needs the monitoring type when the county passes, and sends it only then', () => {
    expect(newStageDecisionBody(fields(), 'COUNTY_APPROVAL', 5).errors.monitoringType).toBe(NEED_MONITORING_TYPE)
    expect(newStageDecisionBody(fields({ monitoringType: 'SUDDEN_HARDSHIP' }), 'COUNTY_APPROVAL', 5).body).toEqual({
      version: 5,
      decision: 'PASS',
      monitoringType: 'SUDDEN_HARDSHIP',
    })
    expect(newStageDecisionBody(fields({ monitoringType: 'MARGINAL' }), 'TOWNSHIP_REVIEW', 5).body).toEqual({ version: 5, decision: 'PASS' })
    expect(newStageDecisionBody(fields({ decision: 'REJECT', reason: '不符合', monitoringType: 'MARGINAL' }), 'COUNTY_APPROVAL', 5).body).toEqual({
      version: 5,
      decision: 'REJECT',
      reason: '不符合',
    })
    expect(newStageDecisionBody(fields(), null, 5).errors.stage).toBeTruthy()
  })
})

describe('case detail: the chain', () => {
  it('offers the village review to the village cadre only', async () => {
    serveRoutes(villageCadre(), { 'GET /api/cases/91': () => ({ statusCode: 200, data: aCase() }) })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-village-review').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/village-review?id=91' })
    expect(wrapper.find('.btn-township-review').exists()).toBe(false)
    expect(wrapper.find('.case-outcome').exists()).toBe(false)
  })

  it('offers the township review and the county approval to the right cadre', async () => {
    serveRoutes(township(), { 'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'TOWNSHIP_REVIEW' }) }) })
    const forTownship = mount(DetailPage)
    await settle()
    await forTownship.find('.btn-township-review').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/decision?id=91&stage=township' })
    expect(forTownship.find('.btn-village-review').exists()).toBe(false)
    forTownship.unmount()

    const { clearSession } = await import('@/stores/session')
    clearSession()
    setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
    serveRoutes(county(), { 'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'COUNTY_APPROVAL' }) }) })
    const forCounty = mount(DetailPage)
    await settle()
    await forCounty.find('.btn-county-approval').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/decision?id=91&stage=county' })
  })

  it('holds 提交乡镇审核 back while the notice lasts or objections are open, and says why', async () => {
    serveRoutes(villageCadre(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'PUBLIC_NOTICE', noticeEnds: '2999-01-01', openObjections: 1 }) }),
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.notice-summary').text()).toBe('公示期至 2999-01-01 · 未答复异议 1 条')
    expect(wrapper.find('.notice-wait').text()).toContain('期满当日起才能提交乡镇审核')
    expect(wrapper.find('.btn-close-notice').attributes('disabled')).toBeDefined()
    await wrapper.find('.btn-close-notice').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    await wrapper.find('.btn-objections').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/objections?id=91' })
    await wrapper.find('.link-public-notice').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: `/pages/public/notice?village=${VILLAGE}` })
  })

  it('closes the notice with the version read once it is over, then shows the case again', async () => {
    let current = aCase({ stage: 'PUBLIC_NOTICE', noticeEnds: todayInBeijing(), openObjections: 0 })
    serveRoutes(villageCadre(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: current }),
      'POST /api/cases/91/notice/close': () => {
        current = aCase({ stage: 'TOWNSHIP_REVIEW', version: 6, events: [...current.events, { type: 'NOTICE_CLOSED', at, actorRole: 'VILLAGE_CADRE' }] })
        return { statusCode: 200, data: current }
      },
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.notice-wait').exists()).toBe(false)
    await wrapper.find('.btn-close-notice').trigger('tap')
    await settle()
    expect(posts()[0].data).toEqual({ version: 5 })
    expect(wrapper.find('.case-stage').text()).toBe('待乡审核')
    expect(wrapper.findAll('.step').slice(-1)[0].text()).toContain('公示期满，报乡镇审核')
  })

  it('says the case was taken by someone else on 409 and reloads on request', async () => {
    serveRoutes(villageCadre(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'PUBLIC_NOTICE', noticeEnds: '2020-01-01' }) }),
      'POST /api/cases/91/notice/close': () => problem(409, '与现有数据冲突', '案件已被他人办理，请刷新后重试'),
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-close-notice').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(CASE_TAKEN)
    await wrapper.find('.btn-reload').trigger('tap')
    await settle()
    expect(requests.filter((r) => path(r) === '/api/cases/91' && r.method === 'GET')).toHaveLength(2)
    expect(wrapper.find('.btn-reload').exists()).toBe(false)
  })

  it('shows the farmer the outcome and the steps with decisions, reasons and photos', async () => {
    const fetchFn = vi.fn(async () => new Response(new Blob(['x']), { status: 200 }))
    vi.stubGlobal('fetch', fetchFn)
    URL.createObjectURL = vi.fn(() => 'blob:photo')
    serveRoutes(farmer(), {
      'GET /api/cases/91': () => ({
        statusCode: 200,
        data: aCase({
          stage: 'REJECTED',
          open: false,
          photoIds: [1],
          events: [
            { type: 'VILLAGE_REVIEWED', at, actorRole: 'VILLAGE_CADRE', decision: 'PASS', reason: '同意', attachments: [2] },
            { type: 'COUNTY_APPROVED', at, actorRole: 'COUNTY_CADRE', decision: 'REJECT', reason: '家庭收入高于监测范围' },
          ],
        }),
      }),
    })
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.case-outcome-title').text()).toBe('未认定为监测对象')
    expect(wrapper.find('.case-outcome-detail').text()).toBe('县级审定未通过。理由：家庭收入高于监测范围')
    const steps = wrapper.findAll('.step').map((w) => w.text())
    expect(steps[0]).toContain('村民主评议')
    expect(steps[0]).toContain('通过，进入公示')
    expect(steps[1]).toContain('不予认定')
    expect(steps[1]).toContain('理由：家庭收入高于监测范围')
    expect(wrapper.findAll('.gallery-photo')).toHaveLength(2)
    expect(fetchFn.mock.calls.map((c) => (c as unknown as [string])[0]).sort()).toEqual(['/api/media/1', '/api/media/2'])
    vi.unstubAllGlobals()
  })
})

describe('village review page', () => {
  it('sends the review with the version, today as meeting date and the chosen decision', async () => {
    fakeUni.getLocation.mockImplementation(() => {})
    vi.stubGlobal('navigator', { geolocation: { getCurrentPosition: (ok: (p: unknown) => void) => ok({ coords: { latitude: 34.8, longitude: 114.8, accuracy: 10 } }) } })
    serveRoutes(villageCadre(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: aCase() }),
      'POST /api/cases/91/village-review': () => ({ statusCode: 200, data: aCase({ stage: 'PUBLIC_NOTICE', version: 6 }) }),
    })
    const wrapper = mount(VillageReviewPage)
    await settle()
    expect(wrapper.find('.review-location').text()).toContain('纬度 34.800000')
    await wrapper.find('.btn-review-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--participants').exists()).toBe(true)
    expect(wrapper.find('.field-error--decision').text()).toBe('请选择评议结果')
    expect(posts()).toHaveLength(0)

    await wrapper.find('.review-participants').setValue('15')
    await wrapper.find('.review-decision--RETURN').trigger('tap')
    await wrapper.find('.btn-review-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--opinion').text()).toBe('请写明不通过或退回的理由')
    await wrapper.find('.review-decision--PASS').trigger('tap')
    await wrapper.find('.review-opinion').setValue('经评议同意纳入监测')
    await wrapper.find('.btn-review-submit').trigger('tap')
    await settle()
    expect(posts()[0].data).toEqual({
      version: 5,
      meetingDate: todayInBeijing(),
      participants: 15,
      decision: 'PASS',
      opinion: '经评议同意纳入监测',
      latitude: 34.8,
      longitude: 114.8,
    })
    expect(fakeUni.navigateBack).toHaveBeenCalled()
    vi.unstubAllGlobals()
  })

  it('goes on without a position when the phone refuses one', async () => {
    vi.stubGlobal('navigator', { geolocation: { getCurrentPosition: (_: unknown, fail: (e: { code: number }) => void) => fail({ code: 1 }) } })
    serveRoutes(villageCadre(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: aCase() }),
      'POST /api/cases/91/village-review': () => problem(409, '与现有数据冲突', '案件已被他人办理'),
    })
    const wrapper = mount(VillageReviewPage)
    await settle()
    expect(wrapper.find('.review-location-note').text()).toContain('可不记录位置')
    await wrapper.find('.review-participants').setValue('9')
    await wrapper.find('.review-decision--REJECT').trigger('tap')
    await wrapper.find('.review-opinion').setValue('收入高于监测范围')
    await wrapper.find('.btn-review-submit').trigger('tap')
    await settle()
    expect(posts()[0].data).not.toHaveProperty('latitude')
    expect(wrapper.find('.error-notice').text()).toBe(CASE_TAKEN)
    await wrapper.find('.btn-reload').trigger('tap')
    await settle()
    expect(requests.filter((r) => path(r) === '/api/cases/91' && r.method === 'GET')).toHaveLength(2)
    expect(wrapper.find('.btn-reload').exists()).toBe(false)
    vi.unstubAllGlobals()
  })
})

describe('decision page', () => {
  it('sends the township review to its endpoint, with the reason required for a return', async () => {
    page.query = { id: '91', stage: 'township' }
    serveRoutes(township(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'TOWNSHIP_REVIEW' }) }),
      'POST /api/cases/91/township-review': () => ({ statusCode: 200, data: aCase({ stage: 'VILLAGE_REVIEW', version: 6 }) }),
    })
    const wrapper = mount(DecisionPage)
    await settle()
    expect(wrapper.findAll('.decision-chip').map((w) => w.text())).toEqual(['通过', '不通过', '退回村评议'])
    expect(wrapper.find('.monitoring-chip').exists()).toBe(false)
    await wrapper.find('.decision-chip--RETURN').trigger('tap')
    await wrapper.find('.btn-decision-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--reason').text()).toBe(NEED_REASON)
    await wrapper.find('.decision-reason').setValue('评议记录不全')
    await wrapper.find('.btn-decision-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(1)
    expect(path(posts()[0])).toBe('/api/cases/91/township-review')
    expect(posts()[0].data).toEqual({ version: 5, decision: 'RETURN', reason: '评议记录不全' })
    expect(fakeUni.navigateBack).toHaveBeenCalled()
  })

  it('asks the county for the monitoring type when passing, and handles 409', async () => {
    page.query = { id: '91', stage: 'county' }
    serveRoutes(county(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'COUNTY_APPROVAL' }) }),
      'POST /api/cases/91/county-approval': () => problem(409, '与现有数据冲突', '案件已被他人办理'),
    })
    const wrapper = mount(DecisionPage)
    await settle()
    await wrapper.find('.decision-chip--PASS').trigger('tap')
    expect(wrapper.findAll('.monitoring-chip').map((w) => w.text())).toEqual(['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'])
    await wrapper.find('.btn-decision-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--monitoringType').text()).toBe(NEED_MONITORING_TYPE)
    await wrapper.find('.monitoring-chip--SUDDEN_HARDSHIP').trigger('tap')
    expect(wrapper.find('.field-error--monitoringType').exists()).toBe(false)
    await wrapper.find('.btn-decision-submit').trigger('tap')
    await settle()
    expect(posts()[0].data).toEqual({ version: 5, decision: 'PASS', monitoringType: 'SUDDEN_HARDSHIP' })
    expect(wrapper.find('.error-notice').text()).toBe(CASE_TAKEN)
    expect(wrapper.find('.btn-reload').exists()).toBe(true)
  })

  it('tells a cadre of another township they cannot review', async () => {
    page.query = { id: '91', stage: 'township' }
    serveRoutes(township('410225102000'), { 'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'TOWNSHIP_REVIEW' }) }) })
    const wrapper = mount(DecisionPage)
    await settle()
    expect(wrapper.find('.error-notice').text()).toContain('只有本乡镇的乡镇干部')
    expect(wrapper.find('.btn-decision-submit').attributes('disabled')).toBeDefined()
  })
})

describe('objections page', () => {
  const objection = (over: Partial<Objection> = {}): Objection => ({
    id: 1,
    caseId: 91,
    content: '他家刚买了小汽车',
    contactName: '王某',
    contactPhone: '139****0000',
    filedAt: at,
    open: true,
    ...over,
  })

  it('lists the objections and sends the village cadre’s answer', async () => {
    let list = [objection(), objection({ id: 2, open: false, answer: '车辆为借用', answeredAt: at, answeredByRole: 'VILLAGE_CADRE', contactName: null, contactPhone: null })]
    serveRoutes(villageCadre(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'PUBLIC_NOTICE', openObjections: 1 }) }),
      'GET /api/cases/91/objections': () => ({ statusCode: 200, data: list }),
      'POST /api/cases/91/objections/1/answer': (req) => {
        list = [objection({ open: false, answer: (req.data as { answer: string }).answer, answeredAt: at, answeredByRole: 'VILLAGE_CADRE' }), list[1]]
        return { statusCode: 200, data: list[0] }
      },
    })
    const wrapper = mount(ObjectionsPage)
    await settle()
    const rows = wrapper.findAll('.objection')
    expect(rows[0].text()).toContain('待答复')
    expect(rows[0].text()).toContain('王某 · 139****0000')
    expect(rows[1].text()).toContain('答复：车辆为借用')
    expect(rows[1].text()).toContain('匿名')
    expect(wrapper.findAll('.btn-answer')).toHaveLength(1)
    await wrapper.find('.btn-answer').trigger('tap')
    await wrapper.find('.btn-send-answer').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--answer').text()).toBe('请填写答复内容')
    await wrapper.find('.objection-answer').setValue('经核实车辆为亲属借用')
    await wrapper.find('.btn-send-answer').trigger('tap')
    await settle()
    expect(posts()[0].data).toEqual({ answer: '经核实车辆为亲属借用' })
    expect(wrapper.findAll('.objection-answered')).toHaveLength(2)
    expect(wrapper.find('.btn-answer').exists()).toBe(false)
  })

  it('lets a township cadre read without answering, and says so on 409', async () => {
    serveRoutes(township(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'PUBLIC_NOTICE', openObjections: 1 }) }),
      'GET /api/cases/91/objections': () => ({ statusCode: 200, data: [objection()] }),
    })
    const reader = mount(ObjectionsPage)
    await settle()
    expect(reader.findAll('.objection')).toHaveLength(1)
    expect(reader.find('.btn-answer').exists()).toBe(false)
    reader.unmount()

    const { clearSession } = await import('@/stores/session')
    clearSession()
    setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
    serveRoutes(villageCadre(), {
      'GET /api/cases/91': () => ({ statusCode: 200, data: aCase({ stage: 'PUBLIC_NOTICE', openObjections: 1 }) }),
      'GET /api/cases/91/objections': () => ({ statusCode: 200, data: [objection()] }),
      'POST /api/cases/91/objections/1/answer': () => problem(409, '与现有数据冲突', '已答复'),
    })
    const wrapper = mount(ObjectionsPage)
    await settle()
    await wrapper.find('.btn-answer').trigger('tap')
    await wrapper.find('.objection-answer').setValue('答复内容')
    await wrapper.find('.btn-send-answer').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(ANSWER_TAKEN)
    const reads = () => requests.filter((r) => path(r) === '/api/cases/91/objections').length
    const before = reads()
    await wrapper.find('.btn-reload').trigger('tap')
    await settle()
    expect(reads()).toBe(before + 1)
  })
})
