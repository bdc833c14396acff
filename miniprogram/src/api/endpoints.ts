import { http } from './client'
import type {
  Account,
  AccountPage,
  AccountStatus,
  CadreLoginRequest,
  DemoAccount,
  Me,
  NewAccount,
  Region,
  Role,
  TokenPair,
} from './types'

export const authApi = {
  wechatLogin: (code: string) => http.post<TokenPair>('/auth/wechat/login', { code }),
  cadreLogin: (body: CadreLoginRequest) => http.post<TokenPair>('/auth/wechat/cadre-login', body),
  devAccounts: () => http.get<DemoAccount[]>('/auth/dev/accounts'),
  devLogin: (accountId: number) => http.post<TokenPair>('/auth/dev/login', { accountId }),
  logout: (refreshToken: string) => http.post<void>('/auth/logout', { refreshToken }),
}

export const meApi = {
  get: () => http.get<Me>('/api/me'),
}

export const regionsApi = {
  get: (code: string) => http.get<Region>(`/api/regions/${encodeURIComponent(code)}`),
  children: (code: string) => http.get<Region[]>(`/api/regions/${encodeURIComponent(code)}/children`),
  path: (code: string) => http.get<Region[]>(`/api/regions/${encodeURIComponent(code)}/path`),
}

export interface AccountQuery {
  region?: string
  role?: Role
  status?: AccountStatus
  q?: string
  after?: number | null
  limit?: number
}

export const accountsApi = {
  list: (query: AccountQuery = {}) => http.get<AccountPage>('/api/accounts', { ...query }),
  create: (body: NewAccount, idempotencyKey: string) =>
    http.post<Account>('/api/accounts', body, { 'Idempotency-Key': idempotencyKey }),
  disable: (id: number, reason: string) => http.post<Account>(`/api/accounts/${id}/disable`, { reason }),
  enable: (id: number, reason: string) => http.post<Account>(`/api/accounts/${id}/enable`, { reason }),
}
