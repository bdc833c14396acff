import type { NoticeKind, NoticeStatus, Role } from '@/api/types'

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  NOTICE: '通知公告',
  ANNOUNCEMENT: '公示公告',
}

export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  WITHDRAWN: '已撤回',
}

/** Cadres who publish notices for their own region: a township or above. */
const PUBLISHERS: Role[] = ['PROVINCE_CADRE', 'CITY_CADRE', 'COUNTY_CADRE', 'TOWNSHIP_CADRE']
const READERS: Role[] = [...PUBLISHERS, 'VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE', 'FARMER']

export function canPublishNotices(role: Role | string | null | undefined): boolean {
  return !!role && PUBLISHERS.includes(role as Role)
}

export function canReadNotices(role: Role | string | null | undefined): boolean {
  return !!role && READERS.includes(role as Role)
}

/** The tabs of the list: farmers read 公示公告 only; cadres both. */
export function noticeTabs(role: Role | string | null | undefined): { value: NoticeKind; label: string }[] {
  const kinds: NoticeKind[] = role === 'FARMER' ? ['ANNOUNCEMENT'] : ['NOTICE', 'ANNOUNCEMENT']
  return kinds.map((value) => ({ value, label: NOTICE_KIND_LABELS[value] }))
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Plain text as typed in the form, turned into rich text: each paragraph (separated by an empty line) a `<p>`,
 * single line breaks kept as `<br/>`, everything escaped. Empty text gives ''.
 */
export function paragraphsToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${p.split('\n').map((line) => escapeHtml(line.trim())).join('<br/>')}</p>`)
    .join('')
}
