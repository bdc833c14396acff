import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import HomePage from '@/pages/home/index.vue'
import { setTokens } from '@/stores/session'
import { fakeUni, path, requests, serve } from './fake-uni'

vi.mock('@dcloudio/uni-app', async () => {
  const { onMounted } = await import('vue')
  return { onShow: (fn: () => void) => onMounted(fn), onLoad: (fn: () => void) => onMounted(fn), onLaunch: () => {} }
})

const henanPath = [
  { code: '410000000000', name: '河南省', level: 1 },
  { code: '410200000000', name: '开封市', level: 2 },
  { code: '410225000000', name: '兰考县', level: 3 },
  { code: '410225101000', name: '堌阳镇', level: 4 },
  { code: '410225101201', name: '任庄村', level: 5 },
]

function meAs(role: string, level: number, extra: Record<string, unknown> = {}) {
  return {
    id: 1,
    name: '测试用户',
    role,
    level,
    regionCode: henanPath[level - 1].code,
    householdId: null,
    regionPath: henanPath.slice(0, level),
    ...extra,
  }
}

async function render(me: ReturnType<typeof meAs>) {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
  serve((req) => {
    if (path(req) === '/api/me') return { statusCode: 200, data: me }
    if (path(req).endsWith('/children'))
      return { statusCode: 200, data: [{ code: '410225101201', name: '任庄村', level: 5, parentCode: '410225101000' }] }
    if (path(req) === '/auth/logout') return { statusCode: 204 }
    return { statusCode: 404, data: { type: 't', title: '未找到', status: 404 } }
  })
  const wrapper = mount(HomePage)
  // /api/me and then the children: two fake round trips, with room for a loaded machine.
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  await flushPromises()
  return wrapper
}

describe('home page', () => {
  it('shows a farmer their name, role, region path and the missing household', async () => {
    const wrapper = await render(meAs('FARMER', 5, { name: '赵大山' }))
    const text = wrapper.text()
    expect(text).toContain('您好，赵大山')
    expect(wrapper.find('.tag--role').text()).toBe('农户')
    expect(text).toContain('河南省 / 开封市 / 兰考县 / 堌阳镇 / 任庄村')
    expect(text).toContain('尚未绑定农户')
    expect(text).not.toContain('下级区划')
    expect(requests.some((r) => path(r).endsWith('/children'))).toBe(false)
  })

  it('lists the villages under a township cadre', async () => {
    const wrapper = await render(meAs('TOWNSHIP_CADRE', 4, { name: '王秀兰', position: '副镇长' }))
    expect(wrapper.find('.tag--role').text()).toBe('乡镇干部')
    expect(wrapper.text()).toContain('副镇长')
    expect(wrapper.find('.level').text()).toBe('乡级')
    expect(requests.map(path)).toContain('/api/regions/410225101000/children')
    expect(wrapper.findAll('.region-item').map((w) => w.text())).toEqual(['任庄村410225101201'])
    expect(wrapper.findAll('.link-card').map((w) => w.text().replace('›', '').trim())).toEqual([
      '扫一扫',
      '工作台 · 待办',
      '辖区在办案件',
      '工单待办',
      '通报',
      '统计',
      '查政策',
      '政策找人',
      '农户查询',
    ])
    await wrapper.find('.link-ticket-stats').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/tickets/stats' })
    await wrapper.find('.link-workbench').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/workbench/index' })
    await wrapper.find('.link-cases').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/index' })
    await wrapper.find('.link-households').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/households/index' })
    // In a browser there is no camera scanner: the scan page takes the code instead.
    await wrapper.find('.link-scan').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/scan/index' })
  })

  it('tells a village cadre there are no lower regions', async () => {
    const wrapper = await render(meAs('VILLAGE_CADRE', 5))
    expect(wrapper.text()).toContain('无下级区划')
    expect(requests.some((r) => path(r).endsWith('/children'))).toBe(false)
  })

  it('links account managers to the accounts page and logs out', async () => {
    const wrapper = await render(meAs('ACCOUNT_MANAGER', 3, { name: '孙丽' }))
    expect(wrapper.find('.tag--role').text()).toBe('账号管理员')
    expect(wrapper.find('.link-households').exists()).toBe(false)
    await wrapper.find('.link-card').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/accounts/index' })
    await wrapper.find('.btn-logout').trigger('tap')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
    await flushPromises()
    expect(requests.find((r) => path(r) === '/auth/logout')?.data).toEqual({ refreshToken: 'R' })
    expect(fakeUni.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })
})
