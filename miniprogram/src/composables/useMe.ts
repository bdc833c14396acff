import { meApi } from '@/api/endpoints'
import type { Me } from '@/api/types'
import { session, setMe } from '@/stores/session'

/** The signed-in user, asked once from `/api/me` when a page is opened directly (a link, a scanned code). */
export async function ensureMe(): Promise<Me> {
  if (session.me) return session.me
  const me = await meApi.get()
  setMe(me)
  return me
}
