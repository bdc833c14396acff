import { ref } from 'vue'
import { ApiError } from '@/api/client'
import { authApi, meApi } from '@/api/endpoints'
import { errorMessage } from '@/api/errors'
import type { DemoAccount, Me, TokenPair } from '@/api/types'
import { clearSession, session, setMe, setTokens } from '@/stores/session'
import { currentPlatform } from '@/utils/platform'
import { clearPhotoSources } from '@/utils/media'

export const DEV_LOGIN_DISABLED = '开发登录未启用'

/** Gets a one-time code from WeChat (`uni.login`); only the mini-program runtime has it. */
export function wechatLoginCode(): Promise<string> {
  return new Promise((resolve, reject) => {
    uni.login({
      provider: 'weixin',
      success: (res) => (res.code ? resolve(res.code) : reject(new Error('微信登录失败，请重试'))),
      fail: (err) => reject(new Error(err?.errMsg ? `微信登录失败：${err.errMsg}` : '微信登录失败，请重试')),
    })
  })
}

async function completeLogin(tokens: TokenPair): Promise<Me> {
  setTokens(tokens)
  try {
    const me = await meApi.get()
    setMe(me)
    return me
  } catch (error) {
    clearSession()
    throw error
  }
}

/** Farmer login in the mini-program: wx.login code → /auth/wechat/login. */
export async function loginFarmerWithWechat(): Promise<Me> {
  const code = await wechatLoginCode()
  return completeLogin(await authApi.wechatLogin(code))
}

/** Cadre login in the mini-program: the getPhoneNumber code, plus a wx.login code to bind WeChat. */
export async function loginCadreWithPhone(phoneCode: string): Promise<Me> {
  let loginCode: string | undefined
  try {
    loginCode = await wechatLoginCode()
  } catch {
    loginCode = undefined // binding is optional; the phone code alone identifies the cadre
  }
  return completeLogin(await authApi.cadreLogin(loginCode ? { phoneCode, loginCode } : { phoneCode }))
}

export interface DevAccounts {
  enabled: boolean
  farmers: DemoAccount[]
  cadres: DemoAccount[]
}

/** Demo accounts for the H5 development login; a 404 means the server runs in production. */
export async function loadDevAccounts(): Promise<DevAccounts> {
  try {
    const accounts = await authApi.devAccounts()
    return {
      enabled: true,
      farmers: accounts.filter((a) => a.role === 'FARMER'),
      cadres: accounts.filter((a) => a.role !== 'FARMER'),
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { enabled: false, farmers: [], cadres: [] }
    throw error
  }
}

export async function loginAsDemoAccount(accountId: number): Promise<Me> {
  return completeLogin(await authApi.devLogin(accountId))
}

/** Revokes the refresh token (best effort) and forgets the session locally. */
export async function logout(): Promise<void> {
  const refreshToken = session.tokens?.refreshToken
  try {
    if (refreshToken) await authApi.logout(refreshToken)
  } catch {
    // The local session is cleared either way; an unreachable server must not trap the user.
  } finally {
    clearSession()
    clearPhotoSources()
  }
}

/** Page-facing state around the platform-specific login paths. */
export function useLogin() {
  const platform = currentPlatform()
  const busy = ref(false)
  const error = ref('')

  async function run(action: () => Promise<Me>): Promise<Me | null> {
    if (busy.value) return null
    busy.value = true
    error.value = ''
    try {
      return await action()
    } catch (e) {
      error.value = e instanceof ApiError ? errorMessage(e) : e instanceof Error ? e.message : errorMessage(e)
      return null
    } finally {
      busy.value = false
    }
  }

  return {
    platform,
    isH5: platform === 'h5',
    busy,
    error,
    farmerLogin: () => run(loginFarmerWithWechat),
    cadreLogin: (phoneCode: string) => run(() => loginCadreWithPhone(phoneCode)),
    devLogin: (accountId: number) => run(() => loginAsDemoAccount(accountId)),
    loadDevAccounts,
    logout,
  }
}
