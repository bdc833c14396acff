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

export interface GeoLocation {
  latitude: number
  longitude: number
  /** Metres. */
  accuracy: number
}

export const NO_GEOLOCATION = '当前浏览器不支持定位，请在微信小程序中完成入户核实'
const LOCATION_DENIED = '未获得定位权限，请在设置中允许使用位置信息后重试'
const LOCATION_FAILED = '定位失败，请开启手机定位或到信号较好处重试'

/**
 * The current position: `uni.getLocation` (GCJ-02) in the mini-program; the browser's geolocation on H5,
 * or a clear message where there is none.
 */
export function getLocation(): Promise<GeoLocation> {
  if (currentPlatform() === 'mp-weixin') {
    return new Promise((resolve, reject) => {
      uni.getLocation({
        type: 'gcj02',
        success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude, accuracy: res.accuracy }),
        fail: (err) => reject(new Error(/auth|deny|denied/i.test(String(err?.errMsg ?? '')) ? LOCATION_DENIED : LOCATION_FAILED)),
      })
    })
  }
  const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined
  if (!geo) return Promise.reject(new Error(NO_GEOLOCATION))
  return new Promise((resolve, reject) => {
    geo.getCurrentPosition(
      (pos) => resolve({ latitude: pos.coords.latitude, longitude: pos.coords.longitude, accuracy: pos.coords.accuracy }),
      (err) => reject(new Error(err?.code === 1 ? LOCATION_DENIED : LOCATION_FAILED)),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 },
    )
  })
}
