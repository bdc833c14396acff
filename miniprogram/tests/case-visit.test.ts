import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import VisitPage from '@/pages/cases/visit.vue'
import DetailPage from '@/pages/cases/detail.vue'
import type { Case, Me } from '@/api/types'
import { NEED_LOCATION, VISIT_CONFLICT, newVisitBody, type VisitFields } from '@/composables/useCases'
import { setTokens } from '@/stores/session'
import { canRecordVisit } from '@/utils/cases'
import { NO_GEOLOCATION, getLocation, setPlatformForTesting } from '@/utils/platform'
import { fakeUni, page, posts, problem, serveRoutes, settle, type FakeResponse, type Routes } from './fake-uni'

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

const awaiting = (over: Partial<Case> = {}): Case => ({
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
  version: 3,
  events: [{ type: 'OPENED', stage: 'VISIT', actorRole: 'VILLAGE_CADRE', at: '2026-11-23T02:00:00Z' }],
  ...over,
})

const here = { latitude: 34.82, longitude: 114.82, accuracy: 15 }

const filled = (over: Partial<VisitFields> = {}): VisitFields => ({
  checks: { foodAndClothing: true, education: true, medical: false, housing: true, drinkingWater: true },
  perCapitaIncome: '6800',
  bigExpenditure: '',
  riskTypes: ['ILLNESS'],
  findings: '  户主住院自付 3 万元  ',
  location: { ...here },
  ...over,
})

function stubGeolocation(result: typeof here | { code: number } | null) {
  const geo =
    result === null
      ? undefined
      : {
          getCurrentPosition: (ok: (p: { coords: typeof here }) => void, fail: (e: { code: number }) => void) =>
            'code' in result ? fail(result) : ok({ coords: result }),
        }
  vi.stubGlobal('navigator', { geolocation: geo })
}

