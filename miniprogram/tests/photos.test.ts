import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import DeclarePage from '@/pages/cases/declare.vue'
import PhotoGallery from '@/components/common/PhotoGallery.vue'
import PhotoPicker from '@/components/common/PhotoPicker.vue'
import type { Me } from '@/api/types'
import { PHOTOS_FAILED, PHOTOS_UPLOADING, PHOTO_CHOOSE_FAILED, usePhotoUpload, withPhotos } from '@/composables/usePhotoUpload'
import { setTokens, session } from '@/stores/session'
import { PHOTO_NETWORK, PHOTO_TOO_LARGE, PHOTO_WRONG_TYPE, clearPhotoSources, photoSrc, uploadPhoto } from '@/utils/media'
import { setPlatformForTesting } from '@/utils/platform'
import { fakeUni, page, path, problem, requests, serve, settle } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

interface UploadCall {
  url: string
  filePath: string
  name: string
  header: Record<string, string>
  success: (r: { statusCode: number; data: string }) => void
  fail: (e: { errMsg: string }) => void
  progress?: (p: { progress: number }) => void
  aborted: boolean
}

const uploads: UploadCall[] = []

/** uni.uploadFile that waits for the test to answer each call. */
function holdUploads() {
  uploads.length = 0
  fakeUni.uploadFile.mockImplementation((options: Omit<UploadCall, 'aborted' | 'progress'>) => {
    const call: UploadCall = { ...options, aborted: false }
    uploads.push(call)
    return {
      onProgressUpdate: (cb: UploadCall['progress']) => (call.progress = cb),
      abort: () => {
        call.aborted = true
        call.fail({ errMsg: 'uploadFile:fail abort' })
      },
    }
  })
}

const saved = (id: number) => ({ statusCode: 201, data: JSON.stringify({ id, contentType: 'image/jpeg', size: 1000, createdAt: '2026-11-23T02:00:00Z' }) })

function pick(paths: string[], sizes: number[] = []) {
  fakeUni.chooseImage.mockImplementation((o: { success: (r: unknown) => void }) =>
    o.success({ tempFilePaths: paths, tempFiles: paths.map((p, i) => ({ path: p, size: sizes[i] ?? 1000 })) }),
  )
}

beforeEach(() => {
  page.query = {}
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
  holdUploads()
  clearPhotoSources()
})

describe('uploading one photo', () => {
  it('posts the file as the multipart field `file` with the bearer token and reads the saved photo', async () => {
    const percents: number[] = []
    const upload = uploadPhoto('blob:one', (p) => percents.push(p))
    await flushPromises()
    expect(uploads).toHaveLength(1)
    expect(uploads[0]).toMatchObject({ url: '/api/media', filePath: 'blob:one', name: 'file' })
    expect(uploads[0].header.Authorization).toBe('Bearer A')
    uploads[0].progress?.({ progress: 42.4 })
    uploads[0].success(saved(7))
    expect((await upload.done).id).toBe(7)
    expect(percents).toEqual([42])
  })

  it('says in Chinese why it failed: too large, wrong type, no network, or the server', async () => {
    const cases: [() => void, string][] = [
      [() => uploads[0].success({ statusCode: 413, data: JSON.stringify({ title: 'x', status: 413 }) }), PHOTO_TOO_LARGE],
      [() => uploads[0].success({ statusCode: 415, data: '' }), PHOTO_WRONG_TYPE],
      [() => uploads[0].fail({ errMsg: 'uploadFile:fail timeout' }), PHOTO_NETWORK],
      [() => uploads[0].success({ statusCode: 400, data: JSON.stringify({ title: '请求参数有误', status: 400, detail: '不是图片' }) }), '不是图片'],
    ]
    const { uploadErrorMessage } = await import('@/utils/media')
    for (const [answer, message] of cases) {
      uploads.length = 0
      const upload = uploadPhoto('blob:x')
      await flushPromises()
      answer()
      const error = await upload.done.catch((e) => e)
      expect(uploadErrorMessage(error)).toBe(message)
    }
  })

  it('renews the token once on a 401 and sends the photo again', async () => {
    serve((req) => (path(req) === '/auth/refresh' ? { statusCode: 200, data: { accessToken: 'B', refreshToken: 'R2', tokenType: 'Bearer', expiresIn: 900 } } : problem(404, 'x')))
    const upload = uploadPhoto('blob:one')
    await flushPromises()
    uploads[0].success({ statusCode: 401, data: JSON.stringify({ title: '未登录或登录已失效', status: 401 }) })
    await settle()
    expect(uploads).toHaveLength(2)
    expect(uploads[1].header.Authorization).toBe('Bearer B')
    uploads[1].success(saved(8))
    expect((await upload.done).id).toBe(8)
  })
})

