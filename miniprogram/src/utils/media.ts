import { ApiError, apiUrl, networkError, parseBody, toProblem, withSession, type RawResponse } from '@/api/client'
import { errorMessage } from '@/api/errors'
import type { Media } from '@/api/types'
import { downloadToTemp, fetchBlob, openPdf } from './files'
import { isH5 } from './platform'

export const MEDIA_PATH = '/api/media'
/** A declaration, a visit or a review takes up to 9 photos (contract: photoIds maxItems 9). */
export const MAX_PHOTOS = 9
/** The server's limit per photo. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

/** The server's limit per PDF (dixian.media.max-pdf-bytes). */
export const MAX_PDF_BYTES = 10 * 1024 * 1024
export const PDF_TYPE = 'application/pdf'

export const PHOTO_TOO_LARGE = '照片超过 5 MB，请换一张或压缩后再传'
export const PHOTO_WRONG_TYPE = '只能上传 JPG 或 PNG 格式的照片'
export const PHOTO_NETWORK = '网络异常，照片上传失败，请点击重试'
export const PDF_TOO_LARGE = 'PDF 文件超过 10 MB，请压缩或拆分后再传'
export const PDF_WRONG_TYPE = '这不是有效的 PDF 文件'
export const PDF_NETWORK = '网络异常，文件上传失败，请点击重试'

export const mediaPath = (id: number) => `${MEDIA_PATH}/${id}`
export const mediaInfoPath = (id: number) => `${MEDIA_PATH}/${id}/info`

export const isPdf = (media: Pick<Media, 'contentType'>) => media.contentType === PDF_TYPE

/** Why an upload failed, in words for the farmer or cadre holding the phone. */
export function uploadErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return PHOTO_NETWORK
    if (error.status === 413) return PHOTO_TOO_LARGE
    if (error.status === 415) return PHOTO_WRONG_TYPE
    return errorMessage(error)
  }
  return PHOTO_NETWORK
}

/** The same for a PDF. */
export function pdfErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return PDF_NETWORK
    if (error.status === 413) return PDF_TOO_LARGE
    if (error.status === 415) return PDF_WRONG_TYPE
    return errorMessage(error)
  }
  return PDF_NETWORK
}

export interface PhotoUpload {
  /** The saved photo, or an ApiError (network failures have status 0). */
  done: Promise<Media>
  abort(): void
}

/**
 * Sends one picked photo to POST /api/media as the multipart field `file`, with the bearer token like every
 * API call (renewed once on a 401). `onProgress` gets whole percents.
 */
export function uploadPhoto(filePath: string, onProgress?: (percent: number) => void): PhotoUpload {
  return uploadMedia(filePath, undefined, onProgress)
}

/**
 * Sends one picked file (a photo or a PDF) to POST /api/media; `fileName`, when given, goes along as the form field
 * `fileName`: a mini-program temporary path does not carry the name the user picked.
 */
export function uploadMedia(filePath: string, fileName: string | undefined, onProgress?: (percent: number) => void): PhotoUpload {
  let task: UniNamespace.UploadTask | null = null
  let aborted = false
  const done = withSession<RawResponse>(
    MEDIA_PATH,
    (token) =>
      new Promise((resolve, reject) => {
        if (aborted) {
          reject(networkError('uploadFile:fail abort'))
          return
        }
        task = uni.uploadFile({
          url: apiUrl(MEDIA_PATH),
          filePath,
          name: 'file',
          ...(fileName ? { formData: { fileName } } : {}),
          header: { Accept: 'application/json, application/problem+json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
          fail: (err) => reject(networkError(err?.errMsg)),
        })
        task?.onProgressUpdate?.((p) => onProgress?.(Math.max(0, Math.min(100, Math.round(p.progress)))))
      }),
  ).then((res) => {
    if (res.statusCode >= 200 && res.statusCode < 300) {
      const media = parseBody(res.data) as Media | undefined
      if (media && typeof media.id === 'number') return media
    }
    throw new ApiError(toProblem(res))
  })
  return {
    done,
    abort() {
      aborted = true
      task?.abort()
    },
  }
}

const sources = new Map<number, Promise<string>>()

/**
 * A src for `<image>` showing an uploaded photo. The photo needs the bearer token, which an image tag cannot
 * send: H5 fetches it as a Blob and shows an object URL; the mini-program downloads it to a temporary file.
 * Kept per photo for the session; a failure is forgotten so the next showing tries again.
 */
export function photoSrc(id: number): Promise<string> {
  let src = sources.get(id)
  if (!src) {
    src = isH5() ? fetchBlob(mediaPath(id)).then((blob) => URL.createObjectURL(blob)) : downloadToTemp(mediaPath(id))
    sources.set(id, src)
    src.catch(() => sources.delete(id))
  }
  return src
}

/** Forgets the photos shown (on logout: the next user may not see them). */
export function clearPhotoSources(): void {
  if (isH5() && typeof URL !== 'undefined' && URL.revokeObjectURL) {
    for (const src of sources.values()) src.then((url) => URL.revokeObjectURL(url)).catch(() => {})
  }
  sources.clear()
}

/** Opens an attached PDF under its name (see openPdf). */
export function openMediaPdf(id: number, fileName: string | null | undefined): Promise<void> {
  return openPdf(mediaPath(id), fileName || `附件${id}.pdf`)
}
