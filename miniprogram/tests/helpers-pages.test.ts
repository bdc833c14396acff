import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import HomePage from '@/pages/home/index.vue'
import DetailPage from '@/pages/households/detail.vue'
import type { HelperPairing } from '@/api/types'
import { markHouseholdChanged } from '@/stores/householdChanges'
import { setTokens } from '@/stores/session'
import { setPlatformForTesting } from '@/utils/platform'
import { fakeUni, path, problem, requests, serve, type FakeRequest, type FakeResponse } from './fake-uni'

/** The pages' onShow hooks, to show a page again as when coming back to it. */
const shown = vi.hoisted(() => ({ hooks: [] as (() => void)[] }))

vi.mock('@dcloudio/uni-app', async () => {
  const { onMounted } = await import('vue')
  return {
    onShow: (fn: () => void) => {
      shown.hooks.push(fn)
      onMounted(fn)
    },
    onLoad: (fn: (query: Record<string, string>) => void) => onMounted(() => fn({ id: '42' })),
    onLaunch: () => {},
  }
})

const household = {
  id: 42,
  householdNo: '410225101201000001',
  regionCode: '410225101201',
  regionName: '任庄村',
  category: 'MONITORED',
  monitoringType: 'MARGINAL',
  riskTypes: ['ILLNESS'],
  riskEliminated: false,
  members: [
    { id: 5, name: '韩立春', idNumber: '410225********5170', gender: 'MALE', birthDate: '1978-03-12', age: 48, relation: 'HEAD' },
  ],
  incomes: [],
  version: 0,
}

const current: HelperPairing = {
  id: 31,
  householdId: 42,
  helper: { id: 7, name: '刘建设', unit: '兰考县农业农村局', position: '科员', phone: '139****0007', regionCode: '410225000000', regionName: '兰考县' },
  startDate: '2026-03-01',
  endDate: null,
  current: true,
}
const past: HelperPairing = {
  id: 12,
  householdId: 42,
  helper: { id: 3, name: '周海', unit: '堌阳镇人民政府', phone: '137****0003', regionCode: '410225101000' },
  startDate: '2025-01-10',
  endDate: '2026-02-28',
  current: false,
}

beforeEach(() => {
  shown.hooks.length = 0
})

