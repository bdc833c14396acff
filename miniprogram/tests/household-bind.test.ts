import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import HomePage from '@/pages/home/index.vue'
import { bindHousehold, searchQuery, useBindForm } from '@/composables/useHouseholds'
import { session, setTokens } from '@/stores/session'
import { fakeUni, path, problem, requests, serve, storedValue } from './fake-uni'

vi.mock('@dcloudio/uni-app', async () => {
  const { onMounted } = await import('vue')
  return { onShow: (fn: () => void) => onMounted(fn), onLoad: (fn: () => void) => onMounted(fn), onLaunch: () => {} }
})

const OLD = { accessToken: 'A0', refreshToken: 'R0', tokenType: 'Bearer', expiresIn: 900 }
const BOUND = { accessToken: 'A1', refreshToken: 'R1', tokenType: 'Bearer', expiresIn: 900 }
const regionPath = [{ code: '410225101201', name: '任庄村', level: 5 }]
const farmer = (householdId: number | null) => ({
  id: 9,
  name: '赵大山',
  role: 'FARMER',
  level: 5,
  regionCode: '410225101201',
  householdId,
  regionPath,
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
    {
      id: 5,
      name: '赵大山',
      idNumber: '410225********1234',
      gender: 'MALE',
      birthDate: '1970-01-01',
      age: 56,
      relation: 'HEAD',
      phone: '139****5678',
    },
  ],
  incomes: [],
  version: 0,
}

/** Each fake answer arrives on a timer: let a few round trips complete. */
const settle = async () => {
  for (let i = 0; i < 6; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
  await flushPromises()
}

/** A fake server where the access token tells whether the farmer is bound yet. */
function serveBinding() {
  serve((req) => {
    const bearer = req.header.Authorization
    if (path(req) === '/api/me/household/bind') {
      const body = req.data as { idNumber: string }
      if (body.idNumber !== '41022519700101123X') return problem(403, '核对未通过', '姓名、身份证号或手机号不匹配')
      return { statusCode: 200, data: BOUND }
    }
    if (path(req) === '/api/me') return { statusCode: 200, data: farmer(bearer === 'Bearer A1' ? 42 : null) }
    if (path(req) === '/api/households/42') return { statusCode: 200, data: household }
    if (path(req) === '/api/households/42/timeline')
      return {
        statusCode: 200,
        data: [
          {
            id: 1,
            type: 'CREATED',
            actorRole: 'INFO_OFFICER',
            at: '2026-11-23T02:00:00Z',
            changes: [{ field: 'category', from: null, to: 'MONITORED' }],
          },
        ],
      }
    if (path(req) === '/api/households/42/viewers')
      return {
        statusCode: 200,
        data: [{ kind: 'VIEW', actorRole: 'TOWNSHIP_CADRE', actorRegionName: '堌阳镇', at: '2026-11-23T06:15:00Z' }],
      }
    return { statusCode: 404, data: { type: 't', title: '未找到', status: 404 } }
  })
}

describe('household binding', () => {
  it('replaces the token pair with the one that carries the household and reloads /api/me', async () => {
    setTokens(OLD)
    serveBinding()
    const me = await bindHousehold({ name: '赵大山', idNumber: '41022519700101123X', phone: '13900005678' })
    expect(me.householdId).toBe(42)
    expect(session.tokens).toEqual(BOUND)
    expect(storedValue('dixian.tokens')).toEqual(BOUND)
    expect(session.me?.householdId).toBe(42)
    const bind = requests.find((r) => path(r) === '/api/me/household/bind')!
    expect(bind.header.Authorization).toBe('Bearer A0')
    const meCalls = requests.filter((r) => path(r) === '/api/me')
    expect(meCalls[meCalls.length - 1]?.header.Authorization).toBe('Bearer A1')
  })

  it('keeps the old tokens and shows the server message when the check fails', async () => {
    setTokens(OLD)
    serveBinding()
    const onBound = vi.fn()
    const form = useBindForm(onBound)
    form.fields.name = '赵大山'
    form.fields.idNumber = '410225197001010000'
    expect(await form.submit()).toBeNull()
    expect(form.error.value).toBe('姓名、身份证号或手机号不匹配')
    expect(session.tokens).toEqual(OLD)
    expect(onBound).not.toHaveBeenCalled()
  })

  it('asks for the name and ID number before calling the server', async () => {
    setTokens(OLD)
    serveBinding()
    const form = useBindForm(() => {})
    expect(await form.submit()).toBeNull()
    expect(form.errors.value).toEqual({ name: '请输入姓名', idNumber: '请输入身份证号' })
    expect(requests).toHaveLength(0)
  })

  it('binds from the farmer home and then shows the household window', async () => {
    setTokens(OLD)
    serveBinding()
    const wrapper = mount(HomePage)
    await settle()
    expect(wrapper.text()).toContain('绑定我家')
    await wrapper.find('.bind-name').setValue('赵大山')
    await wrapper.find('.bind-id').setValue('41022519700101123x')
    await wrapper.find('.bind-phone').setValue('13900005678')
    await wrapper.find('.btn-bind').trigger('tap')
    await settle()
    expect(requests.find((r) => path(r) === '/api/me/household/bind')?.data).toEqual({
      name: '赵大山',
      idNumber: '41022519700101123X',
      phone: '13900005678',
    })
    expect(fakeUni.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '绑定成功' }))
    const text = wrapper.text()
    expect(text).not.toContain('绑定我家')
    expect(text).toContain('农户视窗')
    expect(text).toContain('监测对象')
    expect(text).toContain('边缘易致贫户')
    expect(text).toContain('410225********1234')
    expect(text).toContain('登记农户')
    expect(text).toContain('乡镇干部 · 堌阳镇 · 2026-11-23 14:15')
    expect(wrapper.find('.reveal-id').exists()).toBe(false)
  })
})

describe('household search query', () => {
  it('drops blank fields and normalises the ID number', () => {
    expect(
      searchQuery({ name: ' 张 ', householdNo: '', idNumber: '41022519700101123x', phoneLast4: '', category: 'LIFTED', riskType: '' }),
    ).toEqual({ name: '张', idNumber: '41022519700101123X', category: 'LIFTED' })
  })
})
