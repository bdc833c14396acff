import { ref, type Ref } from 'vue'
import { onLoad, onShow } from '@dcloudio/uni-app'
import type { Me } from '@/api/types'
import { isLoggedIn } from '@/stores/session'
import { ensureMe } from './useMe'

export type PageQuery = Record<string, string | undefined>

/**
 * A page that works on one case (`?id=`), or another record read by id such as a ticket: without a session it
 * goes to the login page; otherwise it reads who is signed in (`me`) and the record. `onQuery` sees the page's
 * parameters first, `onLoading` runs once the record is being read; `reload` reads the same record again;
 * `missing` is said when the page has no id (未找到该案件 unless told).
 */
export function useCasePage(
  target: { load: (id: number) => unknown; loadError: Ref<string> },
  hooks: { onQuery?: (query?: PageQuery) => void; onLoading?: () => void; missing?: string } = {},
) {
  const me = ref<Me | null>(null)
  let caseId = 0

  onLoad((query?: PageQuery) => {
    if (!isLoggedIn()) {
      uni.reLaunch({ url: '/pages/login/index' })
      return
    }
    hooks.onQuery?.(query)
    caseId = Number(query?.id)
    ensureMe()
      .then((current) => (me.value = current))
      .catch(() => {})
    if (Number.isInteger(caseId) && caseId > 0) {
      target.load(caseId)
      hooks.onLoading?.()
    } else target.loadError.value = hooks.missing ?? '未找到该案件'
  })

  return {
    me,
    reload: () => {
      if (caseId > 0) target.load(caseId)
    },
  }
}

/**
 * A list page read afresh each time it is shown (coming back from a record, what was done shows): without a
 * session it goes to the login page instead.
 */
export function onSignedInShow(load: () => void): void {
  onShow(() => {
    if (!isLoggedIn()) {
      uni.reLaunch({ url: '/pages/login/index' })
      return
    }
    load()
  })
}

/** What a form that creates a record does once done: says so, and gives way to the record's page (`page?id=`). */
export function showCreated(title: string, page: string): (created: { id: number }) => void {
  return (created) => {
    uni.showToast({ title, icon: 'success' })
    uni.redirectTo({ url: `${page}?id=${created.id}` })
  }
}

/** Opens a record's page (e.g. the open one a 409 pointed to); nothing without an id. */
export function openRecord(page: string, id: number | null | undefined): void {
  if (id != null) uni.navigateTo({ url: `${page}?id=${id}` })
}
