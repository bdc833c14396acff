import { computed, ref } from 'vue'
import { notificationsApi } from '@/api/endpoints'
import { errorMessage } from '@/api/errors'
import type { Notification } from '@/api/types'

const PAGE_SIZE = 20

/** A notification's link as a page of the mini-program (`/pages/...`), or null for anything else. */
export function notificationPage(link: string | null | undefined): string | null {
  const value = (link ?? '').trim()
  const match = /^\/?(pages\/[A-Za-z0-9_\-/]+(\?.*)?)$/.exec(value)
  return match ? `/${match[1]}` : null
}

/** The count on a badge: '' when none, `99+` past 99. */
export function unreadBadge(count: number | null | undefined): string {
  if (!count || count <= 0) return ''
  return count > 99 ? '99+' : String(count)
}

/** My messages, newest first, page by page; opening one marks it read and goes where it points. */
export function useNotifications() {
  const items = ref<Notification[]>([])
  const unread = ref(0)
  const nextAfter = ref<number | null>(null)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')

  async function fetchPage(reset: boolean) {
    if (loading.value) return
    loading.value = true
    error.value = ''
    try {
      const page = await notificationsApi.list({ after: reset ? null : nextAfter.value, limit: PAGE_SIZE })
      items.value = reset ? page.items : [...items.value, ...page.items]
      unread.value = page.unread
      nextAfter.value = page.nextAfter ?? null
      loaded.value = true
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  function replace(updated: Notification) {
    items.value = items.value.map((n) => (n.id === updated.id ? updated : n))
  }

  /**
   * Marks the message read (shown at once; put back if the server refuses) and opens its page if it has one.
   * Resolves once the server has answered.
   */
  async function open(n: Notification): Promise<void> {
    const page = notificationPage(n.link)
    let marking: Promise<void> = Promise.resolve()
    if (!n.read) {
      replace({ ...n, read: true })
      unread.value = Math.max(0, unread.value - 1)
      marking = notificationsApi.read(n.id).then(replace, () => {
        replace(n)
        unread.value += 1
      })
    }
    if (page) uni.navigateTo({ url: page })
    await marking
  }

  return {
    items,
    unread,
    nextAfter,
    loading,
    loaded,
    error,
    hasMore: computed(() => nextAfter.value !== null),
    load: () => fetchPage(true),
    loadMore: () => fetchPage(false),
    open,
  }
}

/** The unread count for a badge; a failure leaves the last count (the badge is a hint, not a page). */
export function useUnreadCount() {
  const unread = ref(0)
  async function refresh() {
    try {
      unread.value = (await notificationsApi.list({ limit: 1 })).unread
    } catch {
      // The home page works without the badge.
    }
  }
  return { unread, badge: computed(() => unreadBadge(unread.value)), refresh }
}
