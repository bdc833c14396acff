import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import MessagesPage from '@/pages/messages/index.vue'
import HomePage from '@/pages/home/index.vue'
import type { Me, Notification } from '@/api/types'
import { notificationPage, unreadBadge } from '@/composables/useNotifications'
import { setTokens } from '@/stores/session'
import { fakeUni, path, problem, requests, serve, type FakeRequest, type FakeResponse } from './fake-uni'

vi.mock('@dcloudio/uni-app', async () => {
  const { onMounted } = await import('vue')
  return { onShow: (fn: () => void) => onMounted(fn), onLoad: (fn: () => void) => onMounted(fn), onLaunch: () => {} }
})

const settle = async () => {
  for (let i = 0; i < 6; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
}

const note = (over: Partial<Notification> = {}): Notification => ({
  id: 1,
  title: '您的申报已认定',
  body: '县级审定通过，您家已纳入防返贫监测',
  link: '/pages/cases/detail?id=91',
  createdAt: '2026-11-23T02:00:00Z',
  read: false,
  ...over,
})

function serveRoutes(routes: Record<string, (req: FakeRequest) => FakeResponse>) {
  serve((req) => routes[`${req.method} ${path(req)}`]?.(req) ?? problem(404, '未找到'))
}

beforeEach(() => {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('notification helpers', () => {
  it('accepts only pages of the mini-program as links', () => {
    expect(notificationPage('/pages/cases/detail?id=91')).toBe('/pages/cases/detail?id=91')
    expect(notificationPage('pages/workbench/index')).toBe('/pages/workbench/index')
    expect(notificationPage('https://example.com/x')).toBeNull()
    expect(notificationPage(null)).toBeNull()
    expect(notificationPage('')).toBeNull()
  })

  it('writes the badge count, 99+ past 99', () => {
    expect(unreadBadge(0)).toBe('')
    expect(unreadBadge(3)).toBe('3')
    expect(unreadBadge(120)).toBe('99+')
  })
})

describe('messages page', () => {
  it('lists messages with a dot on unread ones; tapping marks read and opens the link', async () => {
    serveRoutes({
      'GET /api/me/notifications': () => ({
        statusCode: 200,
        data: { items: [note(), note({ id: 2, title: '公示期满提醒', link: null, read: true })], unread: 1, nextAfter: null },
      }),
      'POST /api/me/notifications/1/read': () => ({ statusCode: 200, data: note({ read: true }) }),
    })
    const wrapper = mount(MessagesPage)
    await settle()
    expect(wrapper.text()).toContain('我的消息（1 条未读）')
    const rows = wrapper.findAll('.message')
    expect(rows[0].classes()).toContain('message--unread')
    expect(rows[0].find('.message__dot').exists()).toBe(true)
    expect(rows[1].find('.message__dot').exists()).toBe(false)
    await rows[0].trigger('tap')
    await settle()
    expect(requests.filter((r) => r.method === 'POST').map(path)).toEqual(['/api/me/notifications/1/read'])
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/detail?id=91' })
    expect(wrapper.findAll('.message--unread')).toHaveLength(0)
    expect(wrapper.text()).not.toContain('未读')

    // A read message without a link: nothing to send, nowhere to go.
    fakeUni.navigateTo.mockClear()
    await wrapper.findAll('.message')[1].trigger('tap')
    await settle()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(fakeUni.navigateTo).not.toHaveBeenCalled()
  })

  it('shows the message as unread again when marking fails, and loads more', async () => {
    let calls = 0
    serveRoutes({
      'GET /api/me/notifications': (req) => {
        calls++
        return req.url.includes('after=1')
          ? { statusCode: 200, data: { items: [note({ id: 0, title: '更早的消息', read: true })], unread: 1, nextAfter: null } }
          : { statusCode: 200, data: { items: [note({ link: null })], unread: 1, nextAfter: 1 } }
      },
      'POST /api/me/notifications/1/read': () => problem(404, '未找到'),
    })
    const wrapper = mount(MessagesPage)
    await settle()
    await wrapper.find('.message').trigger('tap')
    await settle()
    expect(wrapper.findAll('.message--unread')).toHaveLength(1)
    await wrapper.find('.btn-more').trigger('tap')
    await settle()
    expect(calls).toBe(2)
    expect(wrapper.findAll('.message').map((w) => w.find('.message__title').text())).toEqual(['您的申报已认定', '更早的消息'])
    expect(wrapper.find('.btn-more').exists()).toBe(false)
  })
})

describe('home page badge', () => {
  const meAs = (role: Me['role']): Me => ({ id: 1, name: '测试', role, level: 5, regionCode: '410225101201', householdId: null, regionPath: [] })

  it('shows the unread count to farmers and cadres, and opens the messages', async () => {
    for (const role of ['FARMER', 'VILLAGE_CADRE'] as const) {
      serveRoutes({
        'GET /api/me': () => ({ statusCode: 200, data: meAs(role) }),
        'GET /api/me/notifications': () => ({ statusCode: 200, data: { items: [note()], unread: 3, nextAfter: null } }),
      })
      const wrapper = mount(HomePage)
      await settle()
      expect(wrapper.find('.unread-badge').text()).toBe('3')
      await wrapper.find('.link-messages').trigger('tap')
      expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/messages/index' })
      wrapper.unmount()
    }
  })

  it('shows no badge without unread messages or when they cannot be read', async () => {
    serveRoutes({ 'GET /api/me': () => ({ statusCode: 200, data: meAs('FARMER') }) })
    const wrapper = mount(HomePage)
    await settle()
    expect(wrapper.find('.link-messages').exists()).toBe(true)
    expect(wrapper.find('.unread-badge').exists()).toBe(false)
    expect(wrapper.find('.error-notice').exists()).toBe(false)
  })
})
