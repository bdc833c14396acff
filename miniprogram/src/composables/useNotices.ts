import { computed, reactive, ref } from 'vue'
import { noticesApi } from '@/api/endpoints'
import { errorMessage } from '@/api/errors'
import type { NewNotice, Notice, NoticeKind, NoticePage, NoticeReader, NoticeReaders, Role } from '@/api/types'
import type { AttachmentSource } from './useAttachmentUpload'
import { unreadBadge } from './useNotifications'
import { PAGE_SIZE, usePagedList } from './usePagedList'
import { checkedText, useFormSubmit, useLoadedRecord, type Draft } from './useSubmit'
import { paragraphsToHtml } from '@/utils/notices'

/** The notice list of one kind (a tab), newest first, page by page; farmers read announcements only. */
export function useNoticeList() {
  const kind = ref<NoticeKind>('NOTICE')
  const list = usePagedList<Notice, NoticePage>(async (after) => {
    for (;;) {
      const asked = kind.value
      const page = await noticesApi.list({ kind: asked, after, limit: PAGE_SIZE })
      if (asked === kind.value) return page
      // The tab changed while this was read: read the new tab from its start instead.
      after = null
    }
  })

  /** The first tab a role sees. */
  function start(role: Role | null | undefined) {
    if (role === 'FARMER') kind.value = 'ANNOUNCEMENT'
  }

  function setKind(next: NoticeKind) {
    if (next === kind.value) return
    kind.value = next
    list.items.value = []
    list.loaded.value = false
    list.nextAfter.value = null
    // Dropped while a page is being read; that read notices the change and reads this tab instead.
    list.fetchPage(true)
  }

  return {
    kind,
    items: list.items,
    loading: list.loading,
    loaded: list.loaded,
    error: list.error,
    hasMore: computed(() => list.nextAfter.value !== null),
    start,
    setKind,
    load: () => list.fetchPage(true),
    loadMore: () => list.fetchPage(false),
  }
}

/** Unread and unconfirmed notices, for a badge; a failure leaves the last counts (the badge is a hint). */
export function useNoticeCounts() {
  const unread = ref(0)
  const unconfirmed = ref(0)
  async function refresh() {
    try {
      const counts = await noticesApi.unreadCount()
      unread.value = counts.unread
      unconfirmed.value = counts.unconfirmed
    } catch {
      // The page works without the badge.
    }
  }
  return { unread, unconfirmed, badge: computed(() => unreadBadge(unread.value)), refresh }
}

/**
 * One notice (reading it marks it read), with what the caller may do: confirm it when asked; for the publishing
 * region (the server shows it the counts), publish a draft or withdraw with a reason.
 */
export function useNoticeDetail() {
  const record = useLoadedRecord(noticesApi.get)
  const acting = ref(false)
  const actionError = ref('')
  const publisher = computed(() => record.item.value?.readCount != null)
  const canConfirm = computed(() => {
    const n = record.item.value
    return !!n && n.status === 'PUBLISHED' && n.requireConfirm && !n.confirmed && !publisher.value
  })

  async function act(run: (n: Notice) => Promise<Notice>, done: string): Promise<boolean> {
    const n = record.item.value
    if (!n || acting.value) return false
    acting.value = true
    actionError.value = ''
    try {
      record.item.value = await run(n)
      uni.showToast({ title: done, icon: 'success' })
      return true
    } catch (e) {
      actionError.value = errorMessage(e)
      return false
    } finally {
      acting.value = false
    }
  }

  return {
    notice: record.item,
    loading: record.loading,
    loadError: record.loadError,
    load: record.load,
    publisher,
    canConfirm,
    acting,
    actionError,
    confirm: () => act((n) => noticesApi.confirm(n.id), '已确认'),
    publish: () => act((n) => noticesApi.publish(n.id, n.version), '已发布'),
    withdraw: (reason: string) => {
      if (!reason.trim()) {
        actionError.value = '请填写撤回理由'
        return Promise.resolve(false)
      }
      return act((n) => noticesApi.withdraw(n.id, n.version, reason.trim()), '已撤回')
    },
  }
}

/** Who has read a notice, in reading order, page by page, with the totals (the publishing region only). */
export function useNoticeReaders() {
  const totals = ref<{ readCount: number; confirmedCount: number } | null>(null)
  let noticeId = 0
  const list = usePagedList<NoticeReader, NoticeReaders>((after) => noticesApi.readers(noticeId, { after, limit: PAGE_SIZE }), {
    onPage: (page) => (totals.value = { readCount: page.readCount, confirmedCount: page.confirmedCount }),
  })
  return {
    items: list.items,
    totals,
    loading: list.loading,
    loaded: list.loaded,
    error: list.error,
    hasMore: computed(() => list.nextAfter.value !== null),
    load: (id: number) => {
      noticeId = id
      return list.fetchPage(true)
    },
    loadMore: () => list.fetchPage(false),
  }
}

export const NOTICE_FIELDS = ['kind', 'title', 'body', 'regionCode', 'requireConfirm', 'attachmentIds'] as const

/**
 * The form of a new notice for the caller's own region: the body is typed as plain text and sent as paragraphs.
 * `submit(true)` publishes at once (a lost answer retried with the same key finds the same draft), `submit(false)`
 * keeps a draft.
 */
export function useNoticeForm(region: () => string | null | undefined, onDone: (n: Notice) => void, attachments?: AttachmentSource) {
  const fields = reactive({ kind: 'NOTICE' as NoticeKind, title: '', body: '', requireConfirm: false })
  let publishNow = false
  const form = useFormSubmit<NewNotice, Notice>({
    fields: NOTICE_FIELDS,
    send: async (body, key) => {
      const created = await noticesApi.create(body, key)
      return publishNow && created.status === 'DRAFT' ? noticesApi.publish(created.id, created.version) : created
    },
    onDone,
  })

  function draft(): Draft<NewNotice> {
    const errors: Record<string, string> = {}
    const title = checkedText(fields.title, errors, 'title', { label: '标题', max: 100, missing: '请填写标题' })
    const text = checkedText(fields.body, errors, 'body', { label: '正文', max: 10000, missing: '请填写正文' })
    const regionCode = region()
    if (!regionCode) errors.regionCode = '您的账号没有所属区划，不能发布'
    const wait = attachments?.blocker() ?? ''
    if (wait) errors.attachmentIds = wait
    if (Object.keys(errors).length > 0 || !regionCode) return { body: null, errors }
    const body: NewNotice = { kind: fields.kind, title, body: paragraphsToHtml(text), regionCode, requireConfirm: fields.requireConfirm }
    if (attachments?.ids.value.length) body.attachmentIds = [...attachments.ids.value]
    return { body, errors }
  }

  return {
    fields,
    errors: form.errors,
    error: form.error,
    submitting: form.submitting,
    submit: (now: boolean) => {
      publishNow = now
      return form.submit(draft)
    },
  }
}
