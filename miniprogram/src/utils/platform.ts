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
