import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import AttachmentList from '@/components/common/AttachmentList.vue'
import AttachmentPicker from '@/components/common/AttachmentPicker.vue'
import NoticeDetailPage from '@/pages/notices/detail.vue'
import NewNoticePage from '@/pages/notices/new.vue'
import PolicyDetailPage from '@/pages/policies/detail.vue'
import PolicyEditPage from '@/pages/policies/edit.vue'
import type { Media, Notice, Policy } from '@/api/types'
import {
  ATTACHMENTS_FAILED,
  ATTACHMENTS_FULL,
  ATTACHMENTS_UPLOADING,
  useAttachmentUpload,
} from '@/composables/useAttachmentUpload'
import { setTokens, session } from '@/stores/session'
import { FILE_OPEN_FAILED } from '@/utils/files'
import { clearPhotoSources, PDF_TOO_LARGE, PDF_WRONG_TYPE } from '@/utils/media'
import { setPlatformForTesting } from '@/utils/platform'
import { fakeUni, page, path, problem, requests, serveRoutes, settle } from './fake-uni'
import { COUNTY, at, county, farmer } from './ticket-fixtures'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

interface UploadCall {
  url: string
  filePath: string
  name: string
  formData?: Record<string, string>
  header: Record<string, string>
  success: (r: { statusCode: number; data: string }) => void
  fail: (e: { errMsg: string }) => void
}

const uploads: UploadCall[] = []

const media = (id: number, contentType: string, fileName: string | null = null, size = 2048): Media => ({
  id,
  contentType,
  fileName,
  size,
  createdAt: at,
})
const saved = (m: Media) => ({ statusCode: 201, data: JSON.stringify(m) })
const ok = (data: unknown) => () => ({ statusCode: 200, data })

function pickPdfInWeChat(name: string, size: number, path = `wxfile://tmp_${name}`) {
  fakeUni.chooseMessageFile.mockImplementation((o: { success: (r: unknown) => void }) =>
    o.success({ tempFiles: [{ path, name, size, type: 'file', time: 0 }] }),
  )
}

function pickPhotos(paths: string[]) {
  fakeUni.chooseImage.mockImplementation((o: { success: (r: unknown) => void }) =>
    o.success({ tempFilePaths: paths, tempFiles: paths.map((p) => ({ path: p, size: 1000 })) }),
  )
}

beforeEach(() => {
  page.query = {}
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
  uploads.length = 0
  fakeUni.uploadFile.mockImplementation((options: UploadCall) => {
    uploads.push(options)
    return { onProgressUpdate: () => {}, abort: () => options.fail({ errMsg: 'uploadFile:fail abort' }) }
  })
  clearPhotoSources()
})

