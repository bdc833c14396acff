import { describe, expect, it } from 'vitest'
import {
  DEV_LOGIN_DISABLED,
  loadDevAccounts,
  loginAsDemoAccount,
  loginCadreWithPhone,
  loginFarmerWithWechat,
  logout,
  useLogin,
} from '@/composables/useLogin'
import { session, setTokens } from '@/stores/session'
import { setPlatformForTesting } from '@/utils/platform'
import { fakeUni, path, problem, requests, serve, storedValue } from './fake-uni'

const tokens = { accessToken: 'ACCESS', refreshToken: 'REFRESH', tokenType: 'Bearer', expiresIn: 900 }
const farmerMe = {
  id: 10,
  name: '赵大山',
  role: 'FARMER',
  level: 5,
  regionCode: '410225101201',
  householdId: null,
  regionPath: [{ code: '410000000000', name: '河南省', level: 1 }],
}
const demoAccounts = [
  { id: 1, name: '王秀兰', role: 'TOWNSHIP_CADRE', position: '副镇长', regionCode: '410225101000', regionName: '堌阳镇', level: 4 },
  { id: 2, name: '赵大山', role: 'FARMER', regionCode: '410225101201', regionName: '任庄村', level: 5 },
  { id: 3, name: '孙丽', role: 'ACCOUNT_MANAGER', regionCode: '410225000000', regionName: '兰考县', level: 3 },
]

function backend() {
  serve((req) => {
    switch (path(req)) {
      case '/auth/dev/accounts':
        return { statusCode: 200, data: demoAccounts }
      case '/auth/dev/login':
      case '/auth/wechat/login':
      case '/auth/wechat/cadre-login':
        return { statusCode: 200, data: tokens }
      case '/api/me':
        return req.header.Authorization === 'Bearer ACCESS' ? { statusCode: 200, data: farmerMe } : problem(401, '未登录')
      case '/auth/logout':
        return { statusCode: 204 }
      default:
        return problem(404, '未找到')
    }
  })
}

function wxLoginGives(code: string | null) {
  fakeUni.login.mockImplementation((opts: { success?: (r: { code: string }) => void; fail?: (e: { errMsg: string }) => void }) => {
    if (code) opts.success?.({ code })
    else opts.fail?.({ errMsg: 'login:fail' })
  })
}

describe('H5 development login', () => {
  it('groups the demo accounts into farmers and cadres', async () => {
    backend()
    const result = await loadDevAccounts()
    expect(result.enabled).toBe(true)
    expect(result.farmers.map((a) => a.name)).toEqual(['赵大山'])
    expect(result.cadres.map((a) => a.name)).toEqual(['王秀兰', '孙丽'])
  })

  it('reports a disabled development login on 404', async () => {
    serve(() => problem(404, '未找到'))
    const result = await loadDevAccounts()
    expect(result).toEqual({ enabled: false, farmers: [], cadres: [] })
    expect(DEV_LOGIN_DISABLED).toBe('开发登录未启用')
  })

  it('logs in as a demo account, stores the pair and loads /api/me', async () => {
    backend()
    const me = await loginAsDemoAccount(2)
    expect(me.name).toBe('赵大山')
    const login = requests.find((r) => path(r) === '/auth/dev/login')!
    expect(login.method).toBe('POST')
    expect(login.data).toEqual({ accountId: 2 })
    expect(storedValue('dixian.tokens')).toEqual(tokens)
    expect(session.me?.name).toBe('赵大山')
    expect(requests.map(path)).toEqual(['/auth/dev/login', '/api/me'])
  })

  it('shows the server detail when the login is refused', async () => {
    serve(() => problem(400, '请求参数有误', '演示账号不存在'))
    const login = useLogin()
    expect(login.isH5).toBe(true)
    expect(await login.devLogin(99)).toBeNull()
    expect(login.error.value).toBe('演示账号不存在')
    expect(session.tokens).toBeNull()
  })
})

describe('mini-program login', () => {
  it('sends the wx.login code for a farmer', async () => {
    setPlatformForTesting('mp-weixin')
    backend()
    wxLoginGives('WXCODE1')
    const me = await loginFarmerWithWechat()
    expect(me.role).toBe('FARMER')
    const login = requests.find((r) => path(r) === '/auth/wechat/login')!
    expect(login.url).toBe('http://127.0.0.1:8080/auth/wechat/login')
    expect(login.data).toEqual({ code: 'WXCODE1' })
    expect(session.tokens).toEqual(tokens)
    expect(useLogin().isH5).toBe(false)
  })

  it('sends the phone code and a login code for a cadre', async () => {
    setPlatformForTesting('mp-weixin')
    backend()
    wxLoginGives('WXCODE2')
    await loginCadreWithPhone('PHONECODE')
    const login = requests.find((r) => path(r) === '/auth/wechat/cadre-login')!
    expect(login.data).toEqual({ phoneCode: 'PHONECODE', loginCode: 'WXCODE2' })
  })

  it('lets a cadre log in when wx.login fails, and fails a farmer with a Chinese message', async () => {
    setPlatformForTesting('mp-weixin')
    backend()
    wxLoginGives(null)
    await loginCadreWithPhone('PHONECODE')
    expect(requests.find((r) => path(r) === '/auth/wechat/cadre-login')!.data).toEqual({ phoneCode: 'PHONECODE' })

    const login = useLogin()
    expect(await login.farmerLogin()).toBeNull()
    expect(login.error.value).toContain('微信登录失败')
    expect(requests.filter((r) => path(r) === '/auth/wechat/login')).toHaveLength(0)
  })
})

describe('logout', () => {
  it('revokes the refresh token and clears storage', async () => {
    backend()
    setTokens(tokens)
    await logout()
    const call = requests.find((r) => path(r) === '/auth/logout')!
    expect(call.data).toEqual({ refreshToken: 'REFRESH' })
    expect(session.tokens).toBeNull()
    expect(storedValue('dixian.tokens')).toBeUndefined()
  })

  it('clears the session even when the server cannot be reached', async () => {
    serve(() => 'network-error')
    setTokens(tokens)
    await logout()
    expect(session.tokens).toBeNull()
  })
})
