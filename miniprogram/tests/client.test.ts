import { describe, expect, it, vi } from 'vitest'
import { ApiError, apiBase, http, NETWORK_ERROR_MESSAGE } from '@/api/client'
import { errorMessage, fieldErrors, showError } from '@/api/errors'
import { session, setTokens } from '@/stores/session'
import { setPlatformForTesting } from '@/utils/platform'
import { fakeUni, path, problem, requests, serve, storedValue } from './fake-uni'

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the call to fail')
}

const pair = (n: number) => ({ accessToken: `A${n}`, refreshToken: `R${n}`, tokenType: 'Bearer', expiresIn: 900 })

describe('api client', () => {
  it('sends the bearer token of the stored pair', async () => {
    setTokens(pair(1))
    serve(() => ({ statusCode: 200, data: { id: 1, name: '赵大山' } }))
    const me = await http.get<{ name: string }>('/api/me')
    expect(me.name).toBe('赵大山')
    expect(requests).toHaveLength(1)
    expect(requests[0].header.Authorization).toBe('Bearer A1')
    expect(requests[0].url).toBe('/api/me')
  })

  it('sends no Authorization header without a session', async () => {
    serve(() => ({ statusCode: 200, data: [] }))
    await http.get('/auth/dev/accounts')
    expect(requests[0].header.Authorization).toBeUndefined()
  })

  it('adds query parameters and skips empty ones', async () => {
    setTokens(pair(1))
    serve(() => ({ statusCode: 200, data: { items: [] } }))
    await http.get('/api/accounts', { after: 42, limit: 20, role: undefined, q: '' })
    expect(requests[0].url).toBe('/api/accounts?after=42&limit=20')
  })

  it('shares one refresh between concurrent 401s and retries each request once', async () => {
    setTokens(pair(1))
    let refreshes = 0
    serve(async (req) => {
      if (path(req) === '/auth/refresh') {
        refreshes++
        await new Promise((r) => setTimeout(r, 20))
        return { statusCode: 200, data: pair(2) }
      }
      if (req.header.Authorization === 'Bearer A2') return { statusCode: 200, data: { path: path(req) } }
      return problem(401, '未登录', '登录已过期')
    })

    const results = await Promise.all([
      http.get<{ path: string }>('/api/me'),
      http.get<{ path: string }>('/api/regions/410225101000/children'),
      http.get<{ path: string }>('/api/accounts'),
    ])

    expect(results.map((r) => r.path)).toEqual(['/api/me', '/api/regions/410225101000/children', '/api/accounts'])
    expect(refreshes).toBe(1)
    const refreshCall = requests.find((r) => path(r) === '/auth/refresh')!
    expect(refreshCall.data).toEqual({ refreshToken: 'R1' })
    expect(refreshCall.header.Authorization).toBeUndefined()
    expect(requests.filter((r) => path(r) !== '/auth/refresh')).toHaveLength(6)
    expect(session.tokens).toEqual(pair(2))
    expect(storedValue('dixian.tokens')).toEqual(pair(2))
    expect(fakeUni.reLaunch).not.toHaveBeenCalled()
  })

  it('does not refresh again when the pair was renewed while the request was in flight', async () => {
    setTokens(pair(1))
    let refreshes = 0
    serve(async (req) => {
      if (path(req) === '/auth/refresh') {
        refreshes++
        return { statusCode: 200, data: pair(2) }
      }
      if (req.header.Authorization === 'Bearer A2') return { statusCode: 200, data: 'ok' }
      // The slow request's 401 arrives after the refresh has finished.
      if (path(req) === '/api/slow') await new Promise((r) => setTimeout(r, 30))
      return problem(401, '未登录')
    })
    await Promise.all([http.get('/api/fast'), http.get('/api/slow')])
    expect(refreshes).toBe(1)
  })

  it('retries only once and logs out when the retry is refused as well', async () => {
    setTokens(pair(1))
    serve((req) => (path(req) === '/auth/refresh' ? { statusCode: 200, data: pair(2) } : problem(401, '未登录')))
    const error = await failure(http.get('/api/me'))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(401)
    expect(requests.map(path)).toEqual(['/api/me', '/auth/refresh', '/api/me'])
    expect(session.tokens).toBeNull()
    expect(fakeUni.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('clears the tokens and goes to the login page when the refresh fails', async () => {
    setTokens(pair(1))
    serve((req) =>
      path(req) === '/auth/refresh' ? problem(401, '令牌无效', '登录已失效，请重新登录') : problem(401, '未登录', '登录已过期'),
    )
    const results = await Promise.allSettled([http.get('/api/me'), http.get('/api/accounts')])
    expect(results.every((r) => r.status === 'rejected')).toBe(true)
    expect(requests.filter((r) => path(r) === '/auth/refresh')).toHaveLength(1)
    expect(session.tokens).toBeNull()
    expect(storedValue('dixian.tokens')).toBeUndefined()
    expect(fakeUni.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' })
  })

  it('does not try to refresh for a 401 outside /api', async () => {
    setTokens(pair(1))
    serve(() => problem(401, '登录失败', '微信登录凭证无效'))
    const error = await failure(http.post('/auth/wechat/login', { code: 'x' }))
    expect(error).toBeInstanceOf(ApiError)
    expect(requests).toHaveLength(1)
    expect(session.tokens).toEqual(pair(1))
    expect(fakeUni.reLaunch).not.toHaveBeenCalled()
  })

  it('turns a problem+json answer into an ApiError with field errors', async () => {
    setTokens(pair(1))
    serve(() =>
      problem(400, '请求参数有误', '手机号格式不正确', [
        { field: 'body.phone', message: '请输入 11 位手机号' },
        { field: 'regionCode', message: '区划代码须为 12 位数字' },
      ]),
    )
    const error = await failure(http.post('/api/accounts', {}))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.problem.title).toBe('请求参数有误')
    expect(errorMessage(error)).toBe('手机号格式不正确')
    expect(fieldErrors(error)).toEqual({ phone: '请输入 11 位手机号', regionCode: '区划代码须为 12 位数字' })
  })

  it('parses a problem body that arrives as a string', async () => {
    serve(() => ({ statusCode: 409, data: JSON.stringify({ type: 't', title: '手机号已被使用', status: 409 }) }))
    const error = await failure(http.post('/auth/dev/login', { accountId: 1 }))
    expect(error.status).toBe(409)
    expect(errorMessage(error)).toBe('手机号已被使用')
  })

  it('reports network failures with the generic Chinese message', async () => {
    serve(() => 'network-error')
    const error = await failure(http.get('/auth/dev/accounts'))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.isNetworkError).toBe(true)
    expect(errorMessage(error)).toBe(NETWORK_ERROR_MESSAGE)
    expect(errorMessage(new Error('boom'))).toBe(NETWORK_ERROR_MESSAGE)
    showError(error)
    expect(fakeUni.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络异常，请稍后再试', icon: 'none' }))
  })

  it('falls back to the title when there is no detail', () => {
    const error = new ApiError({ type: 't', title: '无权访问', status: 403 })
    expect(errorMessage(error)).toBe('无权访问')
    expect(errorMessage(new ApiError({ type: 't', title: '', status: 500 }))).toBe(NETWORK_ERROR_MESSAGE)
  })

  it('uses the same origin in H5 and the configured host in the mini-program', () => {
    setPlatformForTesting('h5')
    expect(apiBase()).toBe('')
    setPlatformForTesting('mp-weixin')
    vi.stubEnv('VITE_API_BASE', 'https://api.example.cn/')
    expect(apiBase()).toBe('https://api.example.cn')
    vi.stubEnv('VITE_API_BASE', '')
    expect(apiBase()).toBe('http://127.0.0.1:8080')
    vi.unstubAllEnvs()
  })
})
