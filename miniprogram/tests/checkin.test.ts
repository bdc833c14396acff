import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import CheckinButton from '@/components/fieldwork/CheckinButton.vue'
import CheckinDetailPage from '@/pages/fieldwork/checkin-detail.vue'
import MinePage from '@/pages/fieldwork/mine.vue'
import type { Checkin, Me } from '@/api/types'
import { NEED_FIELD_REASON, NO_LOCATION_IN_BROWSER, useCheckin } from '@/composables/useCheckin'
import { checkinPlaceText, distanceText } from '@/fieldwork/labels'
import { pointMap } from '@/fieldwork/map'
import { setTokens } from '@/stores/session'
import { setPlatformForTesting } from '@/utils/platform'
import { fakeUni, page, path, posts, problem, requests, serveRoutes, settle, type FakeRequest } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const me: Me = { id: 7, name: '陈志强', role: 'RESIDENT_CADRE', level: 5, regionCode: '410225101201', regionPath: [] } as Me
const here = { latitude: 34.8211, longitude: 114.8189, accuracy: 18 }
const target = { task: 'DUTY_DAY' as const, taskRef: 'team:5', villageCode: '410225101201' }

const checkin = (over: Partial<Checkin> = {}): Checkin => ({
  id: 301,
  accountId: 7,
  name: '陈志强',
  task: 'DUTY_DAY',
  taskRef: 'team:5',
  villageCode: '410225101201',
  villageName: '任庄村',
  at: '2026-12-06T01:30:00Z',
  date: '2026-12-06',
  latitude: here.latitude,
  longitude: here.longitude,
  accuracy: 18,
  distanceMeters: 120.4,
  inside: true,
  flags: [],
  ...over,
})

const body = (req: FakeRequest) => req.data as Record<string, unknown>
const key = (req: FakeRequest) => req.header['Idempotency-Key']

