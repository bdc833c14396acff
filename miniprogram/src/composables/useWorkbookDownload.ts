import { ref, type Ref } from 'vue'
import type { RequestOptions } from '@/api/client'
import { errorMessage } from '@/api/errors'
import { downloadWorkbook } from '@/utils/files'

/**
 * One Excel download at a time (see downloadWorkbook): `busy` while it runs, its failure in `error` (which
 * several downloads of a page may share).
 */
export function useWorkbookDownload(error: Ref<string> = ref('')) {
  const busy = ref(false)

  async function download(path: string, query: RequestOptions['query'], fileName: string): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    error.value = ''
    try {
      await downloadWorkbook(path, query, fileName)
      return true
    } catch (e) {
      error.value = e instanceof Error && !('problem' in e) ? e.message : errorMessage(e)
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, error, download }
}
