import { ref } from 'vue'
import { LOGIN_PAGE } from '@/api/client'
import { qrApi } from '@/api/endpoints'
import { errorMessage } from '@/api/errors'
import { isLoggedIn } from '@/stores/session'
import { canScanCode, scanQrCode } from '@/utils/platform'
import { extractQrCode, rememberPendingScan, scanOutcome, scanPageUrl, type ScanOutcome } from '@/utils/qr'
import { ensureMe } from './useMe'

export const UNRECOGNIZED_CODE = '无法识别的二维码，请扫描村里张贴的村级码或农户的一户一码'

/** Resolves a scanned or linked code and goes where it leads (a cadre's household page) or says what it is. */
export function useScan() {
  const outcome = ref<ScanOutcome | null>(null)
  const error = ref('')
  const resolving = ref(false)

  async function resolve(raw: string | null | undefined): Promise<ScanOutcome | null> {
    if (resolving.value) return null
    outcome.value = null
    error.value = ''
    const code = extractQrCode(raw)
    if (!code) {
      error.value = UNRECOGNIZED_CODE
      return null
    }
    if (!isLoggedIn()) {
      // Picked up by the home page once the user has signed in.
      rememberPendingScan(code)
      uni.reLaunch({ url: LOGIN_PAGE })
      return null
    }
    resolving.value = true
    try {
      const [target, me] = await Promise.all([qrApi.resolve(code), ensureMe()])
      const result = scanOutcome(target, me.role)
      if (result.kind === 'open') uni.redirectTo({ url: result.url })
      else outcome.value = result
      return result
    } catch (e) {
      error.value = errorMessage(e)
      return null
    } finally {
      resolving.value = false
    }
  }

  /** The camera scanner (mini-program only); a cancelled scan changes nothing. */
  async function scan(): Promise<ScanOutcome | null> {
    error.value = ''
    try {
      const raw = await scanQrCode()
      return raw === null ? null : await resolve(raw)
    } catch (e) {
      error.value = e instanceof Error ? e.message : errorMessage(e)
      return null
    }
  }

  return { outcome, error, resolving, resolve, scan, canScan: canScanCode() }
}

/** The home page's 扫一扫: the camera at once in the mini-program, the scan page (code input) in a browser. */
export async function startScan(): Promise<void> {
  if (!canScanCode()) {
    uni.navigateTo({ url: '/pages/scan/index' })
    return
  }
  let raw: string | null
  try {
    raw = await scanQrCode()
  } catch (e) {
    uni.showToast({ title: e instanceof Error ? e.message : '扫码失败，请重试', icon: 'none' })
    return
  }
  if (raw === null) return
  const code = extractQrCode(raw)
  if (!code) {
    uni.showToast({ title: UNRECOGNIZED_CODE, icon: 'none', duration: 3000 })
    return
  }
  uni.navigateTo({ url: scanPageUrl(code) })
}