beforeEach(() => {
  page.query = {}
  vi.unstubAllGlobals()
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('useCheckin', () => {
  it('says clearly when the position is refused in the mini-program, and sends nothing', async () => {
    setPlatformForTesting('mp-weixin')
    fakeUni.getLocation.mockImplementation((o: { type: string; fail: (e: { errMsg: string }) => void }) => o.fail({ errMsg: 'getLocation:fail auth deny' }))
    serveRoutes(me, {})
    const c = useCheckin(() => target)
    expect(await c.checkIn()).toBeNull()
    expect(fakeUni.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'gcj02' }))
    expect(c.error.value).toBe('未获得定位权限，请在设置中允许使用位置信息后重试')
    expect(posts()).toHaveLength(0)
  })

  it('tells the browser without geolocation to check in from the mini-program', async () => {
    vi.stubGlobal('navigator', {})
    const c = useCheckin(() => target)
    await c.checkIn()
    expect(c.error.value).toBe(NO_LOCATION_IN_BROWSER)
  })

  it('inside the village: posts the work, the position with its accuracy and the phone time, with an Idempotency-Key', async () => {
    serveRoutes(me, { 'POST /api/checkins': () => ({ statusCode: 201, data: checkin() }) })
    const c = useCheckin(() => target, { locate: async () => ({ ...here }) })
    const done = await c.checkIn()
    expect(done?.id).toBe(301)
    const sent = posts()[0]
    expect(path(sent)).toBe('/api/checkins')
    expect(key(sent)).toMatch(/^[0-9a-f-]{36}$/)
    expect(body(sent)).toMatchObject({ task: 'DUTY_DAY', taskRef: 'team:5', villageCode: '410225101201', ...here })
    expect(typeof body(sent).clientTime).toBe('string')
    expect(body(sent).fieldReason).toBeUndefined()
    expect(c.repeated.value).toBe(false)
    expect(checkinPlaceText(c.result.value!)).toBe('在村范围内，距村中心约 120 米')
  })

  it('outside: asks for the 外勤 reason, then sends the same attempt again with the same key and position', async () => {
    let answered = 0
    serveRoutes(me, {
      'POST /api/checkins': (req) => {
        answered++
        if (!body(req).fieldReason) return problem(400, '请求有误', '不在村范围内', [{ field: 'body.fieldReason', message: '距村中心约 2.4 公里，外勤须填写原因' }])
        return { statusCode: 201, data: checkin({ inside: false, distanceMeters: 2400, fieldReason: String(body(req).fieldReason) }) }
      },
    })
    const locate = vi.fn(async () => ({ ...here }))
    const c = useCheckin(() => target, { locate })
    expect(await c.checkIn()).toBeNull()
    expect(c.needReason.value).toBe(true)
    expect(c.reasonNote.value).toBe('距村中心约 2.4 公里，外勤须填写原因')
    expect(c.error.value).toBe('')

    // No reason typed: asked for before the server.
    expect(await c.checkIn()).toBeNull()
    expect(c.reasonError.value).toBe(NEED_FIELD_REASON)
    expect(answered).toBe(1)

    c.reason.value = '  随乡镇到县医院协调住院报销  '
    const done = await c.checkIn()
    expect(done?.inside).toBe(false)
    const [first, second] = posts()
    expect(key(second)).toBe(key(first))
    expect(body(second)).toMatchObject({ latitude: here.latitude, longitude: here.longitude, accuracy: here.accuracy, fieldReason: '随乡镇到县医院协调住院报销' })
    expect(locate).toHaveBeenCalledTimes(1)
    expect(c.needReason.value).toBe(false)
    expect(checkinPlaceText(c.result.value!)).toBe('外勤，距村中心约 2.4 公里')

    // The next check-in is a new attempt.
    await c.checkIn()
    expect(key(posts()[2])).not.toBe(key(first))
  })

  it('retries once after a lost answer with the same key', async () => {
    let calls = 0
    serveRoutes(me, { 'POST /api/checkins': () => (++calls === 1 ? 'network-error' : { statusCode: 201, data: checkin() }) })
    const c = useCheckin(() => target, { locate: async () => ({ ...here }) })
    await c.checkIn()
    expect(posts()).toHaveLength(2)
    expect(key(posts()[1])).toBe(key(posts()[0]))
    expect(c.result.value?.id).toBe(301)
  })

  it('shows the server refusal that is not about the reason on top', async () => {
    serveRoutes(me, { 'POST /api/checkins': () => problem(403, '无权操作', '只能在本人所在的村签到') })
    const c = useCheckin(() => target, { locate: async () => ({ ...here }) })
    await c.checkIn()
    expect(c.error.value).toBe('只能在本人所在的村签到')
    expect(c.needReason.value).toBe(false)
  })
})

describe('check-in button', () => {
  const mountButton = () =>
    mount(CheckinButton, { props: { task: 'HOME_VISIT', taskRef: 'case:91', villageCode: '410225101201', locate: async () => ({ ...here }) } })

  it('shows a repeated check-in of the same work today (answered 200) as 已签到, with flags in plain words', async () => {
    serveRoutes(me, {
      'POST /api/checkins': () => ({ statusCode: 200, data: checkin({ task: 'HOME_VISIT', taskRef: 'case:91', flags: ['LOW_ACCURACY', 'CLIENT_TIME_SKEW'] }) }),
    })
    const wrapper = mountButton()
    expect(wrapper.find('.btn-checkin').text()).toBe('签到（入户走访）')
    await wrapper.find('.btn-checkin').trigger('tap')
    await settle()
    expect(wrapper.find('.checkin-result__title').text()).toContain('已签到')
    expect(wrapper.find('.checkin-result-place').text()).toBe('在村范围内，距村中心约 120 米')
    expect(wrapper.findAll('.checkin-flag').map((f) => f.text())).toEqual(['提示：定位精度较差（超过 500 米）', '提示：手机时间与服务器相差超过 10 分钟'])
    expect(wrapper.find('.btn-checkin').exists()).toBe(false)
    await wrapper.find('.link-checkin-detail').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/fieldwork/checkin-detail?id=301' })
  })

  it('shows 签到成功 for a new one, and the reason field after a 外勤 refusal', async () => {
    let first = true
    serveRoutes(me, {
      'POST /api/checkins': () => {
        if (first) {
          first = false
          return problem(400, '请求有误', undefined, [{ field: 'body.fieldReason', message: '不在村范围内，请填写外勤原因' }])
        }
        return { statusCode: 201, data: checkin({ inside: false, distanceMeters: 800, fieldReason: '县里开会' }) }
      },
    })
    const wrapper = mountButton()
    await wrapper.find('.btn-checkin').trigger('tap')
    await settle()
    expect(wrapper.find('.checkin-reason-note').text()).toBe('不在村范围内，请填写外勤原因')
    expect(wrapper.find('.btn-checkin').text()).toBe('提交外勤签到')
    await wrapper.find('.checkin-reason').setValue('县里开会')
    await wrapper.find('.btn-checkin').trigger('tap')
    await settle()
    expect(wrapper.find('.checkin-result__title').text()).toBe('签到成功')
    expect(wrapper.find('.checkin-result--field').exists()).toBe(true)
    expect(wrapper.find('.checkin-result-reason').text()).toBe('外勤原因：县里开会')
  })
})

