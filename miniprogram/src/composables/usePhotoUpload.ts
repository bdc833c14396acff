import { computed, ref, type Ref } from 'vue'
import { MAX_PHOTOS, MAX_PHOTO_BYTES, PHOTO_TOO_LARGE, uploadErrorMessage, uploadPhoto, type PhotoUpload } from '@/utils/media'

export const PHOTOS_UPLOADING = '照片还在上传，请稍候再提交'
export const PHOTOS_FAILED = '有照片上传失败，请点击重试或删除后再提交'
export const PHOTO_CHOOSE_FAILED = '无法选择照片，请在设置中允许访问相册和相机'

export type PhotoStatus = 'uploading' | 'done' | 'failed'

/** One picked photo as the picker shows it (plain data, so it can be passed to a component in WeChat too). */
export interface PhotoItem {
  key: string
  /** The local file (a blob URL in H5), shown while and after uploading. */
  path: string
  status: PhotoStatus
  /** 0..100 while uploading. */
  progress: number
  mediaId: number | null
  error: string
}

/** What a form needs from the photos: the ids to send, and why it cannot be sent yet. */
export interface PhotoSource {
  ids: Readonly<Ref<number[]>>
  blocker: () => string
}

interface Picked {
  path: string
  size?: number
}

function pickImages(count: number): Promise<Picked[] | null> {
  return new Promise((resolve, reject) => {
    uni.chooseImage({
      count,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: (res) => {
        const paths = ([] as string[]).concat(res.tempFilePaths ?? [])
        const files = ([] as unknown[]).concat(res.tempFiles ?? []) as { size?: number }[]
        resolve(paths.map((path, i) => ({ path, size: files[i]?.size })))
      },
      fail: (err) => (/cancel/i.test(String(err?.errMsg ?? '')) ? resolve(null) : reject(new Error(PHOTO_CHOOSE_FAILED))),
    })
  })
}

let sequence = 0

/** An item uploading, as both the photo and the document lists keep it. */
interface Tracked {
  status: PhotoStatus
  progress: number
  error: string
  mediaId: number | null
}

/**
 * Starts an upload for the item under `key` and follows it: progress while it runs, then done with the saved id or
 * failed with `message(e)`. An answer for an item removed or restarted meanwhile is ignored.
 */
export function follow(
  key: string,
  find: (key: string) => Tracked | undefined,
  uploads: Map<string, PhotoUpload>,
  begin: (progress: (percent: number) => void) => PhotoUpload,
  message: (e: unknown) => string,
) {
  const upload = begin((percent) => {
    const current = find(key)
    if (current && current.status === 'uploading') current.progress = percent
  })
  uploads.set(key, upload)
  upload.done.then(
    (media) => {
      const current = find(key)
      if (!current || uploads.get(key) !== upload) return
      current.status = 'done'
      current.progress = 100
      current.mediaId = media.id
    },
    (e) => {
      const current = find(key)
      if (!current || uploads.get(key) !== upload) return
      current.status = 'failed'
      current.error = message(e)
    },
  )
}

/**
 * Photos picked with uni.chooseImage (compressed, up to `max`) and uploaded at once to /api/media, each with
 * its progress; a failed one can be retried or removed. `ids` are the saved photos in the order picked.
 */
export function usePhotoUpload(max: number | (() => number) = MAX_PHOTOS) {
  // A getter when the photos share their limit with other attachments (useAttachmentUpload).
  const limit = typeof max === 'function' ? max : () => max
  const items = ref<PhotoItem[]>([])
  const chooseError = ref('')
  const uploads = new Map<string, PhotoUpload>()

  const ids = computed(() => items.value.filter((i) => i.status === 'done' && i.mediaId !== null).map((i) => i.mediaId as number))
  const uploading = computed(() => items.value.some((i) => i.status === 'uploading'))
  const failed = computed(() => items.value.filter((i) => i.status === 'failed').length)
  const full = computed(() => items.value.length >= limit())

  const find = (key: string) => items.value.find((i) => i.key === key)

  function start(key: string) {
    const item = find(key)
    if (!item) return
    item.status = 'uploading'
    item.progress = 0
    item.error = ''
    follow(key, find, uploads, (progress) => uploadPhoto(item.path, progress), uploadErrorMessage)
  }

  function add(picked: Picked[]) {
    for (const p of picked.slice(0, limit() - items.value.length)) {
      const key = `p${++sequence}`
      items.value.push({ key, path: p.path, status: 'uploading', progress: 0, mediaId: null, error: '' })
      // Too large for the server: say so at once instead of sending 5 MB to be refused.
      if (typeof p.size === 'number' && p.size > MAX_PHOTO_BYTES) {
        const item = find(key)!
        item.status = 'failed'
        item.error = PHOTO_TOO_LARGE
      } else {
        start(key)
      }
    }
  }

  /** Opens the album or camera for as many photos as may still be added. */
  async function choose(): Promise<void> {
    chooseError.value = ''
    const room = limit() - items.value.length
    if (room <= 0) {
      chooseError.value = `最多上传 ${limit()} 张照片`
      return
    }
    try {
      const picked = await pickImages(room)
      if (picked?.length) add(picked)
    } catch (e) {
      chooseError.value = e instanceof Error ? e.message : PHOTO_CHOOSE_FAILED
    }
  }

  function retry(key: string) {
    const item = find(key)
    if (item?.status === 'failed' && item.error !== PHOTO_TOO_LARGE) start(key)
  }

  function remove(key: string) {
    uploads.get(key)?.abort()
    uploads.delete(key)
    items.value = items.value.filter((i) => i.key !== key)
    chooseError.value = ''
  }

  /** Why the form cannot be sent yet ('' when it can). */
  function blocker(): string {
    if (uploading.value) return PHOTOS_UPLOADING
    if (failed.value) return PHOTOS_FAILED
    return ''
  }

  function reset() {
    for (const upload of uploads.values()) upload.abort()
    uploads.clear()
    items.value = []
    chooseError.value = ''
  }

  return {
    items,
    ids,
    uploading,
    failed,
    full,
    chooseError,
    choose,
    retry,
    remove,
    blocker,
    reset,
    /** How many photos may be picked in all (read again each time: the limit may be shared). */
    get max() {
      return limit()
    },
  }
}

/**
 * Adds the photos to a form's body, or holds the form back while photos are uploading or failed (the
 * problem goes under `photos`).
 */
export function withPhotos<B extends { photoIds?: number[] }>(
  built: { body: B | null; errors: Record<string, string> },
  photos: PhotoSource | undefined,
): { body: B | null; errors: Record<string, string> } {
  if (!photos) return built
  const wait = photos.blocker()
  if (wait) return { body: null, errors: { ...built.errors, photos: wait } }
  if (built.body && photos.ids.value.length) built.body.photoIds = [...photos.ids.value]
  return built
}