describe('usePhotoUpload', () => {
  it('picks compressed photos up to what is left of 9 and uploads each, keeping the order of the ids', async () => {
    const photos = usePhotoUpload()
    pick(['blob:a', 'blob:b'])
    await photos.choose()
    expect(fakeUni.chooseImage.mock.calls[0][0]).toMatchObject({ count: 9, sizeType: ['compressed'] })
    await flushPromises()
    expect(photos.items.value.map((i) => i.status)).toEqual(['uploading', 'uploading'])
    expect(photos.blocker()).toBe(PHOTOS_UPLOADING)
    uploads[1].progress?.({ progress: 50 })
    expect(photos.items.value[1].progress).toBe(50)
    uploads[1].success(saved(12))
    uploads[0].success(saved(11))
    await settle()
    expect(photos.ids.value).toEqual([11, 12])
    expect(photos.blocker()).toBe('')

    pick(['blob:c'])
    await photos.choose()
    expect(fakeUni.chooseImage.mock.calls[1][0].count).toBe(7)
  })

  it('shows a failure on the photo, retries it, and drops a removed one from the ids', async () => {
    const photos = usePhotoUpload()
    pick(['blob:a', 'blob:b'])
    await photos.choose()
    await flushPromises()
    uploads[0].fail({ errMsg: 'uploadFile:fail' })
    uploads[1].success(saved(21))
    await settle()
    expect(photos.items.value[0]).toMatchObject({ status: 'failed', error: PHOTO_NETWORK })
    expect(photos.blocker()).toBe(PHOTOS_FAILED)
    expect(photos.ids.value).toEqual([21])

    photos.retry(photos.items.value[0].key)
    await flushPromises()
    expect(uploads).toHaveLength(3)
    expect(photos.items.value[0].status).toBe('uploading')
    uploads[2].success(saved(20))
    await settle()
    expect(photos.ids.value).toEqual([20, 21])

    photos.remove(photos.items.value[0].key)
    expect(photos.ids.value).toEqual([21])
  })

  it('aborts the upload of a photo removed while uploading', async () => {
    const photos = usePhotoUpload()
    pick(['blob:a'])
    await photos.choose()
    await flushPromises()
    photos.remove(photos.items.value[0].key)
    await settle()
    expect(uploads[0].aborted).toBe(true)
    expect(photos.items.value).toEqual([])
    expect(photos.blocker()).toBe('')
  })

  it('refuses a photo over 5 MB without sending it, and says when 9 are there', async () => {
    const photos = usePhotoUpload(2)
    pick(['blob:big', 'blob:ok'], [6 * 1024 * 1024, 1000])
    await photos.choose()
    await flushPromises()
    expect(uploads.map((u) => u.filePath)).toEqual(['blob:ok'])
    expect(photos.items.value[0]).toMatchObject({ status: 'failed', error: PHOTO_TOO_LARGE })
    photos.retry(photos.items.value[0].key)
    expect(uploads).toHaveLength(1)
    await photos.choose()
    expect(photos.chooseError.value).toBe('最多上传 2 张照片')
  })

  it('ignores a cancelled chooser and explains a refused one', async () => {
    const photos = usePhotoUpload()
    fakeUni.chooseImage.mockImplementation((o: { fail: (e: { errMsg: string }) => void }) => o.fail({ errMsg: 'chooseImage:fail cancel' }))
    await photos.choose()
    expect(photos.chooseError.value).toBe('')
    fakeUni.chooseImage.mockImplementation((o: { fail: (e: { errMsg: string }) => void }) => o.fail({ errMsg: 'chooseImage:fail auth deny' }))
    await photos.choose()
    expect(photos.chooseError.value).toBe(PHOTO_CHOOSE_FAILED)
  })

  it('adds the ids to a body, or holds the form back under `photos`', () => {
    const ready = { ids: { value: [3, 4] }, blocker: () => '' } as unknown as Parameters<typeof withPhotos>[1]
    expect(withPhotos({ body: { a: 1 } as { a: number; photoIds?: number[] }, errors: {} }, ready).body).toEqual({ a: 1, photoIds: [3, 4] })
    const none = { ids: { value: [] }, blocker: () => '' } as unknown as Parameters<typeof withPhotos>[1]
    expect(withPhotos({ body: { a: 1 } as { a: number; photoIds?: number[] }, errors: {} }, none).body).toEqual({ a: 1 })
    const busy = { ids: { value: [] }, blocker: () => PHOTOS_UPLOADING } as unknown as Parameters<typeof withPhotos>[1]
    expect(withPhotos({ body: { a: 1 } as { a: number; photoIds?: number[] }, errors: {} }, busy)).toEqual({ body: null, errors: { photos: PHOTOS_UPLOADING } })
  })
})

