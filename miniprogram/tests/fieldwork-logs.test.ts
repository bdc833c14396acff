import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import LogEditPage from '@/pages/fieldwork/log-edit.vue'
import LogDetailPage from '@/pages/fieldwork/log-detail.vue'
import LogsPage from '@/pages/fieldwork/logs.vue'
import type { Me, WorkLog } from '@/api/types'
import { newLogBody, type LogFields } from '@/composables/useWorkLogs'
import { setTokens } from '@/stores/session'
import { todayInBeijing } from '@/utils/household'
import { daysBefore } from '@/fieldwork/labels'
import { fakeUni, page, path, posts, problem, requests, serveRoutes, settle } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const VILLAGE = '410225101201'
const resident = { id: 7, name: '陈志强', role: 'RESIDENT_CADRE', level: 5, regionCode: VILLAGE, regionPath: [] } as unknown as Me
const township = { id: 4, name: '王秀兰', role: 'TOWNSHIP_CADRE', level: 4, regionCode: '410225101000', regionPath: [] } as unknown as Me
const here = { latitude: 34.8211, longitude: 114.8189, accuracy: 25 }
const today = todayInBeijing()

const log = (over: Partial<WorkLog> = {}): WorkLog => ({
  id: 61,
  accountId: 7,
  name: '陈志强',
  role: 'RESIDENT_CADRE',
  villageCode: VILLAGE,
  villageName: '任庄村',
  date: today,
  content: '走访 3 户监测户',
  photoIds: [],
  householdIds: [42],
  latitude: here.latitude,
  longitude: here.longitude,
  accuracy: 25,
  comments: [],
  createdAt: '2026-12-06T02:00:00Z',
  ...over,
})

function stubGeolocation(result: typeof here | { code: number }) {
  vi.stubGlobal('navigator', {
    geolocation: {
      getCurrentPosition: (ok: (p: { coords: typeof here }) => void, fail: (e: { code: number }) => void) =>
        'code' in result ? fail(result) : ok({ coords: result }),
    },
  })
}

