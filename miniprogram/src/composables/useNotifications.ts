import { computed, ref } from 'vue'
import { notificationsApi } from '@/api/endpoints'
import type { Notification, NotificationPage } from '@/api/types'
import { PAGE_SIZE, usePagedList } from './usePagedList'

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
  const unread = ref(0)
  const { items, nextAfter, loading, loaded, error, fetchPage } = usePagedList<Notification, NotificationPage>(
    (after) => notificationsApi.list({ after, limit: PAGE_SIZE }),
    { onPage: (page) => (unread.value = page.unread) },
  )

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
