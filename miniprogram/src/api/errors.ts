import { ApiError, NETWORK_ERROR_MESSAGE } from './client'
import type { RowError } from './types'

/** The one message to show for any failure: the problem's detail, else its title, else a generic text. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.problem.detail || error.problem.title || NETWORK_ERROR_MESSAGE
  }
  return NETWORK_ERROR_MESSAGE
}

/** `body.parts[1].title` → `parts.1.title`: a field of one item of a list keeps the list and the item. */
const ITEM_FIELD = /([A-Za-z_$][\w$]*)\[(\d+)\]\.([^.[\]]+)$/

/**
 * Field errors keyed by the last segment of the field path (`body.phone` → `phone`), or for a field of a list's
 * item by the list, the item's index and the field (`body.parts[1].title` → `parts.1.title`).
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {}
  if (!(error instanceof ApiError)) return result
  for (const item of error.problem.errors ?? []) {
    const inList = ITEM_FIELD.exec(item.field)
    const key = inList ? `${inList[1]}.${inList[2]}.${inList[3]}` : item.field.split('.').pop() || item.field
    if (!result[key]) result[key] = item.message
  }
  return result
}

export function showError(error: unknown): void {
  uni.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 })
}

/** Row-level problems of an uploaded file (`rows[]` of the problem), in the order the server gave. */
export function rowErrors(error: unknown): RowError[] {
  if (!(error instanceof ApiError)) return []
  return error.problem.rows ?? []
}

/** 409: someone else changed the record since it was read, or the change clashes with existing data. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409
}

/**
 * Splits a failure into messages under the form's own fields and one message for the rest: the general
 * message is left empty when every field error has a place on the form.
 */
export function formErrors(error: unknown, known: readonly string[]): { fields: Record<string, string>; message: string } {
  const fields = fieldErrors(error)
  const unplaced = Object.keys(fields).filter((field) => !known.includes(field))
  const message = Object.keys(fields).length === 0 || unplaced.length > 0 ? errorMessage(error) : ''
  return { fields, message }
}
