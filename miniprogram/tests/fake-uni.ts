import { vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { onMounted } from 'vue'

export interface FakeRequest {
  url: string
  method: string
  header: Record<string, string>
  data: unknown
}

export interface FakeResponse {
  statusCode: number
  data?: unknown
}

type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse> | 'network-error'

const storage = new Map<string, unknown>()
let handler: Handler = () => ({ statusCode: 404, data: { type: 'about:blank', title: '未找到', status: 404 } })

export const requests: FakeRequest[] = []

/** Routes every uni.request through `next`, asynchronously, the way the real runtime answers. */
export function serve(next: Handler): void {
  handler = next
}

/** Requests answered by `METHOD /path`; GET /api/me answers with `me`, anything else not routed with 404. */
export type Routes = Record<string, (req: FakeRequest) => FakeResponse | 'network-error'>

export function serveRoutes(me: unknown, routes: Routes): void {
  serve((req) => {
    const p = path(req)
    if (p === '/api/me') return { statusCode: 200, data: me }
    const route = routes[`${req.method} ${p}`]
    return route ? route(req) : problem(404, '未找到')
  })
}

/** The POST requests sent so far. */
export const posts = () => requests.filter((r) => r.method === 'POST')

export const fakeUni = {
  getStorageSync: vi.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: vi.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: vi.fn((key: string) => void storage.delete(key)),
  request: vi.fn((options: {
    url: string
    method?: string
    header?: Record<string, string>
    data?: unknown
    success?: (res: { statusCode: number; data: unknown; header: object }) => void
    fail?: (err: { errMsg: string }) => void
  }) => {
    const req: FakeRequest = {
      url: options.url,
      method: options.method ?? 'GET',
      header: options.header ?? {},
      data: options.data,
    }
    requests.push(req)
    setTimeout(async () => {
      const res = await handler(req)
      if (res === 'network-error') options.fail?.({ errMsg: 'request:fail' })
      else options.success?.({ statusCode: res.statusCode, data: res.data ?? '', header: {} })
    }, 0)
  }),
  login: vi.fn(),
  reLaunch: vi.fn(),
  navigateTo: vi.fn(),
  redirectTo: vi.fn(),
  navigateBack: vi.fn(),
  scanCode: vi.fn(),
  makePhoneCall: vi.fn((options: { phoneNumber: string; success?: () => void }) => options.success?.()),
  showToast: vi.fn(),
  showModal: vi.fn(),
  // Photos and position: each test that needs them gives an implementation.
  chooseImage: vi.fn(),
  uploadFile: vi.fn(),
  downloadFile: vi.fn(),
  previewImage: vi.fn(),
  chooseMessageFile: vi.fn(),
  openDocument: vi.fn(),
  getLocation: vi.fn(),
}

export function storedValue(key: string): unknown {
  return storage.get(key)
}

export function resetFakeUni(): void {
  storage.clear()
  requests.length = 0
  handler = () => ({ statusCode: 404, data: { type: 'about:blank', title: '未找到', status: 404 } })
  Object.values(fakeUni).forEach((fn) => fn.mockClear())
  for (const fn of [fakeUni.chooseImage, fakeUni.uploadFile, fakeUni.downloadFile, fakeUni.previewImage, fakeUni.getLocation,
    fakeUni.chooseMessageFile, fakeUni.openDocument]) fn.mockReset()
}

export function problem(status: number, title: string, detail?: string, errors?: { field: string; message: string }[]) {
  return { statusCode: status, data: { type: `https://dixian.org/problems/${status}`, title, status, detail, errors } }
}

export function path(req: FakeRequest): string {
  return req.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]
}

/** What the page under test is opened with: `onLoad` hands `page.query` over. */
export const page = { query: {} as Record<string, string> }

/**
 * The page hooks of @dcloudio/uni-app for a mounted page: onLoad (with `page.query`) and onShow run on mount.
 * In a test file: `vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))`.
 */
export const fakeUniApp = {
  onShow: (fn: () => void) => onMounted(fn),
  onLoad: (fn: (query: Record<string, string>) => void) => onMounted(() => fn(page.query)),
  onLaunch: () => {},
}

/** Lets the fake requests answer and the page render what they brought, with room for a loaded machine. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
}
