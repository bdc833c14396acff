import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import UnitsPage from '@/pages/fieldwork/units.vue'
import type { AssistanceUnit, Me } from '@/api/types'
import { newUnitBody } from '@/composables/useUnits'
import { setTokens } from '@/stores/session'
import { path, posts, problem, serveRoutes, settle, type Routes } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const COUNTY = '410225000000'
const VILLAGE = '410225101201'
const county = { id: 3, name: '郑晓明', role: 'COUNTY_CADRE', level: 3, regionCode: COUNTY, regionPath: [] } as unknown as Me
const township = { id: 4, name: '王秀兰', role: 'TOWNSHIP_CADRE', level: 4, regionCode: '410225101000', regionPath: [] } as unknown as Me

const unit = (over: Partial<AssistanceUnit> = {}): AssistanceUnit => ({
  id: 21,
  name: '兰考县农业农村局',
  affiliation: '县直',
  regionCode: COUNTY,
  regionName: '兰考县',
  contactName: '孟凡',
  contactPhone: '137****5678',
  pairings: [{ id: 31, villageCode: VILLAGE, villageName: '任庄村', startDate: '2026-01-01' }],
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
})

const regionRoutes: Routes = {
  'GET /api/regions/410225000000': () => ({ statusCode: 200, data: { code: COUNTY, name: '兰考县', level: 3 } }),
  'GET /api/regions/410225000000/children': () => ({ statusCode: 200, data: [{ code: '410225101000', name: '堌阳镇', level: 4 }] }),
  'GET /api/regions/410225101000/children': () => ({ statusCode: 200, data: [{ code: VILLAGE, name: '任庄村', level: 5 }] }),
}

beforeEach(() => {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('assistance unit form', () => {
  it('checks the name, region and phone before asking the server', () => {
    const { errors } = newUnitBody({ name: ' ', affiliation: '', regionCode: '', contactName: '', contactPhone: 'abc' })
    expect(Object.keys(errors).sort()).toEqual(['contactPhone', 'name', 'regionCode'])
    expect(newUnitBody({ name: ' 县财政局 ', affiliation: '', regionCode: COUNTY, contactName: '', contactPhone: '0371-1234567' }).body).toEqual({
      name: '县财政局',
      regionCode: COUNTY,
      contactPhone: '0371-1234567',
    })
  })
})

describe('units page', () => {
  it('lists units with their villages and registers one with an Idempotency-Key (county)', async () => {
    serveRoutes(county, {
      ...regionRoutes,
      'GET /api/units': () => ({ statusCode: 200, data: [unit()] }),
      'POST /api/units': (req) => ({ statusCode: 201, data: unit({ id: 22, pairings: [], ...(req.data as object) }) }),
    })
    const wrapper = mount(UnitsPage)
    await settle()
    expect(wrapper.find('.unit__name').text()).toBe('兰考县农业农村局')
    expect(wrapper.find('.pairing__village').text()).toBe('任庄村')

    await wrapper.find('.btn-unit-create').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--name').exists()).toBe(true)
    expect(posts()).toHaveLength(0)

    await wrapper.find('.unit-name').setValue('兰考县财政局')
    await wrapper.find('.unit-affiliation').setValue('县直')
    await wrapper.find('.btn-unit-create').trigger('tap')
    await settle()
    const sent = posts()[0]
    expect(path(sent)).toBe('/api/units')
    expect(sent.header['Idempotency-Key']).toBeTruthy()
    expect(sent.data).toEqual({ name: '兰考县财政局', affiliation: '县直', regionCode: COUNTY })
    expect(wrapper.findAll('.unit')).toHaveLength(2)
  })

  it('pairs a village and ends a pairing with a reason', async () => {
    serveRoutes(county, {
      ...regionRoutes,
      'GET /api/units': () => ({ statusCode: 200, data: [unit({ pairings: [] })] }),
      'POST /api/units/21/pairings': (req) => ({
        statusCode: 201,
        data: unit({ pairings: [{ id: 32, villageName: '任庄村', ...(req.data as { villageCode: string; startDate: string }) }] }),
      }),
      'POST /api/units/21/pairings/32/end': (req) => ({
        statusCode: 200,
        data: unit({ pairings: [{ id: 32, villageCode: VILLAGE, villageName: '任庄村', startDate: '2026-12-01', endDate: (req.data as { endDate: string }).endDate, endReason: '帮扶期满' }] }),
      }),
    })
    const wrapper = mount(UnitsPage)
    await settle()
    await wrapper.find('.btn-pair').trigger('tap')
    await settle()
    // No village chosen yet: asked before the server.
    await wrapper.find('.btn-pair-confirm').trigger('tap')
    await settle()
    expect(wrapper.find('.pair-form .field-error--villageCode').text()).toBe('请选择结对的村')
    await wrapper.find('.pair-form .pair-village--410225101000').trigger('tap')
    await wrapper.find('.pair-form .region-picker__down').trigger('tap')
    await settle()
    await wrapper.find(`.pair-form .pair-village--${VILLAGE}`).trigger('tap')
    await wrapper.find('.btn-pair-confirm').trigger('tap')
    await settle()
    expect(path(posts()[0])).toBe('/api/units/21/pairings')
    expect(posts()[0].data).toMatchObject({ villageCode: VILLAGE })
    expect(wrapper.find('.pair-form').exists()).toBe(false)

    await wrapper.find('.btn-end-pairing').trigger('tap')
    await wrapper.find('.btn-end-confirm').trigger('tap')
    await settle()
    expect(wrapper.find('.end-form .field-error--reason').text()).toBe('请填写结束结对的原因')
    await wrapper.find('.end-reason').setValue('帮扶期满')
    await wrapper.find('.btn-end-confirm').trigger('tap')
    await settle()
    expect(path(posts()[1])).toBe('/api/units/21/pairings/32/end')
    expect(posts()[1].data).toMatchObject({ reason: '帮扶期满' })
    expect(wrapper.find('.pairing--ended').text()).toContain('帮扶期满')
    expect(wrapper.find('.btn-end-pairing').exists()).toBe(false)
  })

  it('shows the server’s refusal of a pairing', async () => {
    serveRoutes(county, {
      ...regionRoutes,
      'GET /api/units': () => ({ statusCode: 200, data: [unit({ pairings: [] })] }),
      'POST /api/units/21/pairings': () => problem(409, '冲突', '该单位已与该村结对'),
    })
    const wrapper = mount(UnitsPage)
    await settle()
    await wrapper.find('.btn-pair').trigger('tap')
    await settle()
    await wrapper.find('.pair-form .pair-village--410225101000').trigger('tap')
    await wrapper.find('.pair-form .region-picker__down').trigger('tap')
    await settle()
    await wrapper.find(`.pair-form .pair-village--${VILLAGE}`).trigger('tap')
    await wrapper.find('.btn-pair-confirm').trigger('tap')
    await settle()
    expect(wrapper.find('.pair-form .error-notice').text()).toBe('该单位已与该村结对')
  })

  it('shows the list only to the township cadre: no register form, no pairing', async () => {
    serveRoutes(township, { 'GET /api/units': () => ({ statusCode: 200, data: [unit()] }) })
    const wrapper = mount(UnitsPage)
    await settle()
    expect(wrapper.find('.unit').exists()).toBe(true)
    expect(wrapper.find('.btn-unit-create').exists()).toBe(false)
    expect(wrapper.find('.btn-pair').exists()).toBe(false)
    expect(wrapper.find('.btn-end-pairing').exists()).toBe(false)
  })
})