beforeEach(() => {
  page.query = {}
  vi.unstubAllGlobals()
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

const fields = (over: Partial<LogFields> = {}): LogFields => ({
  villageCode: VILLAGE,
  date: today,
  content: '  走访 3 户  ',
  location: { ...here },
  households: [],
  taskRef: '',
  ...over,
})

describe('log body', () => {
  it('builds NewWorkLog with the position and the households', () => {
    expect(newLogBody(fields({ households: [{ id: 42, headName: '赵大山', householdNo: '1' }] }), today).body).toEqual({
      villageCode: VILLAGE,
      date: today,
      content: '走访 3 户',
      ...here,
      householdIds: [42],
    })
    expect(newLogBody(fields({ location: null }), today).body).toEqual({ villageCode: VILLAGE, date: today, content: '走访 3 户' })
  })

  it('refuses an empty text, a date in the future or more than 7 days back, and no village', () => {
    expect(newLogBody(fields({ content: ' ' }), today).errors.content).toBe('请填写工作内容')
    expect(newLogBody(fields({ date: '2999-01-01' }), today).errors.date).toBe('工作日期不能晚于今天')
    expect(newLogBody(fields({ date: daysBefore(today, 8) }), today).errors.date).toBe('只能补记 7 天内的工作')
    expect(newLogBody(fields({ date: daysBefore(today, 7) }), today).errors).toEqual({})
    expect(newLogBody(fields({ villageCode: '' }), today).errors.villageCode).toBeTruthy()
  })
})

describe('log editor', () => {
  it('takes the position automatically and says so, dates today, and saves with an Idempotency-Key', async () => {
    stubGeolocation(here)
    serveRoutes(resident, { 'POST /api/logs': () => ({ statusCode: 201, data: log() }) })
    const wrapper = mount(LogEditPage)
    await settle()
    expect(wrapper.find('.log-location').text()).toContain('已自动记录当前位置（精度约 25 米）')
    expect(wrapper.find('.log-location').text()).toContain('不会持续定位')
    expect(wrapper.find('.log-date').text()).toContain(today)
    await wrapper.find('.log-content').setValue('走访 3 户监测户')
    await wrapper.find('.btn-log-submit').trigger('tap')
    await settle()
    const sent = posts()[0]
    expect(path(sent)).toBe('/api/logs')
    expect(sent.header['Idempotency-Key']).toBeTruthy()
    expect(sent.data).toEqual({ villageCode: VILLAGE, date: today, content: '走访 3 户监测户', ...here })
    expect(fakeUni.redirectTo).toHaveBeenCalledWith({ url: '/pages/fieldwork/log-detail?id=61' })
  })

  it('saves without a position when it was refused, saying why', async () => {
    stubGeolocation({ code: 1 })
    serveRoutes(resident, { 'POST /api/logs': () => ({ statusCode: 201, data: log() }) })
    const wrapper = mount(LogEditPage)
    await settle()
    expect(wrapper.find('.log-location-none').text()).toContain('未获得定位权限')
    await wrapper.find('.log-content').setValue('开会')
    await wrapper.find('.btn-log-submit').trigger('tap')
    await settle()
    expect(posts()[0].data).toEqual({ villageCode: VILLAGE, date: today, content: '开会' })
  })

  it('puts the server’s field problems of a 400 under the fields, and the rest on top', async () => {
    stubGeolocation(here)
    serveRoutes(resident, {
      'POST /api/logs': () =>
        problem(400, '请求有误', '日志有误', [
          { field: 'body.content', message: '内容含有不允许的字符' },
          { field: 'body.date', message: '工作日期不能早于 7 天前' },
        ]),
    })
    const wrapper = mount(LogEditPage)
    await settle()
    await wrapper.find('.log-content').setValue('x')
    await wrapper.find('.btn-log-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--content').text()).toBe('内容含有不允许的字符')
    expect(wrapper.find('.field-error--date').text()).toBe('工作日期不能早于 7 天前')
    expect(wrapper.find('.error-notice').exists()).toBe(false)

    serveRoutes(resident, { 'POST /api/logs': () => problem(400, '请求有误', '纬度超出范围', [{ field: 'body.latitude', message: '纬度超出范围' }]) })
    await wrapper.find('.btn-log-submit').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe('纬度超出范围')
  })

  it('finds households of the village by number and links them', async () => {
    stubGeolocation(here)
    serveRoutes(resident, {
      'GET /api/households': () => ({
        statusCode: 200,
        data: { items: [{ id: 42, householdNo: '410225101201001', regionCode: VILLAGE, regionName: '任庄村', headName: '赵大山', category: 'MONITORED', riskTypes: [], memberCount: 4 }] },
      }),
      'POST /api/logs': () => ({ statusCode: 201, data: log() }),
    })
    const wrapper = mount(LogEditPage)
    await settle()
    await wrapper.find('.search-household').setValue('410225101201001')
    await wrapper.find('.btn-find-household').trigger('tap')
    await settle()
    const search = requests.find((r) => path(r) === '/api/households')!
    expect(search.url).toContain('householdNo=410225101201001')
    expect(search.url).toContain(`region=${VILLAGE}`)
    await wrapper.find('.found-household').trigger('tap')
    expect(wrapper.find('.log-household').text()).toContain('赵大山')
    await wrapper.find('.log-content').setValue('入户')
    await wrapper.find('.btn-log-submit').trigger('tap')
    await settle()
    expect((posts()[0].data as { householdIds: number[] }).householdIds).toEqual([42])
  })
})

describe('log list and detail', () => {
  it('lists the logs of the period page by page, and exports for the township', async () => {
    serveRoutes(township, {
      'GET /api/logs': (req) =>
        req.url.includes('after=61') ? { statusCode: 200, data: { items: [log({ id: 60 })] } } : { statusCode: 200, data: { items: [log()], nextAfter: 61 } },
    })
    const wrapper = mount(LogsPage)
    await settle()
    expect(wrapper.findAll('.log-row')).toHaveLength(1)
    expect(requests.find((r) => path(r) === '/api/logs')?.url).toContain(`from=${today.slice(0, 7)}-01`)
    await wrapper.find('.btn-more').trigger('tap')
    await settle()
    expect(wrapper.findAll('.log-row')).toHaveLength(2)
    expect(wrapper.find('.btn-export-logs').exists()).toBe(true)
    expect(wrapper.find('.btn-write-log').exists()).toBe(false)
  })

  it('offers writing, not exporting, to the resident cadre', async () => {
    serveRoutes(resident, { 'GET /api/logs': () => ({ statusCode: 200, data: { items: [] } }) })
    const wrapper = mount(LogsPage)
    await settle()
    expect(wrapper.find('.btn-write-log').exists()).toBe(true)
    expect(wrapper.find('.btn-export-logs').exists()).toBe(false)
    expect(wrapper.find('.logs-empty').exists()).toBe(true)
  })

  it('shows a log on its map, and lets the township comment', async () => {
    page.query = { id: '61' }
    serveRoutes(township, {
      'GET /api/logs/61': () => ({ statusCode: 200, data: log() }),
      'POST /api/logs/61/comments': (req) => ({
        statusCode: 201,
        data: log({ comments: [{ id: 1, name: '王秀兰', role: 'TOWNSHIP_CADRE', content: (req.data as { content: string }).content, at: '2026-12-06T03:00:00Z' }] }),
      }),
    })
    const wrapper = mount(LogDetailPage)
    await settle()
    expect(wrapper.find('.log-content').text()).toBe('走访 3 户监测户')
    expect(wrapper.find('.log-map').exists()).toBe(true)
    await wrapper.find('.btn-comment').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--comment').text()).toBe('请填写批注内容')
    expect(posts()).toHaveLength(0)
    await wrapper.find('.log-comment').setValue('请把医疗报销进度写清楚')
    await wrapper.find('.btn-comment').trigger('tap')
    await settle()
    expect(posts()[0].data).toEqual({ content: '请把医疗报销进度写清楚' })
    expect(wrapper.find('.comment__text').text()).toBe('请把医疗报销进度写清楚')
  })

  it('has no comment box for the resident cadre', async () => {
    page.query = { id: '61' }
    serveRoutes(resident, { 'GET /api/logs/61': () => ({ statusCode: 200, data: log({ latitude: null, longitude: null }) }) })
    const wrapper = mount(LogDetailPage)
    await settle()
    expect(wrapper.find('.btn-comment').exists()).toBe(false)
    expect(wrapper.find('.log-no-location').exists()).toBe(true)
  })
})
