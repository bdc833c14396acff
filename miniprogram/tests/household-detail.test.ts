import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import DetailPage from '@/pages/households/detail.vue'
import { clearSession, setTokens } from '@/stores/session'
import { fakeUni, path, problem, requests, serve } from './fake-uni'

vi.mock('@dcloudio/uni-app', async () => {
  const { onMounted } = await import('vue')
  return {
    onShow: (fn: () => void) => onMounted(fn),
    onLoad: (fn: (query: Record<string, string>) => void) => onMounted(() => fn({ id: '42' })),
    onLaunch: () => {},
  }
})

const household = {
  id: 42,
  householdNo: '410225101201000001',
  regionCode: '410225101201',
  regionName: '任庄村',
  category: 'LIFTED',
  liftedYear: 2019,
  riskTypes: ['HOUSING', 'WATER'],
  riskEliminated: false,
  members: [
    { id: 5, name: '韩立春', idNumber: '410225********5170', gender: 'MALE', birthDate: '1978-03-12', age: 48, relation: 'HEAD', phone: '137****9679' },
  ],
  incomes: [{ year: 2025, wage: 12000, production: 3000, property: 0, transfer: 1500, productionCost: 1000, members: 1, perCapitaNet: 15500 }],
  version: 0,
}

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
}

function render(revealAnswer: () => { statusCode: number; data?: unknown }, role = 'INFO_OFFICER') {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
  serve((req) => {
    if (path(req) === '/api/me') return { statusCode: 200, data: { id: 6, name: '张小红', role, regionCode: '410225101201' } }
    if (path(req) === '/api/households/42') return { statusCode: 200, data: household }
    if (path(req) === '/api/households/42/timeline') return { statusCode: 200, data: [] }
    if (path(req) === '/api/households/42/viewers')
      return { statusCode: 200, data: [{ kind: 'VIEW', actorRole: 'TOWNSHIP_CADRE', actorRegionName: '堌阳镇', at: '2026-11-23T06:15:00Z' }] }
    if (path(req) === '/api/households/42/reveal') return revealAnswer()
    if (path(req) === '/api/households/42/helpers') return { statusCode: 200, data: [] }
    return { statusCode: 404, data: { type: 't', title: '未找到', status: 404 } }
  })
  fakeUni.showModal.mockImplementation((options: { success?: (res: { confirm: boolean; content: string }) => void }) =>
    options.success?.({ confirm: true, content: ' 入户核实 ' }),
  )
  return mount(DetailPage)
}

describe('household detail page', () => {
  it('shows the household in Chinese with masked values and the visits', async () => {
    const wrapper = render(() => ({ statusCode: 500 }))
    await settle()
    const text = wrapper.text()
    expect(text).toContain('脱贫户')
    expect(text).toContain('2019 年')
    expect(text).toContain('住房安全问题、饮水安全问题')
    expect(wrapper.find('.member-id').text()).toBe('410225********5170')
    expect(text).toContain('15,500.00 元')
    expect(text).toContain('乡镇干部 · 堌阳镇 · 2026-11-23 14:15')
    expect(text).toContain('暂无变更记录')
  })

  it('offers 查看明文 only to the township and village roles the server lets reveal', async () => {
    const county = render(() => ({ statusCode: 403 }), 'COUNTY_CADRE')
    await settle()
    expect(county.find('.member-id').exists()).toBe(true)
    expect(county.find('.reveal-id').exists()).toBe(false)
    county.unmount()
    clearSession() // the signed-in user is asked once per session
    const village = render(() => ({ statusCode: 403 }), 'VILLAGE_CADRE')
    await settle()
    expect(village.find('.reveal-id').exists()).toBe(true)
  })

  it('reveals a value with the reason given', async () => {
    const wrapper = render(() => ({ statusCode: 200, data: { field: 'ID_NUMBER', value: '410225197803125170' } }))
    await settle()
    await wrapper.find('.reveal-id').trigger('tap')
    await settle()
    expect(requests.find((r) => path(r) === '/api/households/42/reveal')?.data).toEqual({
      field: 'ID_NUMBER',
      memberId: 5,
      reason: '入户核实',
    })
    expect(wrapper.find('.member-id').text()).toBe('410225197803125170')
    expect(wrapper.find('.reveal-id').exists()).toBe(false)
  })

  it("shows the server's message when revealing is refused", async () => {
    const wrapper = render(() => problem(403, '无权访问', '仅本村、本乡镇干部可以查看明文'))
    await settle()
    await wrapper.find('.reveal-id').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe('仅本村、本乡镇干部可以查看明文')
    expect(wrapper.find('.member-id').text()).toBe('410225********5170')
  })
})