describe('useAttachmentUpload', () => {
  it('uploads a PDF from a WeChat chat under the name the user picked and sends its id', async () => {
    setPlatformForTesting('mp-weixin')
    const a = useAttachmentUpload()
    pickPdfInWeChat('医疗救助办法.pdf', 300_000)
    await a.choosePdf()
    await flushPromises()
    expect(fakeUni.chooseMessageFile.mock.calls[0][0]).toMatchObject({ count: 1, type: 'file', extension: ['pdf'] })
    expect(uploads).toHaveLength(1)
    expect(uploads[0]).toMatchObject({ filePath: 'wxfile://tmp_医疗救助办法.pdf', name: 'file', formData: { fileName: '医疗救助办法.pdf' } })
    expect(uploads[0].header.Authorization).toBe('Bearer A')
    expect(a.blocker()).toBe(ATTACHMENTS_UPLOADING)
    uploads[0].success(saved(media(40, 'application/pdf', '医疗救助办法.pdf')))
    await settle()
    expect(a.documents.value[0]).toMatchObject({ status: 'done', mediaId: 40, name: '医疗救助办法.pdf' })
    expect(a.ids.value).toEqual([40])
    expect(a.blocker()).toBe('')
  })

  it('refuses a PDF over 10 MB without sending it, and says why the server refused another', async () => {
    setPlatformForTesting('mp-weixin')
    const a = useAttachmentUpload()
    pickPdfInWeChat('扫描件.pdf', 10 * 1024 * 1024 + 1)
    await a.choosePdf()
    expect(uploads).toHaveLength(0)
    expect(a.documents.value[0]).toMatchObject({ status: 'failed', error: PDF_TOO_LARGE })
    expect(a.blocker()).toBe(ATTACHMENTS_FAILED)
    a.removeDocument(a.documents.value[0].key)
    expect(a.blocker()).toBe('')

    pickPdfInWeChat('假的.pdf', 100)
    await a.choosePdf()
    await flushPromises()
    uploads[0].success({ statusCode: 415, data: JSON.stringify({ title: '不支持的内容类型', status: 415 }) })
    await settle()
    expect(a.documents.value[0]).toMatchObject({ status: 'failed', error: PDF_WRONG_TYPE })
    a.retryDocument(a.documents.value[0].key)
    await flushPromises()
    expect(uploads).toHaveLength(2)
  })

  it('uses a file input in H5 and uploads the chosen file through a blob URL', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:picked')
    const a = useAttachmentUpload()
    const chosen = a.choosePdf()
    const input = document.body.querySelector('input[type=file]') as HTMLInputElement
    expect(input.accept).toBe('.pdf,application/pdf')
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.4'], '通知.pdf', { type: 'application/pdf' })] })
    input.dispatchEvent(new Event('change'))
    await chosen
    await flushPromises()
    expect(uploads[0]).toMatchObject({ filePath: 'blob:picked', formData: { fileName: '通知.pdf' } })
    expect(fakeUni.chooseMessageFile).not.toHaveBeenCalled()
  })

  it('keeps the record’s attachments, lets one be removed, and shares one limit of 10 with photos and PDFs', async () => {
    serveRoutes(county(), {
      'GET /api/media/1/info': ok(media(1, 'application/pdf', '旧办法.pdf')),
      'GET /api/media/2/info': ok(media(2, 'image/png', 'a.png')),
    })
    const a = useAttachmentUpload()
    await a.keep([1, 2, 3])
    expect(a.kept.value).toEqual([
      { id: 1, pdf: true, name: '旧办法.pdf' },
      { id: 2, pdf: false, name: 'a.png' },
      { id: 3, pdf: false, name: '附件 3' },
    ])
    a.removeKept(2)
    expect(a.ids.value).toEqual([1, 3])

    pickPhotos(Array.from({ length: 9 }, (_, i) => `blob:p${i}`))
    await a.choosePhotos()
    expect(fakeUni.chooseImage.mock.calls[0][0].count).toBe(8)
    await flushPromises()
    expect(a.count.value).toBe(10)
    expect(a.full.value).toBe(true)
    uploads.forEach((u, i) => u.success(saved(media(100 + i, 'image/jpeg'))))
    await settle()
    expect(a.ids.value).toEqual([1, 3, 100, 101, 102, 103, 104, 105, 106, 107])

    await a.choosePdf()
    expect(a.chooseError.value).toBe(ATTACHMENTS_FULL)
    expect(fakeUni.chooseMessageFile).not.toHaveBeenCalled()

    // Saved: the uploads become kept attachments and are not sent as new ones again.
    a.saved([1, 100])
    expect(a.kept.value.map((k) => k.id)).toEqual([1, 100])
    expect(a.photos.items.value).toEqual([])
    expect(a.ids.value).toEqual([1, 100])
  })
})

describe('AttachmentPicker', () => {
  it('lists kept attachments and PDFs with their state, and reports removal and adding', async () => {
    const wrapper = mount(AttachmentPicker, {
      props: {
        kept: [{ id: 1, pdf: true, name: '旧办法.pdf' }],
        photos: [],
        photoMax: 7,
        documents: [
          { key: 'd1', path: 'x', name: '新办法.pdf', status: 'uploading', progress: 30, mediaId: null, error: '' },
          { key: 'd2', path: 'y', name: '坏.pdf', status: 'failed', progress: 0, mediaId: null, error: PDF_WRONG_TYPE },
        ],
        count: 3,
        max: 10,
      },
    })
    expect(wrapper.find('.attachment-kept').text()).toContain('旧办法.pdf')
    expect(wrapper.find('.attachment-progress').text()).toBe('上传中 30%')
    expect(wrapper.find('.attachment-retry').text()).toBe(PDF_WRONG_TYPE)
    await wrapper.find('.attachment-kept-remove').trigger('tap')
    await wrapper.find('.attachment-retry').trigger('tap')
    await wrapper.findAll('.attachment-document-remove')[0].trigger('tap')
    await wrapper.find('.btn-add-pdf').trigger('tap')
    await wrapper.find('.attachment-photos .photo-add').trigger('tap')
    expect(wrapper.emitted('removeKept')).toEqual([[1]])
    expect(wrapper.emitted('retryDocument')).toEqual([['d2']])
    expect(wrapper.emitted('removeDocument')).toEqual([['d1']])
    expect(wrapper.emitted('choosePdf')).toHaveLength(1)
    expect(wrapper.emitted('choosePhotos')).toHaveLength(1)
    expect(wrapper.text()).toContain('已添加 3/10 个附件')
  })
})

