import type { QrTarget, Role } from '@/api/types'
import { isCadre } from './labels'

const PENDING_KEY = 'dixian.pendingScan'
/** Household codes `H<id>-<random>-<signature>`, village codes `V<12 digits>-<signature>` (at most 80 long). */
const CODE = /^[HV][0-9A-Za-z]*-[0-9A-Za-z_-]{1,78}$/

/**
 * The code inside what was scanned or opened: the `c` parameter of the scan page link that the QR carries
 * (`<public-url>/#/pages/scan/index?c=<code>`), that link URL-encoded once more (WeChat hands a
 * "普通链接二维码" to the page as `q`), or a bare code. Null when it is none of these.
 */
export function extractQrCode(raw: string | null | undefined): string | null {
  let value = (raw ?? '').trim()
  if (!value) return null
  if (/^https?%3A/i.test(value)) {
    try {
      value = decodeURIComponent(value)
    } catch {
      return null
    }
  }
  const param = /[?&]c=([^&#]+)/.exec(value)
  if (param) {
    try {
      value = decodeURIComponent(param[1])
    } catch {
      return null
    }
  }
  return CODE.test(value) ? value : null
}

export type ScanOutcome =
  /** A cadre's household code: straight to the household page. */
  | { kind: 'open'; url: string }
  /** A household code scanned by a farmer: the entry to self-declaration. */
  | { kind: 'declare'; regionCode: string; regionName: string; ownHousehold: boolean }
  /** A village code: declaration for farmers not registered yet. */
  | { kind: 'village'; regionCode: string; regionName: string }
  | { kind: 'unknown' }

/** Where a resolved code leads this user. */
export function scanOutcome(target: QrTarget, role: Role | string | null | undefined): ScanOutcome {
  const regionName = target.regionName || target.regionCode
  switch (target.kind) {
    case 'HOUSEHOLD':
      if (target.householdId != null && isCadre(role) && role !== 'ACCOUNT_MANAGER') {
        return { kind: 'open', url: `/pages/households/detail?id=${target.householdId}` }
      }
      return { kind: 'unknown' }
    case 'DECLARE':
      return { kind: 'declare', regionCode: target.regionCode, regionName, ownHousehold: target.householdId != null }
    case 'VILLAGE':
      return { kind: 'village', regionCode: target.regionCode, regionName }
    default:
      return { kind: 'unknown' }
  }
}

/** A code opened before signing in, picked up by the home page after login. */
export function rememberPendingScan(code: string): void {
  try {
    uni.setStorageSync(PENDING_KEY, code)
  } catch {
    // Without storage the user simply scans again after signing in.
  }
}

export function takePendingScan(): string | null {
  try {
    const code = uni.getStorageSync(PENDING_KEY) as string | ''
    if (!code) return null
    uni.removeStorageSync(PENDING_KEY)
    return typeof code === 'string' ? code : null
  } catch {
    return null
  }
}

export function scanPageUrl(code: string): string {
  return `/pages/scan/index?c=${encodeURIComponent(code)}`
}
