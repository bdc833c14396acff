import { ApiError, apiUrl, networkError, toProblem, withSession, type RequestOptions } from '@/api/client'
import { isH5 } from './platform'

/** A file the user picked, read into memory (the import limit is 5 MB). */
export interface PickedFile {
  name: string
  size: number
  data: ArrayBuffer
}

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

interface Fetched {
  statusCode: number
  data: unknown
  blob?: Blob
  filePath?: string
}

/** H5: fetches an API file with the bearer token (renewed once on a 401) and keeps the body as a Blob. */
export async function fetchBlob(path: string, query?: RequestOptions['query']): Promise<Blob> {
  const res = await withSession<Fetched>(path, async (token) => {
    let response: Response
    try {
      response = await fetch(apiUrl(path, query), { headers: token ? { Authorization: `Bearer ${token}` } : {} })
    } catch (e) {
      throw networkError(String(e))
    }
    if (response.ok) return { statusCode: response.status, data: undefined, blob: await response.blob() }
    return { statusCode: response.status, data: await response.text() }
  })
  if (res.statusCode < 200 || res.statusCode >= 300 || !res.blob) throw new ApiError(toProblem(res))
  return res.blob
}

/** H5: fetch with the bearer token, keep the body as a Blob, and save it through a temporary link. */
async function downloadInBrowser(path: string, query: RequestOptions['query'], fileName: string): Promise<void> {
  const url = URL.createObjectURL(await fetchBlob(path, query))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A failed download's body is the problem JSON, written to the temporary file. */
function readTextFile(filePath: string): string {
  try {
    return uni.getFileSystemManager().readFileSync(filePath, 'utf8') as string
  } catch {
    return ''
  }
}

/** Mini-program: uni.downloadFile with the bearer token (renewed once on a 401); the temporary file's path. */
export async function downloadToTemp(path: string, query?: RequestOptions['query']): Promise<string> {
  const res = await withSession<Fetched>(
    path,
    (token) =>
      new Promise((resolve, reject) => {
        uni.downloadFile({
          url: apiUrl(path, query),
          header: token ? { Authorization: `Bearer ${token}` } : {},
          success: (r) =>
            resolve(
              r.statusCode >= 200 && r.statusCode < 300
                ? { statusCode: r.statusCode, data: undefined, filePath: r.tempFilePath }
                : { statusCode: r.statusCode, data: readTextFile(r.tempFilePath) },
            ),
          fail: (err) => reject(networkError(err?.errMsg)),
        })
      }),
  )
  if (res.statusCode < 200 || res.statusCode >= 300 || !res.filePath) throw new ApiError(toProblem(res))
  return res.filePath
}

export const FILE_OPEN_FAILED = '文件已下载，但无法打开，请稍后在“文件”中查看'

/** Mini-program: download with the bearer token, then open the file in WeChat's document viewer. */
async function downloadInMiniProgram(path: string, query: RequestOptions['query'], fileType: 'xlsx' | 'pdf'): Promise<void> {
  const filePath = await downloadToTemp(path, query)
  await new Promise<void>((resolve, reject) => {
    uni.openDocument({
      filePath,
      fileType,
      showMenu: true,
      success: () => resolve(),
      fail: () => reject(new Error(FILE_OPEN_FAILED)),
    })
  })
}

/** Downloads an Excel workbook from the API: saved by the browser in H5, opened in WeChat's viewer in the mini-program. */
export function downloadWorkbook(path: string, query: RequestOptions['query'], fileName: string): Promise<void> {
  return isH5() ? downloadInBrowser(path, query, fileName) : downloadInMiniProgram(path, query, 'xlsx')
}

/** Opens a PDF from the API the same way: saved by the browser under its name in H5, WeChat's viewer in the mini-program. */
export function openPdf(path: string, fileName: string): Promise<void> {
  return isH5() ? downloadInBrowser(path, undefined, fileName) : downloadInMiniProgram(path, undefined, 'pdf')
}

/** H5: a hidden file input accepting `accept`; resolves null when the chooser is closed without a file. */
function chooseInBrowser(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    const done = () => input.remove()
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done()
      resolve(file ?? null)
    })
    input.addEventListener('cancel', () => {
      done()
      resolve(null)
    })
    document.body.appendChild(input)
    input.click()
  })
}

/** H5: one workbook, read into memory. */
async function pickInBrowser(): Promise<PickedFile | null> {
  const file = await chooseInBrowser(XLSX_ACCEPT)
  if (!file) return null
  try {
    return { name: file.name, size: file.size, data: await file.arrayBuffer() }
  } catch {
    throw new Error('无法读取所选文件')
  }
}

/** Mini-program: a file from a WeChat chat (wx.chooseMessageFile), read as an ArrayBuffer. */
function pickInMiniProgram(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    uni.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['xlsx'],
      success: (res) => {
        const file = res.tempFiles[0]
        if (!file) {
          resolve(null)
          return
        }
        uni.getFileSystemManager().readFile({
          filePath: file.path,
          success: (read) => resolve({ name: file.name, size: file.size, data: read.data as ArrayBuffer }),
          fail: () => reject(new Error('无法读取所选文件')),
        })
      },
      fail: (err) => (String(err?.errMsg ?? '').includes('cancel') ? resolve(null) : reject(new Error('无法选择文件'))),
    })
  })
}

/** Lets the user pick one .xlsx workbook; null when cancelled. */
export function pickWorkbook(): Promise<PickedFile | null> {
  return isH5() ? pickInBrowser() : pickInMiniProgram()
}

/** A picked file left where it is: a temporary path (a blob URL in H5) with the name the user sees. */
export interface PickedPath {
  path: string
  name: string
  size: number
}

export const PDF_CHOOSE_FAILED = '无法选择文件，请从微信聊天中选择 PDF 文件'

/**
 * Lets the user pick one PDF: a file input in H5, a file from a WeChat chat (wx.chooseMessageFile) in the
 * mini-program, where files live; null when cancelled.
 */
export async function pickPdf(): Promise<PickedPath | null> {
  if (isH5()) {
    const file = await chooseInBrowser('.pdf,application/pdf')
    return file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null
  }
  return new Promise((resolve, reject) => {
    uni.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['pdf'],
      success: (res) => {
        const file = res.tempFiles[0]
        resolve(file ? { path: file.path, name: file.name, size: file.size } : null)
      },
      fail: (err) => (String(err?.errMsg ?? '').includes('cancel') ? resolve(null) : reject(new Error(PDF_CHOOSE_FAILED))),
    })
  })
}
