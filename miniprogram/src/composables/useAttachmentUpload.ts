import { computed, ref, type Ref } from 'vue'
import { mediaApi } from '@/api/endpoints'
import type { Media } from '@/api/types'
import { pickPdf, PDF_CHOOSE_FAILED, type PickedPath } from '@/utils/files'
import { isPdf, MAX_PDF_BYTES, PDF_TOO_LARGE, pdfErrorMessage, uploadMedia, type PhotoUpload } from '@/utils/media'
import { follow, usePhotoUpload, type PhotoStatus } from './usePhotoUpload'

/** A policy or a notice carries up to 10 attachments (contract: attachmentIds maxItems 10). */
export const MAX_ATTACHMENTS = 10
export const ATTACHMENTS_UPLOADING = '附件还在上传，请稍候再提交'
export const ATTACHMENTS_FAILED = '有附件上传失败，请点击重试或删除后再提交'
export const ATTACHMENTS_FULL = `最多添加 ${MAX_ATTACHMENTS} 个附件`

/** A PDF being uploaded or uploaded (plain data, so it can be passed to a component in WeChat too). */
export interface DocumentItem {
  key: string
  path: string
  name: string
  status: PhotoStatus
  progress: number
  mediaId: number | null
  error: string
}

/** An attachment the record already carries (editing): what /api/media/{id}/info said, or only the id if it failed. */
export interface KeptAttachment {
  id: number
  pdf: boolean
  name: string
}

/** What a form needs from its attachments: the ids to send, why it cannot be sent yet, and the news that it was saved. */
export interface AttachmentSource {
  ids: Readonly<Ref<number[]>>
  blocker: () => string
  /** The record was saved with these attachments: they are now the kept ones. */
  saved: (ids: readonly number[]) => void
}

let sequence = 0

/**
 * The attachments of a policy or a notice: photos through usePhotoUpload (album or camera, compressed) and PDFs
 * (wx.chooseMessageFile in WeChat, a file input in H5), both uploaded at once to /api/media and sharing one limit;
 * the ones the record already has are kept unless removed. `ids` are what to send as attachmentIds: kept ones first,
 * then photos, then PDFs, each in the order added.
 */
export function useAttachmentUpload(max: number = MAX_ATTACHMENTS) {
  const kept = ref<KeptAttachment[]>([])
  const documents = ref<DocumentItem[]>([])
  const chooseError = ref('')
  const uploads = new Map<string, PhotoUpload>()
  const photos = usePhotoUpload(() => Math.max(0, max - kept.value.length - documents.value.length))

  const documentIds = computed(() =>
    documents.value.filter((d) => d.status === 'done' && d.mediaId !== null).map((d) => d.mediaId as number),
  )
  const ids = computed(() => [...kept.value.map((k) => k.id), ...photos.ids.value, ...documentIds.value])
  const count = computed(() => kept.value.length + photos.items.value.length + documents.value.length)
  const full = computed(() => count.value >= max)

  const find = (key: string) => documents.value.find((d) => d.key === key)

  function start(key: string) {
    const item = find(key)
    if (!item) return
    item.status = 'uploading'
    item.progress = 0
    item.error = ''
    follow(key, find, uploads, (progress) => uploadMedia(item.path, item.name, progress), pdfErrorMessage)
  }

  function addDocument(picked: PickedPath) {
    const key = `d${++sequence}`
    documents.value.push({ key, path: picked.path, name: picked.name, status: 'uploading', progress: 0, mediaId: null, error: '' })
    // Too large for the server: say so at once instead of sending it to be refused.
    if (picked.size > MAX_PDF_BYTES) {
      const item = find(key)!
      item.status = 'failed'
      item.error = PDF_TOO_LARGE
    } else {
      start(key)
    }
  }

  /** Picks one PDF and uploads it. */
  async function choosePdf(): Promise<void> {
    chooseError.value = ''
    if (full.value) {
      chooseError.value = ATTACHMENTS_FULL
      return
    }
    try {
      const picked = await pickPdf()
      if (picked) addDocument(picked)
    } catch (e) {
      chooseError.value = e instanceof Error ? e.message : PDF_CHOOSE_FAILED
    }
  }

  /** Opens the album or camera for as many photos as may still be added. */
  async function choosePhotos(): Promise<void> {
    chooseError.value = ''
    if (full.value) {
      chooseError.value = ATTACHMENTS_FULL
      return
    }
    await photos.choose()
  }

  function retryDocument(key: string) {
    const item = find(key)
    if (item?.status === 'failed' && item.error !== PDF_TOO_LARGE) start(key)
  }

  function removeDocument(key: string) {
    uploads.get(key)?.abort()
    uploads.delete(key)
    documents.value = documents.value.filter((d) => d.key !== key)
    chooseError.value = ''
  }

  function removeKept(id: number) {
    kept.value = kept.value.filter((k) => k.id !== id)
    chooseError.value = ''
  }

  /** The record's current attachments (editing), described by /api/media/{id}/info. */
  async function keep(ids: readonly number[]): Promise<void> {
    kept.value = ids.map((id) => ({ id, pdf: false, name: `附件 ${id}` }))
    const infos = await Promise.all(ids.map((id) => mediaApi.info(id).catch(() => null)))
    kept.value = kept.value.map((k) => {
      const info = infos[ids.indexOf(k.id)] as Media | null
      if (!info) return k
      return { id: k.id, pdf: isPdf(info), name: info.fileName || (isPdf(info) ? `PDF 文件 ${k.id}` : `图片 ${k.id}`) }
    })
  }

  /** The uploads are part of the saved record now: they become kept attachments, nothing is uploaded again. */
  function saved(ids: readonly number[]) {
    const known = new Map<number, KeptAttachment>()
    for (const k of kept.value) known.set(k.id, k)
    for (const d of documents.value) if (d.mediaId !== null) known.set(d.mediaId, { id: d.mediaId, pdf: true, name: d.name })
    for (const p of photos.items.value) if (p.mediaId !== null) known.set(p.mediaId, { id: p.mediaId, pdf: false, name: `图片 ${p.mediaId}` })
    uploads.clear()
    documents.value = []
    photos.items.value = []
    kept.value = ids.map((id) => known.get(id) ?? { id, pdf: false, name: `附件 ${id}` })
  }

  /** Why the form cannot be sent yet ('' when it can). */
  function blocker(): string {
    if (photos.uploading.value || documents.value.some((d) => d.status === 'uploading')) return ATTACHMENTS_UPLOADING
    if (photos.failed.value || documents.value.some((d) => d.status === 'failed')) return ATTACHMENTS_FAILED
    return ''
  }

  function reset() {
    for (const upload of uploads.values()) upload.abort()
    uploads.clear()
    documents.value = []
    kept.value = []
    chooseError.value = ''
    photos.reset()
  }

  return {
    kept,
    photos,
    documents,
    ids,
    count,
    full,
    max,
    chooseError: computed(() => chooseError.value || photos.chooseError.value),
    choosePhotos,
    choosePdf,
    retryDocument,
    removeDocument,
    removeKept,
    keep,
    saved,
    blocker,
    reset,
  }
}

export type AttachmentUpload = ReturnType<typeof useAttachmentUpload>
