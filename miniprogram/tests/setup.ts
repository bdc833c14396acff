import { beforeEach } from 'vitest'
import { fakeUni, resetFakeUni } from './fake-uni'

;(globalThis as unknown as { uni: typeof fakeUni }).uni = fakeUni

beforeEach(async () => {
  resetFakeUni()
  const { clearSession } = await import('@/stores/session')
  clearSession()
  const { setPlatformForTesting } = await import('@/utils/platform')
  setPlatformForTesting('h5')
})
