import type { TextPart } from '@/api/types'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** The full text as typed, one paragraph a line, as HTML paragraphs (`<p>…</p>`); '' when blank. */
export function paragraphsToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('')
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' }

/** A saved body (sanitised HTML) back to plain paragraphs, one a line, for editing. */
export function htmlToParagraphs(html: string | null | undefined): string {
  if (!html) return ''
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
}

/** Text parts for display: the parts the server gave, or the plain text as one part when it gave none. */
export function partsOr(parts: readonly TextPart[] | null | undefined, text: string): TextPart[] {
  return parts && parts.length ? [...parts] : [{ text, hit: false }]
}
