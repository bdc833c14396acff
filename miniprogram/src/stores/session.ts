import { reactive } from 'vue'
import type { Me, TokenPair } from '@/api/types'

const TOKENS_KEY = 'dixian.tokens'

interface SessionState {
  tokens: TokenPair | null
  me: Me | null
}

export const session = reactive<SessionState>({
  tokens: readStoredTokens(),
  me: null,
})

function readStoredTokens(): TokenPair | null {
  try {
    const stored = uni.getStorageSync(TOKENS_KEY) as TokenPair | '' | undefined
    return stored && typeof stored === 'object' && stored.accessToken ? stored : null
  } catch {
    return null
  }
}

/** Re-reads the token pair from storage (another page or a test may have changed it). */
export function reloadTokens(): TokenPair | null {
  session.tokens = readStoredTokens()
  return session.tokens
}

export function setTokens(tokens: TokenPair): void {
  session.tokens = tokens
  uni.setStorageSync(TOKENS_KEY, tokens)
}

export function setMe(me: Me | null): void {
  session.me = me
}

export function clearSession(): void {
  session.tokens = null
  session.me = null
  try {
    uni.removeStorageSync(TOKENS_KEY)
  } catch {
    // Storage may be unavailable (private mode); the in-memory state is already cleared.
  }
}

export function isLoggedIn(): boolean {
  return !!session.tokens?.accessToken
}
