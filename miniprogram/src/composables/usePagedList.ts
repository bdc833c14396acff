import { ref, type Ref } from 'vue'
import { errorMessage } from '@/api/errors'
import { withLoading } from './useSubmit'

/** How many rows a list asks for at a time. */
export const PAGE_SIZE = 20

/** One page of a list read with a cursor: the rows and, when there are more, the cursor of the next page. */
export interface CursorPage<T> {
  items: T[]
  nextAfter?: number | null
}

/**
 * A list read page by page with a cursor (`nextAfter`): `fetchPage(true)` starts over, `fetchPage(false)` adds
 * the next page. A request while one is under way is dropped; `reload()` starts over once it ends. `read` asks the server (`reset` for a new start,
 * `after` the cursor); `onPage` sees each page read, `onError` each failure (its message goes to `error`).
 */
export function usePagedList<T, P extends CursorPage<T> = CursorPage<T>>(
  read: (after: number | null, reset: boolean) => Promise<P>,
  hooks: { onPage?: (page: P) => void; onError?: (e: unknown) => void } = {},
) {
  const items = ref([]) as Ref<T[]>
  const nextAfter = ref<number | null>(null)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')
  let stale = false

  async function fetchPage(reset: boolean) {
    if (loading.value) return
    loading.value = true
    error.value = ''
    try {
      const page = await read(reset ? null : nextAfter.value, reset)
      items.value = reset ? page.items : [...items.value, ...page.items]
      nextAfter.value = page.nextAfter ?? null
      loaded.value = true
      hooks.onPage?.(page)
    } catch (e) {
      hooks.onError?.(e)
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
    if (stale) {
      stale = false
      await fetchPage(true)
    }
  }

  /** Starts over now, or as soon as the read under way ends (a filter changed while it ran). */
  function reload() {
    if (loading.value) stale = true
    else void fetchPage(true)
  }

  return { items, nextAfter, loading, loaded, error, fetchPage, reload }
}

/** A list read whole in one request (e.g. the farmer's own records): the rows, and the state of the read. */
export function useLoadedList<T>(read: () => Promise<T[]>) {
  const items = ref([]) as Ref<T[]>
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')

  async function load() {
    const rows = await withLoading(loading, error, read)
    if (rows === undefined) return
    items.value = rows
    loaded.value = true
  }

  return { items, loading, loaded, error, load }
}
