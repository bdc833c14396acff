export type Platform = 'h5' | 'mp-weixin' | string

let override: Platform | null = null

/** The uni-app build target; `process.env.UNI_PLATFORM` is replaced at build time by the uni Vite plugin. */
export function currentPlatform(): Platform {
  if (override) return override
  try {
    return process.env.UNI_PLATFORM || 'h5'
  } catch {
    return 'h5'
  }
}

/** Lets tests exercise both platform paths. */
export function setPlatformForTesting(platform: Platform | null): void {
  override = platform
}

export function isH5(): boolean {
  return currentPlatform() === 'h5'
}

/** The camera scanner (`uni.scanCode`) exists in the mini-program only, not in a browser. */
export function canScanCode(): boolean {
  return currentPlatform() === 'mp-weixin'
}

/** Opens the camera scanner; the scanned text, or null when the user cancelled. */
export function scanQrCode(): Promise<string | null> {
  return new Promise((resolve, reject) => {
    uni.scanCode({
      scanType: ['qrCode'],
      success: (res) => resolve(res.result ?? ''),
      fail: (err) => {
        if (String(err?.errMsg ?? '').includes('cancel')) resolve(null)
        else reject(new Error('扫码失败，请重试'))
      },
    })
  })
}

/** The phone dialer (`uni.makePhoneCall`) is used in the mini-program; a browser shows the number instead. */
export function canMakePhoneCall(): boolean {
  return currentPlatform() === 'mp-weixin'
}

/** Opens the dialer with the number; resolves false when the user backed out or the call could not start. */
export function makePhoneCall(phoneNumber: string): Promise<boolean> {
  return new Promise((resolve) => {
    uni.makePhoneCall({
      phoneNumber,
      success: () => resolve(true),
      fail: () => resolve(false),
    })
  })
}