beforeEach(() => {
  page.query = {}
  vi.unstubAllGlobals()
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('home visit: who and the body', () => {
  it('lets only the village cadre, information officer and resident cadre of the village record it while awaiting the visit', () => {
    for (const role of ['VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE'] as const) expect(canRecordVisit(awaiting(), me(role))).toBe(true)
    for (const role of ['COUNTY_CADRE', 'TOWNSHIP_CADRE', 'FARMER', 'ACCOUNT_MANAGER'] as const) expect(canRecordVisit(awaiting(), me(role))).toBe(false)
    expect(canRecordVisit(awaiting({ stage: 'VILLAGE_REVIEW' }), me('VILLAGE_CADRE'))).toBe(false)
    expect(canRecordVisit(awaiting({ open: false, stage: 'WITHDRAWN' }), me('VILLAGE_CADRE'))).toBe(false)
    expect(canRecordVisit(awaiting(), me('VILLAGE_CADRE', { regionCode: '410225101202' }))).toBe(false)
    expect(canRecordVisit(null, me('VILLAGE_CADRE'))).toBe(false)
  })

  it('builds NewVisit with the version as read, the answers, the risks in order and the position', () => {
    const { body, errors } = newVisitBody(filled({ riskTypes: ['DISASTER', 'ILLNESS'], bigExpenditure: '30000.5' }), 3)
    expect(errors).toEqual({})
    expect(body).toEqual({
      version: 3,
      perCapitaIncome: 6800,
      bigExpenditure: 30000.5,
      foodAndClothing: true,
      education: true,
      medical: false,
      housing: true,
      drinkingWater: true,
      riskTypes: ['ILLNESS', 'DISASTER'],
      findings: '户主住院自付 3 万元',
      latitude: 34.82,
      longitude: 114.82,
      accuracy: 15,
    })
    expect(newVisitBody(filled({ riskTypes: [] }), 0).body?.riskTypes).toEqual([])
    expect(newVisitBody(filled({ riskTypes: [] }), 0).body?.version).toBe(0)
  })

  it('refuses unanswered checks, a missing income, findings and position', () => {
    const { body, errors } = newVisitBody(
      filled({ checks: { foodAndClothing: true, education: null, medical: false, housing: null, drinkingWater: true }, perCapitaIncome: ' ', findings: '', location: null }),
      3,
    )
    expect(body).toBeNull()
    expect(Object.keys(errors).sort()).toEqual(['education', 'findings', 'housing', 'location', 'perCapitaIncome'])
    expect(errors.location).toBe(NEED_LOCATION)
    expect(newVisitBody(filled({ findings: 'x'.repeat(1001) }), 3).errors.findings).toBeTruthy()
    expect(newVisitBody(filled({ perCapitaIncome: '-5' }), 3).errors.perCapitaIncome).toBeTruthy()
    expect(newVisitBody(filled(), undefined).body).toBeNull()
  })
})

describe('home visit: the position', () => {
  it('uses uni.getLocation (gcj02) in the mini-program', async () => {
    setPlatformForTesting('mp-weixin')
    const getLocationFn = vi.fn((o: { type: string; success: (r: typeof here) => void }) => o.success({ ...here, accuracy: 30 }))
    ;(fakeUni as unknown as { getLocation: typeof getLocationFn }).getLocation = getLocationFn
    expect(await getLocation()).toEqual({ ...here, accuracy: 30 })
    expect(getLocationFn.mock.calls[0][0].type).toBe('gcj02')
  })

  it("uses the browser's geolocation on H5, and says so in Chinese where there is none", async () => {
    stubGeolocation(here)
    expect(await getLocation()).toEqual(here)
    stubGeolocation({ code: 1 })
    await expect(getLocation()).rejects.toThrow(/定位权限/)
    stubGeolocation(null)
    await expect(getLocation()).rejects.toThrow(NO_GEOLOCATION)
  })
})

describe('home visit page', () => {
  async function openForm(routes: Routes = {}) {
    page.query = { id: '91' }
    serveRoutes(me('VILLAGE_CADRE'), { 'GET /api/cases/91': () => ({ statusCode: 200, data: awaiting() }), ...routes })
    const wrapper = mount(VisitPage)
    await settle()
    return wrapper
  }

  async function fill(wrapper: Awaited<ReturnType<typeof openForm>>, locate = true) {
    for (const key of ['foodAndClothing', 'education', 'housing', 'drinkingWater']) await wrapper.find(`.visit-check--${key} .visit-yes`).trigger('tap')
    await wrapper.find('.visit-check--medical .visit-no').trigger('tap')
    await wrapper.find('.visit-income').setValue('6800')
    await wrapper.find('.visit-description').setValue('户主住院自付 3 万元')
    if (locate) {
      await wrapper.find('.btn-locate').trigger('tap')
      await settle()
    }
  }

  it('sends the visit with the version as read and the shown position, then goes back to the case', async () => {
    stubGeolocation(here)
    const wrapper = await openForm({ 'POST /api/cases/91/visit': () => ({ statusCode: 200, data: awaiting({ stage: 'VILLAGE_REVIEW', version: 4 }) }) })
    expect(wrapper.text()).toContain('走访得知户主务工受伤')
    await fill(wrapper)
    expect(wrapper.find('.visit-location').text()).toContain('精度约 15 米')
    await wrapper.find('.btn-visit-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(1)
    expect(posts()[0].data).toMatchObject({ version: 3, perCapitaIncome: 6800, medical: false, housing: true, riskTypes: ['ILLNESS'], latitude: 34.82, accuracy: 15 })
    expect(fakeUni.navigateBack).toHaveBeenCalled()
  })

  it('asks for every check and the position before asking the server', async () => {
    stubGeolocation(null)
    const wrapper = await openForm()
    await wrapper.find('.visit-check--education .visit-yes').trigger('tap')
    await wrapper.find('.btn-locate').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--location').text()).toBe(NO_GEOLOCATION)
    await wrapper.find('.btn-visit-submit').trigger('tap')
    await settle()
    expect(posts()).toHaveLength(0)
    expect(wrapper.find('.field-error--foodAndClothing').exists()).toBe(true)
    expect(wrapper.find('.field-error--education').exists()).toBe(false)
    expect(wrapper.find('.field-error--medical').exists()).toBe(true)
    expect(wrapper.find('.field-error--location').text()).toBe(NEED_LOCATION)
    await wrapper.find('.visit-check--medical .visit-no').trigger('tap')
    expect(wrapper.find('.field-error--medical').exists()).toBe(false)
  })

  it('suggests reloading on 409 and shows field errors under their fields', async () => {
    stubGeolocation(here)
    let answer: FakeResponse = problem(409, '冲突', '案件已变更')
    const wrapper = await openForm({ 'POST /api/cases/91/visit': () => answer })
    await fill(wrapper)
    await wrapper.find('.btn-visit-submit').trigger('tap')
    await settle()
    expect(wrapper.text()).toContain(VISIT_CONFLICT)
    expect(wrapper.find('.btn-reload').exists()).toBe(true)
    expect(fakeUni.navigateBack).not.toHaveBeenCalled()
    answer = problem(400, '请求有误', undefined, [{ field: 'perCapitaIncome', message: '收入不能为负' }])
    await wrapper.find('.btn-visit-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--perCapitaIncome').text()).toBe('收入不能为负')
  })
})

describe('case detail page: 记录入户核实', () => {
  async function detailFor(current: Me, c: Case) {
    page.query = { id: '91' }
    serveRoutes(current, { 'GET /api/cases/91': () => ({ statusCode: 200, data: c }) })
    const wrapper = mount(DetailPage)
    await settle()
    return wrapper
  }

  it('offers the village cadres the visit form while the case awaits it', async () => {
    const wrapper = await detailFor(me('RESIDENT_CADRE'), awaiting())
    await wrapper.find('.btn-visit').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/visit?id=91' })
  })

  it('hides it from other roles', async () => {
    expect((await detailFor(me('TOWNSHIP_CADRE'), awaiting())).find('.btn-visit').exists()).toBe(false)
  })

  it('hides it after the visit', async () => {
    expect((await detailFor(me('VILLAGE_CADRE'), awaiting({ stage: 'VILLAGE_REVIEW' }))).find('.btn-visit').exists()).toBe(false)
  })
})