describe('showing attachments', () => {
  it('shows images in the gallery and each PDF as a row that downloads with the token and opens in WeChat', async () => {
    setPlatformForTesting('mp-weixin')
    serveRoutes(farmer(), {
      'GET /api/media/1/info': ok(media(1, 'image/jpeg', 'IMG.JPG')),
      'GET /api/media/2/info': ok(media(2, 'application/pdf', '医疗救助办法.pdf', 3 * 1024 * 1024)),
      'GET /api/media/3/info': () => problem(404, '未找到该照片，或无权查看'),
    })
    fakeUni.downloadFile.mockImplementation((o: { url: string; success: (r: unknown) => void }) =>
      o.success({ statusCode: 200, tempFilePath: `wxfile://tmp/${o.url.split('/').pop()}` }),
    )
    fakeUni.openDocument.mockImplementation((o: { success: () => void }) => o.success())
    const wrapper = mount(AttachmentList, { props: { ids: [1, 2, 3] } })
    await settle()
    expect(wrapper.findAll('.gallery-photo').map((i) => i.attributes('src'))).toEqual(['wxfile://tmp/1'])
    const rows = wrapper.findAll('.attachment-pdf')
    expect(rows).toHaveLength(1)
    expect(rows[0].find('.attachment-pdf-name').text()).toBe('医疗救助办法.pdf')
    expect(rows[0].text()).toContain('3.0 MB')
    expect(wrapper.find('.attachment-failed').text()).toContain('1 个附件无法加载')

    await rows[0].trigger('tap')
    await settle()
    const download = fakeUni.downloadFile.mock.calls.map((c) => c[0]).find((o: { url: string }) => o.url.endsWith('/api/media/2'))
    expect(download.header).toEqual({ Authorization: 'Bearer A' })
    expect(fakeUni.openDocument.mock.calls[0][0]).toMatchObject({ filePath: 'wxfile://tmp/2', fileType: 'pdf' })
  })

  it('says so when WeChat cannot open the PDF', async () => {
    setPlatformForTesting('mp-weixin')
    serveRoutes(farmer(), { 'GET /api/media/2/info': ok(media(2, 'application/pdf', '办法.pdf')) })
    fakeUni.downloadFile.mockImplementation((o: { success: (r: unknown) => void }) => o.success({ statusCode: 200, tempFilePath: 'wxfile://tmp/2' }))
    fakeUni.openDocument.mockImplementation((o: { fail: () => void }) => o.fail())
    const wrapper = mount(AttachmentList, { props: { ids: [2] } })
    await settle()
    await wrapper.find('.attachment-pdf').trigger('tap')
    await settle()
    expect(wrapper.find('.attachment-open-error').text()).toBe(FILE_OPEN_FAILED)
  })

  it('fetches the PDF with the token in H5 and saves it under its name', async () => {
    const fetchFn = vi.fn(async () => new Response(new Blob(['%PDF-1.4'], { type: 'application/pdf' }), { status: 200 }))
    vi.stubGlobal('fetch', fetchFn)
    URL.createObjectURL = vi.fn(() => 'blob:pdf')
    URL.revokeObjectURL = vi.fn()
    const clicked: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.href} ${this.download}`)
    })
    serveRoutes(farmer(), { 'GET /api/media/2/info': ok(media(2, 'application/pdf', '办法.pdf')) })
    const wrapper = mount(AttachmentList, { props: { ids: [2] } })
    await settle()
    await wrapper.find('.attachment-pdf').trigger('tap')
    await settle()
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/media/2')
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer A')
    expect(clicked).toEqual(['blob:pdf 办法.pdf'])
    click.mockRestore()
    vi.unstubAllGlobals()
  })

  it('shows the attachments on a policy and on a notice', async () => {
    setPlatformForTesting('mp-weixin')
    const policy = {
      id: 5, title: '困难群众医疗救助', issuer: '兰考县医疗保障局', regionCode: COUNTY, regionName: '兰考县', category: 'HEALTH',
      status: 'PUBLISHED', effectiveFrom: '2026-01-01', summary: '看病自付部分再报销', body: '<p>见附件</p>', attachmentIds: [2],
      conditionsVersion: 1, createdAt: at, publishedAt: at, version: 2, events: [],
    } as unknown as Policy
    const notice = {
      id: 8, kind: 'ANNOUNCEMENT', title: '公示', body: '<p>名单见附件</p>', regionCode: COUNTY, regionName: '兰考县', requireConfirm: false,
      status: 'PUBLISHED', attachmentIds: [2], publishedAt: at, createdAt: at, version: 1, read: true, confirmed: false,
    } as unknown as Notice
    serveRoutes(farmer(), {
      'GET /api/policies/5': ok(policy),
      'GET /api/notices/8': ok(notice),
      'GET /api/media/2/info': ok(media(2, 'application/pdf', '救助名单.pdf')),
    })
    page.query = { id: '5' }
    const policyPage = mount(PolicyDetailPage)
    await settle()
    expect(policyPage.find('.attachment-pdf-name').text()).toBe('救助名单.pdf')
    page.query = { id: '8' }
    const noticePage = mount(NoticeDetailPage)
    await settle()
    expect(noticePage.find('.attachment-pdf-name').text()).toBe('救助名单.pdf')
    expect(requests.filter((r) => path(r) === '/api/media/2/info').length).toBeGreaterThanOrEqual(1)
  })
})

describe('a notice with attachments', () => {
  it('waits for the PDF to upload, then sends its id with the notice', async () => {
    setPlatformForTesting('mp-weixin')
    session.me = null
    serveRoutes(county(), {
      'POST /api/notices': (req) => ({ statusCode: 201, data: { id: 9, status: 'DRAFT', version: 0, ...(req.data as object) } }),
    })
    const wrapper = mount(NewNoticePage)
    await settle()
    await wrapper.find('.notice-title-input').setValue('关于医疗救助的公示')
    await wrapper.find('.notice-body-input').setValue('名单见附件')
    pickPdfInWeChat('名单.pdf', 5000)
    await wrapper.find('.btn-add-pdf').trigger('tap')
    await settle()
    await wrapper.find('.btn-notice-draft').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--attachmentIds').text()).toBe(ATTACHMENTS_UPLOADING)
    expect(requests.some((r) => r.method === 'POST' && path(r) === '/api/notices')).toBe(false)
    uploads[0].success(saved(media(55, 'application/pdf', '名单.pdf')))
    await settle()
    await wrapper.find('.btn-notice-draft').trigger('tap')
    await settle()
    const sent = requests.find((r) => r.method === 'POST' && path(r) === '/api/notices')
    expect((sent?.data as { attachmentIds: number[] }).attachmentIds).toEqual([55])
  })
})

describe('a policy with attachments', () => {
  it('keeps the policy’s attachments, sends a removed one no more and a new PDF once', async () => {
    setPlatformForTesting('mp-weixin')
    page.query = { id: '5' }
    const policy = {
      id: 5, title: '困难群众医疗救助', issuer: '兰考县医疗保障局', regionCode: COUNTY, regionName: '兰考县', category: 'HEALTH',
      status: 'DRAFT', effectiveFrom: '2026-01-01', summary: '看病自付部分再报销', body: '<p>见附件</p>', attachmentIds: [1, 2],
      conditionsVersion: 1, createdAt: at, version: 2, events: [],
    } as unknown as Policy
    const updates: Record<string, unknown>[] = []
    serveRoutes(county(), {
      'GET /api/policies/5': ok(policy),
      'GET /api/media/1/info': ok(media(1, 'application/pdf', '旧办法.pdf')),
      'GET /api/media/2/info': ok(media(2, 'image/jpeg', 'IMG.JPG')),
      'POST /api/policies/5/update': (req) => {
        const sent = req.data as Record<string, unknown>
        updates.push(sent)
        return { statusCode: 200, data: { ...policy, version: 3 + updates.length, attachmentIds: sent.attachmentIds } }
      },
    })
    const wrapper = mount(PolicyEditPage)
    await settle()
    expect(wrapper.findAll('.attachment-kept').map((k) => k.text())).toEqual(['PDF旧办法.pdf删除', '图片IMG.JPG删除'])
    await wrapper.findAll('.attachment-kept-remove')[1].trigger('tap')
    pickPdfInWeChat('补充说明.pdf', 2000)
    await wrapper.find('.btn-add-pdf').trigger('tap')
    await settle()
    uploads[0].success(saved(media(60, 'application/pdf', '补充说明.pdf')))
    await settle()
    await wrapper.find('.btn-save-draft').trigger('tap')
    await settle()
    expect(updates[0]).toMatchObject({ version: 2, attachmentIds: [1, 60] })
    expect(wrapper.findAll('.attachment-kept').map((k) => k.text())).toEqual(['PDF旧办法.pdf删除', 'PDF补充说明.pdf删除'])
    expect(wrapper.findAll('.attachment-document')).toHaveLength(0)
    await wrapper.find('.btn-save-draft').trigger('tap')
    await settle()
    expect(updates[1]).toMatchObject({ version: 4, attachmentIds: [1, 60] })
  })
})
