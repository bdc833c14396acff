import { ref } from 'vue'
import { regionsApi } from '@/api/endpoints'
import type { Region } from '@/api/types'
import { withLoading } from './useSubmit'

/**
 * Walking down the region tree from a cadre's own region: `trail` from the root to the region shown, whose
 * `children` are offered. The last level (villages) has none to open.
 */
export function useRegionPicker() {
  const trail = ref<Region[]>([])
  const children = ref<Region[]>([])
  const loading = ref(false)
  const error = ref('')

  async function show(next: Region[], read: () => Promise<Region[]>) {
    const below = await withLoading(loading, error, read)
    if (below === undefined) return
    children.value = below
    trail.value = next
  }

  return {
    trail,
    children,
    loading,
    error,
    /** Starts at the root region (its name read too). */
    start: async (rootCode: string) => {
      let root: Region | null = null
      await show([], async () => {
        const [region, below] = await Promise.all([regionsApi.get(rootCode), regionsApi.children(rootCode)])
        root = region
        return below
      })
      if (root) trail.value = [root]
    },
    /** Opens a region of the list: its own children are shown. */
    down: (region: Region) => (region.level >= 5 ? Promise.resolve() : show([...trail.value, region], () => regionsApi.children(region.code))),
    /** Back to a region of the trail. */
    up: (index: number) => {
      const target = trail.value[index]
      if (!target || index === trail.value.length - 1) return Promise.resolve()
      return show(trail.value.slice(0, index + 1), () => regionsApi.children(target.code))
    },
  }
}
