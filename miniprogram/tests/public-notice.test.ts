import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import NoticePage from '@/pages/public/notice.vue'
import HomePage from '@/pages/home/index.vue'
import type { Me, VillageNoticeBoard } from '@/api/types'
import { publicApi } from '@/api/endpoints'
import { BAD_VILLAGE, OBJECTION_CLOSED, OBJECTION_TOO_MANY, newObjectionBody } from '@/composables/usePublicNotice'
import { clearSession, isLoggedIn, setTokens } from '@/stores/session'
import { fakeUni, page, path, problem, requests, serve, settle } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const VILLAGE = '410225101201'

const board = (): VillageNoticeBoard => ({
  villageCode: VILLAGE,
  villageName: '任庄村',
  notices: [
    {
      caseId: 91,
      headName: '赵*',
      memberCount: 4,
      riskTypes: ['ILLNESS', 'DISASTER'],
      reviewOpinion: '因病支出大，同意纳入监测',
      publishedOn: '2026-11-23',
      endsOn: '2026-11-30',
    },
  ],
})

let objectionAnswer: () => { statusCode: number; data?: unknown } = () => ({ statusCode: 201, data: { id: 5, caseId: 91, filedAt: '2026-11-24T02:00:00Z' } })

function serveBoard() {
  serve((req) => {
    const p = path(req)
    if (p === `/api/public/villages/${VILLAGE}/notices`) return { statusCode: 200, data: board() }
    if (p === '/api/public/notices/91/objections') return objectionAnswer()
    return problem(404, '未找到')
  })
}

beforeEach(() => {
  page.query = { village: VILLAGE }
  objectionAnswer = () => ({ statusCode: 201, data: { id: 5, caseId: 91, filedAt: '2026-11-24T02:00:00Z' } })
})

describe('objection form checks', () => {
  it('needs the content; name and phone are optional but checked', () => {
    expect(newObjectionBody({ content: ' 他家有车 ', contactName: '', contactPhone: '' })).toEqual({ body: { content: '他家有车' }, errors: {} })
    expect(newObjectionBody({ content: 'x', contactName: ' 王某 ', contactPhone: '13912345678' }).body).toEqual({
      content: 'x',
      contactName: '王某',
      contactPhone: '13912345678',
    })
    expect(newObjectionBody({ content: '', contactName: '', contactPhone: '' }).errors.content).toBe('请填写异议内容')
    expect(newObjectionBody({ content: 'x', contactName: '', contactPhone: '1391234' }).errors.contactPhone).toBe('请填写 11 位手机号，或不填')
    expect(newObjectionBody({ content: 'x', contactName: '名'.repeat(21), contactPhone: '' }).errors.contactName).toBeTruthy()
    expect(newObjectionBody({ content: 'x'.repeat(501), contactName: '', contactPhone: '' }).errors.content).toBeTruthy()
  })
})

describe('public requests', () => {
  it('carry no token even when signed in, and a 401 never leads to the login page', async () => {
    setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
    serve(() => ({ statusCode: 401, data: { title: '未登录或登录已失效', status: 401 } }))
    await expect(publicApi.villageNotices(VILLAGE)).rejects.toMatchObject({ status: 401 })
    expect(requests).toHaveLength(1)
    expect(requests[0].header.Authorization).toBeUndefined()
    expect(fakeUni.reLaunch).not.toHaveBeenCalled()
    expect(isLoggedIn()).toBe(true)
  })
})

describe('village notice page', () => {
  it('shows the notice to someone not signed in and takes an objection', async () => {
    clearSession()
    serveBoard()
    const wrapper = mount(NoticePage)
    await settle()
    expect(fakeUni.reLaunch).not.toHaveBeenCalled()
    expect(wrapper.find('.notice-village').text()).toBe('任庄村 村级公示')
    expect(wrapper.find('.notice__name').text()).toBe('赵*')
    expect(wrapper.find('.notice-risks').text()).toBe('因病、因灾')
    expect(wrapper.find('.notice-period').text()).toBe('2026-11-23 至 2026-11-30')
    expect(wrapper.text()).toContain('家庭人口 4 人')
    expect(wrapper.text()).toContain('因病支出大，同意纳入监测')

    await wrapper.find('.btn-object').trigger('tap')
    await wrapper.find('.objection-phone').setValue('123')
    await wrapper.find('.btn-send-objection').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--content').text()).toBe('请填写异议内容')
    expect(wrapper.find('.field-error--contactPhone').exists()).toBe(true)
    expect(requests.some((r) => r.method === 'POST')).toBe(false)

    await wrapper.find('.objection-content').setValue('他家去年新建了楼房')
    await wrapper.find('.objection-phone').setValue('')
    await wrapper.find('.btn-send-objection').trigger('tap')
    await settle()
    const sent = requests.find((r) => r.method === 'POST')
    expect(path(sent!)).toBe('/api/public/notices/91/objections')
    expect(sent?.data).toEqual({ content: '他家去年新建了楼房' })
    expect(sent?.header.Authorization).toBeUndefined()
    expect(wrapper.find('.objection-receipt').text()).toContain('编号 5')
    expect(wrapper.find('.objection-form').exists()).toBe(false)
  })

  it('says in Chinese when objections come too often (429) or the notice is over (409)', async () => {
    serveBoard()
    const wrapper = mount(NoticePage)
    await settle()
    objectionAnswer = () => ({ statusCode: 429, data: { title: 'Too Many Requests', status: 429 } })
    await wrapper.find('.btn-object').trigger('tap')
    await wrapper.find('.objection-content').setValue('有异议')
    await wrapper.find('.btn-send-objection').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(OBJECTION_TOO_MANY)
    objectionAnswer = () => ({ statusCode: 409, data: { title: 'Conflict', status: 409 } })
    await wrapper.find('.btn-send-objection').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(OBJECTION_CLOSED)
  })

  it('refuses a malformed village code without asking', async () => {
    page.query = { village: '4102' }
    const wrapper = mount(NoticePage)
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(BAD_VILLAGE)
    expect(requests).toHaveLength(0)
  })

  it('says so when nothing is on notice', async () => {
    serve(() => ({ statusCode: 200, data: { villageCode: VILLAGE, villageName: '任庄村', notices: [] } }))
    const wrapper = mount(NoticePage)
    await settle()
    expect(wrapper.find('.notices-empty').text()).toBe('本村目前没有公示中的农户')
  })
})

describe('home page: 本村公示', () => {
  const farmer = (over: Partial<Me> = {}): Me => ({ id: 9, name: '赵大山', role: 'FARMER', level: 5, regionCode: VILLAGE, householdId: null, regionPath: [], ...over })

  it('links the farmer to the own village notice when the village is known', async () => {
    setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
    serve((req) => (path(req) === '/api/me' ? { statusCode: 200, data: farmer() } : problem(404, '未找到')))
    const wrapper = mount(HomePage)
    await settle()
    await wrapper.find('.link-public-notice').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: `/pages/public/notice?village=${VILLAGE}` })
    wrapper.unmount()

    serve((req) => (path(req) === '/api/me' ? { statusCode: 200, data: farmer({ regionCode: null, level: 0 }) } : problem(404, '未找到')))
    const unplaced = mount(HomePage)
    await settle()
    expect(unplaced.find('.link-public-notice').exists()).toBe(false)
  })
})
