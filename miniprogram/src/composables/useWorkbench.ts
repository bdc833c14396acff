import { computed, ref } from 'vue'
import { workbenchApi } from '@/api/endpoints'
import { errorMessage } from '@/api/errors'
import type { Workbench } from '@/api/types'
import { sortTodos, stageRows } from '@/utils/workbench'

/** The cadre's to-dos, overdue first, and the open cases of the region by stage. */
export function useWorkbench() {
  const data = ref<Workbench | null>(null)
  const loading = ref(false)
  const error = ref('')

  const todos = computed(() => sortTodos(data.value?.todos ?? []))
  const rows = computed(() => stageRows(data.value?.counts ?? []))
  const overdue = computed(() => todos.value.filter((t) => t.overdue).length)

  async function load() {
    if (loading.value) return
    loading.value = true
    error.value = ''
    try {
      data.value = await workbenchApi.get()
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  return { data, todos, rows, overdue, loading, loaded: computed(() => data.value !== null), error, load }
}
