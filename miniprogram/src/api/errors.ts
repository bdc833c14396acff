import { ApiError, NETWORK_ERROR_MESSAGE } from './client'

/** The one message to show for any failure: the problem's detail, else its title, else a generic text. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.problem.detail || error.problem.title || NETWORK_ERROR_MESSAGE
  }
  return NETWORK_ERROR_MESSAGE
}

/** Field errors keyed by the last segment of the field path (`body.phone` → `phone`). */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {}
  if (!(error instanceof ApiError)) return result
  for (const item of error.problem.errors ?? []) {
    const key = item.field.split('.').pop() || item.field
    if (!result[key]) result[key] = item.message
  }
  return result
}

export function showError(error: unknown): void {
  uni.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
}
