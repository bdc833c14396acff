import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ScanPage from '@/pages/scan/index.vue'
import { startScan, useScan, UNRECOGNIZED_CODE } from '@/composables/useScan'
import { setTokens } from '@/stores/session'
import { setPlatformForTesting } from '@/utils/platform'
import { extractQrCode, scanOutcome, takePendingScan } from '@/utils/qr'
import { fakeUni, path, problem, requests, serve } from './fake-uni'

const query: { value: Record<string, string> } = { value: {} }

vi.mock('@dcloudio/uni-app', async () => {
  const { onMounted } = await import('vue')
  return {
    onShow: (fn: () => void) => onMounted(fn),
    onLoad: (fn: (q: Record<string, string>) => void) => onMounted(() => fn(query.value)),
    onLaunch: () => {},
  }
})

const HOUSEHOLD_CODE = 'H42-abcdefghjk-0123456789abcdef'
const VILLAGE_CODE = 'V410225101201-fedcba9876543210'
const LINK = `http://localhost:8080/#/pages/scan/index?c=${HOUSEHOLD_CODE}`

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
}

function me(role: string, householdId: number | null = null) {
  return { id: 1, name: '测试', role, level: 5, regionCode: '410225101201', householdId, regionPath: [] }
}

/** /api/qr/{code} answers by code; /api/me by role. */
function serveQr(role: string, answers: Record<string, { statusCode: number; data?: unknown }>) {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
  serve((req) => {
    if (path(req) === '/api/me') return { statusCode: 200, data: me(role) }
    const code = decodeURIComponent(path(req).replace('/api/qr/', ''))
    return answers[code] ?? problem(404, '未找到', '无法识别的二维码')
  })
}

describe('scanned text', () => {
  it('finds the code in the link, the link as WeChat hands it over, or the bare code', () => {
    expect(extractQrCode(LINK)).toBe(HOUSEHOLD_CODE)
    expect(extractQrCode(encodeURIComponent(LINK))).toBe(HOUSEHOLD_CODE)
    expect(extractQrCode(`https://dixian.example/#/pages/scan/index?c=${encodeURIComponent(VILLAGE_CODE)}&from=poster`)).toBe(VILLAGE_CODE)
    expect(extractQrCode(` ${VILLAGE_CODE} `)).toBe(VILLAGE_CODE)
    expect(extractQrCode('https://weixin.qq.com/r/some-other-code')).toBeNull()
    expect(extractQrCode('')).toBeNull()
    expect(extractQrCode(undefined)).toBeNull()
  })

  it('routes a cadre to the household and everyone else to what was scanned', () => {
    const household = { kind: 'HOUSEHOLD', householdId: 42, regionCode: '410225101201', regionName: '任庄村' }
    expect(scanOutcome(household, 'VILLAGE_CADRE')).toEqual({ kind: 'open', url: '/pages/households/detail?id=42' })
    expect(scanOutcome(household, 'ACCOUNT_MANAGER')).toEqual({ kind: 'unknown' })
    expect(scanOutcome({ kind: 'DECLARE', householdId: 42, regionCode: '410225101201', regionName: '任庄村' }, 'FARMER')).toEqual({
      kind: 'declare',
      regionCode: '410225101201',
      regionName: '任庄村',
      ownHousehold: true,
    })
    expect(scanOutcome({ kind: 'DECLARE', regionCode: '410225101201', regionName: '任庄村' }, 'FARMER')).toMatchObject({ ownHousehold: false })
    expect(scanOutcome({ kind: 'VILLAGE', regionCode: '410225101201', regionName: '任庄村' }, 'FARMER')).toEqual({
      kind: 'village',
      regionCode: '410225101201',
      regionName: '任庄村',
    })
    expect(scanOutcome({ kind: 'SOMETHING_NEW', regionCode: '410225101201' }, 'FARMER')).toEqual({ kind: 'unknown' })
  })
})

