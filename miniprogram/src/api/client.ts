import type { Problem, TokenPair } from './types'
import { clearSession, session, setTokens } from '@/stores/session'
import { currentPlatform } from '@/utils/platform'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RequestOptions {
  method?: HttpMethod
  /** Path starting with `/`, e.g. `/api/me`. */
  path: string
  query?: Record<string, string | number | boolean | null | undefined>
  body?: unknown
  headers?: Record<string, string>
  /**
   * A public endpoint (no login): sent without the token, and a 401 never leads to the login page. A stale
   * token would otherwise be refused even where none is needed.
   */
  anonymous?: boolean
}

export const NETWORK_ERROR_MESSAGE = '网络异常，请稍后再试'
export const LOGIN_PAGE = '/pages/login/index'

/** A failed call, carrying the server's RFC 9457 problem (or a synthetic one for network failures). */
export class ApiError extends Error {
  readonly problem: Problem
  readonly status: number

  constructor(problem: Problem) {
    super(problem.detail || problem.title || NETWORK_ERROR_MESSAGE)
    this.name = 'ApiError'
    this.problem = problem
    this.status = problem.status
  }

  /** True when the request never got an HTTP answer. */
  get isNetworkError(): boolean {
    return this.status === 0
  }
}

/** The problem of a request that got no HTTP answer. */
export function networkError(detail?: string): ApiError {
  return new ApiError({ type: 'about:blank', title: NETWORK_ERROR_MESSAGE, status: 0, detail: NETWORK_ERROR_MESSAGE, instance: detail })
}

export interface RawResponse {
  statusCode: number
  data: unknown
}

/** H5 is served by the backend itself; the mini-program talks to a configured host. */
export function apiBase(): string {
  if (currentPlatform() === 'h5') return ''
  const configured = import.meta.env?.VITE_API_BASE as string | undefined
  return (configured || 'http://127.0.0.1:8080').replace(/\/+$/, '')
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return apiBase() + path + (params.length ? `?${params.join('&')}` : '')
}

function send(options: RequestOptions, accessToken: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers }
  if (options.body !== undefined && !header['Content-Type']) header['Content-Type'] = 'application/json'
  if (accessToken) header.Authorization = `Bearer ${accessToken}`
  return new Promise((resolve, reject) => {
    uni.request({
      url: buildUrl(options.path, options.query),
      method: (options.method ?? 'GET') as UniApp.RequestOptions['method'],
      header,
      data: options.body as UniApp.RequestOptions['data'],
      dataType: 'json',
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: (err) => reject(networkError(typeof err?.errMsg === 'string' ? err.errMsg : undefined)),
    })
  })
}

/** A JSON body as sent (a string from some runtimes, e.g. uploadFile), parsed when it is JSON. */
export function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  if (data === '') return undefined
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

export function toProblem(res: RawResponse): Problem {
  const body = parseBody(res.data)
  if (body && typeof body === 'object' && ('title' in body || 'detail' in body)) {
    const p = body as Partial<Problem>
    return {
      type: p.type ?? 'about:blank',
      title: p.title ?? '',
      status: p.status ?? res.statusCode,
      detail: p.detail,
      instance: p.instance,
      errors: Array.isArray(p.errors) ? p.errors : undefined,
      rows: Array.isArray(p.rows) ? p.rows : undefined,
      existing: typeof p.existing === 'string' ? p.existing : undefined,
    }
  }
  return { type: 'about:blank', title: res.statusCode >= 500 ? '服务暂时不可用，请稍后再试' : '请求失败', status: res.statusCode }
}

let refreshInFlight: Promise<boolean> | null = null

/** Navigation used when the session cannot be renewed; replaceable for tests. */
let onSessionLost: () => void = () => {
  uni.reLaunch({ url: LOGIN_PAGE })
}

export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler
}

async function doRefresh(): Promise<boolean> {
  const refreshToken = session.tokens?.refreshToken
  if (!refreshToken) return false
  const res = await send({ method: 'POST', path: '/auth/refresh', body: { refreshToken } }, null)
  if (res.statusCode >= 200 && res.statusCode < 300) {
    setTokens(parseBody(res.data) as TokenPair)
    return true
  }
  return false
}

/** All concurrent 401s wait for the same refresh call. */
function refreshOnce(): Promise<boolean> {
  if (!refreshInFlight) {
    refreshInFlight = doRefresh().finally(() => {
      refreshInFlight = null
    })
  }
  return refreshInFlight
}

function sessionLost(problem: Problem): never {
  clearSession()
  onSessionLost()
  throw new ApiError(problem)
}

/**
 * Runs one exchange with the current access token; on a 401 from /api it refreshes the tokens once and
 * runs it again. Shared by JSON requests and file transfers (downloads, uploads).
 */
export async function withSession<R extends RawResponse>(path: string, exchange: (accessToken: string | null) => Promise<R>): Promise<R> {
  const usedToken = session.tokens?.accessToken ?? null
  let res = await exchange(usedToken)

  if (res.statusCode === 401 && path.startsWith('/api/')) {
    const firstProblem = toProblem(res)
    if (!session.tokens) sessionLost(firstProblem)
    // Another request may already have renewed the pair after this one was sent.
    const renewed = session.tokens.accessToken !== usedToken || (await refreshOnce())
    if (!renewed) sessionLost(firstProblem)
    res = await exchange(session.tokens?.accessToken ?? null)
    if (res.statusCode === 401) sessionLost(toProblem(res))
  }
  return res
}

/** The full URL of an API path with its query (blank values left out). */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  return buildUrl(path, query)
}

/**
 * Sends a request and keeps the status of a successful answer (e.g. 201 created against 200 for the record a
 * repeated request already made); failures throw as in `request`.
 */
export async function requestWithStatus<T>(options: RequestOptions): Promise<{ status: number; data: T }> {
  const res = options.anonymous ? await send(options, null) : await withSession(options.path, (token) => send(options, token))
  if (res.statusCode >= 200 && res.statusCode < 300) {
    return { status: res.statusCode, data: parseBody(res.data) as T }
  }
  throw new ApiError(toProblem(res))
}

/** Sends a request; on a 401 from /api it refreshes the tokens once and retries once (unless anonymous). */
export async function request<T>(options: RequestOptions): Promise<T> {
  return (await requestWithStatus<T>(options)).data
}

export const http = {
  get: <T>(path: string, query?: RequestOptions['query']) => request<T>({ method: 'GET', path, query }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>({ method: 'POST', path, body, headers }),
}