describe('photo picker', () => {
  it('shows progress, failures with their reason, and sends remove, retry and choose', async () => {
    const wrapper = mount(PhotoPicker, {
      props: {
        max: 9,
        kind: 'declare',
        items: [
          { key: 'a', path: 'blob:a', status: 'uploading', progress: 30, mediaId: null, error: '' },
          { key: 'b', path: 'blob:b', status: 'failed', progress: 0, mediaId: null, error: PHOTO_TOO_LARGE },
        ],
      },
    })
    expect(wrapper.find('.photo-progress').text()).toBe('上传中 30%')
    expect(wrapper.find('.photo-retry').text()).toContain('上传失败')
    expect(wrapper.find('.photo-error').text()).toBe(`第 2 张：${PHOTO_TOO_LARGE}`)
    expect(wrapper.text()).toContain('已添加 2/9 张')
    await wrapper.find('.photo-retry').trigger('tap')
    await wrapper.findAll('.photo-remove')[0].trigger('tap')
    await wrapper.find('.photo-add').trigger('tap')
    expect(wrapper.emitted('retry')).toEqual([['b']])
    expect(wrapper.emitted('remove')).toEqual([['a']])
    expect(wrapper.emitted('choose')).toHaveLength(1)
  })
})

describe('showing uploaded photos', () => {
  it('fetches the photo with the token in H5 and shows an object URL, once per photo', async () => {
    const fetchFn = vi.fn(async () => new Response(new Blob(['x'], { type: 'image/jpeg' }), { status: 200 }))
    vi.stubGlobal('fetch', fetchFn)
    URL.createObjectURL = vi.fn(() => 'blob:shown')
    URL.revokeObjectURL = vi.fn()
    expect(await photoSrc(5)).toBe('blob:shown')
    expect(await photoSrc(5)).toBe('blob:shown')
    expect(fetchFn).toHaveBeenCalledTimes(1)
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/media/5')
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer A')
    vi.unstubAllGlobals()
  })

  it('downloads it with the token header in the mini-program', async () => {
    setPlatformForTesting('mp-weixin')
    fakeUni.downloadFile.mockImplementation((o: { url: string; header: Record<string, string>; success: (r: unknown) => void }) =>
      o.success({ statusCode: 200, tempFilePath: `wxfile://tmp/${o.url.split('/').pop()}.jpg` }),
    )
    expect(await photoSrc(6)).toBe('wxfile://tmp/6.jpg')
    expect(fakeUni.downloadFile.mock.calls[0][0]).toMatchObject({ url: 'http://127.0.0.1:8080/api/media/6', header: { Authorization: 'Bearer A' } })
  })

  it('shows each photo of a case and offers a retry when one cannot be loaded', async () => {
    let fail = true
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url.endsWith('/2') && fail ? new Response('{"title":"未找到","status":404}', { status: 404 }) : new Response(new Blob(['x']), { status: 200 }))))
    URL.createObjectURL = vi.fn(() => 'blob:ok')
    const wrapper = mount(PhotoGallery, { props: { ids: [1, 2] } })
    await settle()
    expect(wrapper.findAll('.gallery-photo')).toHaveLength(1)
    expect(wrapper.find('.gallery-failed').text()).toContain('加载失败')
    fail = false
    await wrapper.findAll('.gallery__item')[1].trigger('tap')
    await settle()
    expect(wrapper.findAll('.gallery-photo')).toHaveLength(2)
    await wrapper.findAll('.gallery__item')[0].trigger('tap')
    expect(fakeUni.previewImage).toHaveBeenCalledWith({ urls: ['blob:ok', 'blob:ok'], current: 'blob:ok' })
    vi.unstubAllGlobals()
  })
})

describe('declaration with photos', () => {
  const farmer: Me = { id: 9, name: '赵大山', role: 'FARMER', level: 5, regionCode: '410225101201', householdId: 42, regionPath: [] }

  it('waits for the photos, then sends their ids with the declaration', async () => {
    session.me = null
    serve((req) => {
      const p = path(req)
      if (p === '/api/me') return { statusCode: 200, data: farmer }
      if (p === '/api/cases/declarations') return { statusCode: 201, data: { id: 77 } }
      return problem(404, '未找到')
    })
    const wrapper = mount(DeclarePage)
    await settle()
    await wrapper.find('.declare-risk').trigger('tap')
    await wrapper.find('.declare-description').setValue('老人住院')
    await wrapper.find('.declare-phone').setValue('13812345678')
    await wrapper.find('.declare-consent').trigger('tap')
    pick(['blob:bill'])
    await wrapper.find('.declare-photos .photo-add').trigger('tap')
    await settle()
    await wrapper.find('.btn-declare').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--photos').text()).toBe(PHOTOS_UPLOADING)
    expect(requests.some((r) => path(r) === '/api/cases/declarations')).toBe(false)
    uploads[0].success(saved(31))
    await settle()
    await wrapper.find('.btn-declare').trigger('tap')
    await settle()
    const sent = requests.find((r) => path(r) === '/api/cases/declarations')
    expect((sent?.data as { photoIds: number[] }).photoIds).toEqual([31])
  })
})