describe('scan page', () => {
  it('takes a cadre from ?c= straight to the household page', async () => {
    serveQr('COUNTY_CADRE', {
      [HOUSEHOLD_CODE]: { statusCode: 200, data: { kind: 'HOUSEHOLD', householdId: 42, regionCode: '410225101201', regionName: '任庄村' } },
    })
    query.value = { c: HOUSEHOLD_CODE }
    mount(ScanPage)
    await settle()
    expect(requests.some((r) => path(r) === `/api/qr/${HOUSEHOLD_CODE}`)).toBe(true)
    expect(fakeUni.redirectTo).toHaveBeenCalledWith({ url: '/pages/households/detail?id=42' })
  })

  it('shows a farmer the village of the scanned household and opens the declaration there', async () => {
    serveQr('FARMER', {
      [HOUSEHOLD_CODE]: { statusCode: 200, data: { kind: 'DECLARE', regionCode: '410225101201', regionName: '任庄村' } },
    })
    query.value = { q: encodeURIComponent(LINK) }
    const wrapper = mount(ScanPage)
    await settle()
    expect(fakeUni.redirectTo).not.toHaveBeenCalled()
    expect(wrapper.find('.scan-village').text()).toBe('任庄村')
    expect(wrapper.find('.scan-target').text()).toContain('任庄村一户农户')
    expect(wrapper.text()).not.toContain('即将开放')
    expect(wrapper.find('form').exists()).toBe(false)
    await wrapper.find('.btn-scan-declare').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({
      url: `/pages/cases/declare?village=410225101201&name=${encodeURIComponent('任庄村')}`,
    })
  })

  it('shows a village code by its village', async () => {
    serveQr('FARMER', {
      [VILLAGE_CODE]: { statusCode: 200, data: { kind: 'VILLAGE', regionCode: '410225101201', regionName: '任庄村' } },
    })
    query.value = {}
    const wrapper = mount(ScanPage)
    await settle()
    await wrapper.find('.scan-input').setValue(VILLAGE_CODE)
    await wrapper.find('.btn-resolve').trigger('tap')
    await settle()
    expect(wrapper.text()).toContain('村级二维码')
    expect(wrapper.find('.scan-village').text()).toBe('任庄村')
    await wrapper.find('.btn-scan-declare').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({
      url: `/pages/cases/declare?village=410225101201&name=${encodeURIComponent('任庄村')}`,
    })
  })

  it("shows the server's Chinese message for a revoked code and a local one for foreign codes", async () => {
    serveQr('VILLAGE_CADRE', { [HOUSEHOLD_CODE]: problem(404, '未找到', '二维码已失效，请向村干部索取新码') })
    query.value = { c: HOUSEHOLD_CODE }
    const wrapper = mount(ScanPage)
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe('二维码已失效，请向村干部索取新码')
    expect(fakeUni.redirectTo).not.toHaveBeenCalled()

    await wrapper.find('.scan-input').setValue('https://example.com/pay?id=1')
    await wrapper.find('.btn-resolve').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(UNRECOGNIZED_CODE)
  })

  it('keeps the code for after login when nobody is signed in', async () => {
    const scan = useScan()
    expect(await scan.resolve(LINK)).toBeNull()
    expect(fakeUni.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
    expect(requests).toHaveLength(0)
    expect(takePendingScan()).toBe(HOUSEHOLD_CODE)
    expect(takePendingScan()).toBeNull()
  })

  it('opens the camera in the mini-program and goes to the scan page with the code', async () => {
    setPlatformForTesting('mp-weixin')
    fakeUni.scanCode.mockImplementationOnce((options: { success?: (res: { result: string }) => void }) => options.success?.({ result: LINK }))
    await startScan()
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: `/pages/scan/index?c=${encodeURIComponent(HOUSEHOLD_CODE)}` })

    fakeUni.scanCode.mockImplementationOnce((options: { fail?: (err: { errMsg: string }) => void }) => options.fail?.({ errMsg: 'scanCode:fail cancel' }))
    await startScan()
    expect(fakeUni.navigateTo).toHaveBeenCalledTimes(1)
    expect(fakeUni.showToast).not.toHaveBeenCalled()
  })
})
