import { ref, type Ref } from 'vue'
import { ApiError } from '@/api/client'
import { errorMessage, formErrors, isConflict } from '@/api/errors'
import { uuidv4 } from '@/utils/uuid'

/**
 * One Idempotency-Key per form content: the same content keeps its key (a retry after a lost answer returns the
 * first result), other content gets a new one, and `renew` starts afresh once the server accepted the form.
 */
export function useIdempotencyKey() {
  let key: string | null = null
  let content: string | null = null
  return {
    keyFor(serialized: string): string {
      if (!key || content !== serialized) {
        key = uuidv4()
        content = serialized
      }
      return key
    },
    renew(): void {
      key = null
      content = null
    },
    /** The key the next send of the same content would carry (null before any). */
    current: (): string | null => key,
  }
}

/** Sends once more after a network failure: with the same Idempotency-Key a lost answer cannot create twice. */
export async function sendRetryingOnce<R>(send: () => Promise<R>): Promise<R> {
  try {
    return await send()
  } catch (e) {
    if (e instanceof ApiError && e.isNetworkError) return send()
    throw e
  }
}

/** What a form's draft gives: the body to send, or the problems found before asking the server. */
export interface Draft<B> {
  body: B | null
  errors: Record<string, string>
}

/**
 * Sends a form with one Idempotency-Key per form content: the key is kept for a retry of the same content
 * (a lost answer may hide a created record) and renewed once the server accepted it. A network failure is
 * retried once with the same key. A 409 sets `conflicted` (the page offers to reload); when it names an
 * existing record (`problem.existing`, read by `existing.idFrom`) its id goes to `existingId` with
 * `existing.message`. Other failures go under the form's fields, the rest on top.
 */
export function useFormSubmit<B, R>(options: {
  send: (body: B, idempotencyKey: string) => Promise<R>
  /** Fields the form shows errors under. */
  fields: readonly string[]
  /** Shown on a 409 that points to no record (otherwise the server's message). */
  conflict?: string
  /** The record a 409 points to, and what to say then. */
  existing?: { idFrom: (address: string | null | undefined) => number | null; message: string }
  /** Shown on a 403 the server did not explain (its own explanation otherwise). */
  forbidden?: string
  onDone: (result: R) => void
}) {
  const errors = ref<Record<string, string>>({})
  const error = ref('')
  /** The existing record the server pointed to on 409. */
  const existingId = ref<number | null>(null)
  /** The last answer was a 409 (taken or changed meanwhile): the page offers to reload. */
  const conflicted = ref(false)
  const submitting = ref(false)
  const keys = useIdempotencyKey()

  /** Sends the body built by the form, or shows the problems found before asking the server. */
  async function submit(draft: () => Draft<B>): Promise<R | null> {
    if (submitting.value) return null
    error.value = ''
    existingId.value = null
    conflicted.value = false
    const built = draft()
    errors.value = built.errors
    if (!built.body) return null
    const body = built.body
    const key = keys.keyFor(JSON.stringify(body))
    submitting.value = true
    try {
      const done = await sendRetryingOnce(() => options.send(body, key))
      keys.renew()
      options.onDone(done)
      return done
    } catch (e) {
      if (isConflict(e)) {
        conflicted.value = true
        const existing = options.existing ? options.existing.idFrom((e as ApiError).problem.existing) : null
        existingId.value = existing
        error.value = existing !== null && options.existing ? options.existing.message : options.conflict ?? errorMessage(e)
      } else if (options.forbidden && e instanceof ApiError && e.status === 403 && !e.problem.detail) {
        error.value = options.forbidden
      } else {
        const mapped = formErrors(e, options.fields)
        errors.value = mapped.fields
        error.value = mapped.message
      }
      return null
    } finally {
      submitting.value = false
    }
  }

  /** Drops the problems shown, e.g. when the form is closed or the record read again. */
  function clear() {
    errors.value = {}
    error.value = ''
    existingId.value = null
    conflicted.value = false
  }

  return { errors, error, existingId, conflicted, submitting, submit, clear }
}

/** Adds a value to a list of choices, or takes it out when it is there (e.g. a risk type's chip). */
export function toggleItem<T>(list: T[], value: T): void {
  const i = list.indexOf(value)
  if (i >= 0) list.splice(i, 1)
  else list.push(value)
}

/** Drops one field's problem (the user has just answered it). */
export function dropError(errors: Ref<Record<string, string>>, key: string): void {
  if (!(key in errors.value)) return
  const { [key]: _, ...rest } = errors.value
  errors.value = rest
}

/** Runs a read with its `loading` flag, its failure's message going to `error`; undefined when it failed. */
export async function withLoading<T>(loading: Ref<boolean>, error: Ref<string>, read: () => Promise<T>): Promise<T | undefined> {
  loading.value = true
  error.value = ''
  try {
    return await read()
  } catch (e) {
    error.value = errorMessage(e)
    return undefined
  } finally {
    loading.value = false
  }
}

/** A record read by id for a page or form that acts on it (its version goes with the form). */
export function useLoadedRecord<T>(get: (id: number) => Promise<T>) {
  const item = ref<T | null>(null) as Ref<T | null>
  const loading = ref(false)
  const loadError = ref('')

  async function load(id: number): Promise<T | null> {
    const read = await withLoading(loading, loadError, () => get(id))
    if (read === undefined) return null
    item.value = read
    return read
  }

  return { item, loading, loadError, load }
}

/**
 * A form's text, trimmed; the problem goes to `errors[field]` when it is required (`missing` says how to ask)
 * and empty, or longer than `max` characters.
 */
export function checkedText(
  raw: unknown,
  errors: Record<string, string>,
  field: string,
  rule: { label: string; max: number; missing?: string },
): string {
  const value = raw === null || raw === undefined ? '' : String(raw).trim()
  if (!value) {
    if (rule.missing) errors[field] = rule.missing
  } else if (value.length > rule.max) errors[field] = `${rule.label}最长 ${rule.max} 个字`
  return value
}