describe('check-in records', () => {
  it('lists my check-ins of the month chosen, each opening its detail', async () => {
    serveRoutes(me, { 'GET /api/me/checkins': () => ({ statusCode: 200, data: [checkin(), checkin({ id: 302, inside: null, distanceMeters: null, flags: ['NO_GEOFENCE'] })] }) })
    const wrapper = mount(MinePage)
    await settle()
    expect(requests.find((r) => path(r) === '/api/me/checkins')?.url).toMatch(/month=\d{4}-\d{2}/)
    const rows = wrapper.findAll('.checkin-row')
    expect(rows).toHaveLength(2)
    expect(rows[1].find('.checkin-row-place').text()).toBe('本村未设置签到范围，未判断是否在村')
    await wrapper.find('.mine-month').trigger('change', { detail: { value: '2026-10' } })
    await settle()
    expect(requests.filter((r) => path(r) === '/api/me/checkins').pop()?.url).toContain('month=2026-10')
    await rows[0].trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/fieldwork/checkin-detail?id=301' })
  })

  it('shows one check-in on a map with the village circle', async () => {
    page.query = { id: '301' }
    serveRoutes(me, {
      'GET /api/checkins/301': () => ({ statusCode: 200, data: checkin({ inside: false, distanceMeters: 1500, fieldReason: '县里开会' }) }),
      'GET /api/villages/410225101201/geofence': () => ({
        statusCode: 200,
        data: { villageCode: '410225101201', latitude: 34.82, longitude: 114.82, radiusMeters: 800 },
      }),
    })
    const wrapper = mount(CheckinDetailPage)
    await settle()
    expect(wrapper.find('.checkin-place').text()).toBe('外勤，距村中心约 1.5 公里')
    expect(wrapper.find('.checkin-reason').text()).toBe('县里开会')
    expect(wrapper.find('.checkin-map').exists()).toBe(true)
  })

  it('builds the map of a point and the circle, and no circle without a village centre', () => {
    const view = pointMap(here, '签到位置', { villageCode: '410225101201', latitude: 34.82, longitude: 114.82, radiusMeters: 800 })
    expect(view?.markers[0]).toMatchObject({ latitude: here.latitude, longitude: here.longitude })
    expect(view?.circles).toEqual([expect.objectContaining({ latitude: 34.82, longitude: 114.82, radius: 800 })])
    expect(pointMap(here, '签到位置', { villageCode: '410225101201', latitude: null, longitude: null, radiusMeters: 500 })?.circles).toEqual([])
    expect(pointMap({ latitude: null, longitude: null }, 'x')).toBeNull()
    expect(distanceText(999.6)).toBe('约 1000 米')
    expect(distanceText(null)).toBe('')
  })
})