const settle = async () => {
  for (let i = 0; i < 6; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  await flushPromises()
}

type Extra = (req: FakeRequest) => FakeResponse | undefined

function serveAs(role: string, pairings: () => HelperPairing[], extra: Extra = () => undefined) {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
  serve((req) => {
    const answer = extra(req)
    if (answer) return answer
    const p = path(req)
    if (p === '/api/me')
      return {
        statusCode: 200,
        data: {
          id: 9,
          name: role === 'FARMER' ? '赵大山' : '李德福',
          role,
          level: 5,
          regionCode: '410225101201',
          householdId: role === 'FARMER' ? 42 : null,
          regionPath: [{ code: '410225101201', name: '任庄村', level: 5 }],
        },
      }
    if (p === '/api/households/42') return { statusCode: 200, data: household }
    if (p === '/api/households/42/helpers' && req.method === 'GET') return { statusCode: 200, data: pairings() }
    if (p === '/api/households/42/helpers/31/phone') return { statusCode: 200, data: { field: 'PHONE', value: '13900000007' } }
    if (p === '/api/households/42/timeline' || p === '/api/households/42/viewers') return { statusCode: 200, data: [] }
    return problem(404, '未找到')
  })
}

describe('farmer window: 帮扶责任人', () => {
  it('lists the current helpers with unit, position, masked phone and start date; past ones folded', async () => {
    serveAs('FARMER', () => [current, past])
    const wrapper = mount(HomePage)
    await settle()
    const rows = wrapper.findAll('.helper--current')
    expect(rows).toHaveLength(1)
    const row = rows[0].text()
    expect(row).toContain('刘建设')
    expect(row).toContain('科员')
    expect(row).toContain('兰考县农业农村局')
    expect(row).toContain('139****0007')
    expect(row).toContain('2026-03-01 起')
    // The farmer neither ends pairings nor sees the past ones unless asked.
    expect(wrapper.find('.btn-end-pairing').exists()).toBe(false)
    expect(wrapper.find('.btn-pair').exists()).toBe(false)
    expect(wrapper.find('.helper--past').exists()).toBe(false)
    await wrapper.find('.past-toggle').trigger('tap')
    expect(wrapper.find('.helper--past').text()).toContain('2025-01-10—2026-02-28')
  })

  it('shows the full number after 联系 in a browser', async () => {
    serveAs('FARMER', () => [current])
    const wrapper = mount(HomePage)
    await settle()
    await wrapper.find('.btn-contact').trigger('tap')
    await settle()
    expect(requests.filter((r) => path(r) === '/api/households/42/helpers/31/phone' && r.method === 'POST')).toHaveLength(1)
    expect(wrapper.find('.helper__phone').text()).toBe('13900000007')
    expect(fakeUni.makePhoneCall).not.toHaveBeenCalled()
  })

  it('dials the helper from the mini-program', async () => {
    setPlatformForTesting('mp-weixin')
    serveAs('FARMER', () => [current])
    const wrapper = mount(HomePage)
    await settle()
    await wrapper.find('.btn-contact').trigger('tap')
    await settle()
    expect(fakeUni.makePhoneCall.mock.calls[0][0]).toMatchObject({ phoneNumber: '13900000007' })
  })

  it('says so when nobody is paired yet', async () => {
    serveAs('FARMER', () => [past])
    const wrapper = mount(HomePage)
    await settle()
    expect(wrapper.find('.helpers__empty').text()).toBe('暂无帮扶责任人')
    expect(wrapper.find('.btn-contact').exists()).toBe(false)
  })

  it('is not shown to cadres on their home page', async () => {
    serveAs('VILLAGE_CADRE', () => [current])
    const wrapper = mount(HomePage)
    await settle()
    expect(wrapper.find('.helpers').exists()).toBe(false)
    expect(requests.some((r) => path(r) === '/api/households/42/helpers')).toBe(false)
  })
})

describe('household detail: 帮扶责任人', () => {
  it('shows current and past pairings with their dates', async () => {
    serveAs('CITY_CADRE', () => [current, past])
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.helper--current').text()).toContain('2026-03-01 起')
    const old = wrapper.find('.helper--past').text()
    expect(old).toContain('周海')
    expect(old).toContain('2025-01-10—2026-02-28')
  })

  it('offers pairing and ending only to registry editors', async () => {
    serveAs('CITY_CADRE', () => [current])
    const reader = mount(DetailPage)
    await settle()
    // The server gives helpers' numbers to the registry's editors only.
    expect(reader.find('.btn-contact').exists()).toBe(false)
    expect(reader.find('.btn-pair').exists()).toBe(false)
    expect(reader.find('.btn-end-pairing').exists()).toBe(false)
    reader.unmount()

    fakeUni.navigateTo.mockClear()
    const { clearSession } = await import('@/stores/session')
    clearSession()
    serveAs('VILLAGE_CADRE', () => [current])
    const editor = mount(DetailPage)
    await settle()
    expect(editor.find('.btn-end-pairing').exists()).toBe(true)
    expect(editor.find('.btn-contact').exists()).toBe(true)
    await editor.find('.btn-pair').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/households/helpers?id=42&region=410225101201' })
  })

  it('ends a pairing with a reason and reads the list and the timeline again, not the detail', async () => {
    let list = [current]
    serveAs('VILLAGE_CADRE', () => list, (req) => {
      if (path(req) === '/api/households/42/helpers/31/end') {
        const ended = { ...current, current: false, endDate: '2026-11-23' }
        list = [ended]
        return { statusCode: 200, data: ended }
      }
      return undefined
    })
    const wrapper = mount(DetailPage)
    await settle()
    await wrapper.find('.btn-end-pairing').trigger('tap')
    expect(wrapper.find('.end-form').text()).toContain('结束与 刘建设 的结对')
    await wrapper.find('.btn-end-confirm').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--reason').text()).toBe('请填写结束结对的原因')
    expect(requests.some((r) => path(r).endsWith('/end'))).toBe(false)

    const detailReads = requests.filter((r) => path(r) === '/api/households/42').length
    const timelineReads = requests.filter((r) => path(r) === '/api/households/42/timeline').length
    await wrapper.find('.end-reason').setValue(' 帮扶责任人工作调动 ')
    await wrapper.find('.btn-end-confirm').trigger('tap')
    await settle()
    expect(requests.find((r) => path(r) === '/api/households/42/helpers/31/end')?.data).toEqual({ reason: '帮扶责任人工作调动' })
    expect(wrapper.find('.end-form').exists()).toBe(false)
    expect(wrapper.find('.helpers__empty').text()).toBe('暂无帮扶责任人')
    expect(wrapper.find('.helper--past').text()).toContain('2026-03-01—2026-11-23')
    expect(requests.filter((r) => path(r) === '/api/households/42').length).toBe(detailReads)
    expect(requests.filter((r) => path(r) === '/api/households/42/timeline').length).toBe(timelineReads + 1)
  })

  it('reloads the pairings when coming back from the pairing page', async () => {
    let list: HelperPairing[] = []
    serveAs('VILLAGE_CADRE', () => list)
    const wrapper = mount(DetailPage)
    await settle()
    expect(wrapper.find('.helpers__empty').exists()).toBe(true)
    // What the pairing page does on success, then the page shows again.
    list = [current]
    markHouseholdChanged(42)
    shown.hooks.forEach((hook) => hook())
    await settle()
    expect(wrapper.find('.helper--current').text()).toContain('刘建设')
  })
})
