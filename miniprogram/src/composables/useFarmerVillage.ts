import { computed, ref } from 'vue'
import { onLoad } from '@dcloudio/uni-app'
import { regionsApi } from '@/api/endpoints'
import type { Me } from '@/api/types'
import { isLoggedIn } from '@/stores/session'
import { ensureMe } from './useMe'

const VILLAGE_CODE = /^[0-9]{12}$/

function decoded(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * Who files on a farmer's form (a risk declaration, a complaint): the signed-in user and whether a household is
 * bound. An unbound farmer files for the village of the scanned code (`?village=&name=`, the name looked up when
 * not given); with `ownVillage` the village the account is placed in serves when the page got none. Without a
 * session the page goes to the login page.
 */
export function useFarmerVillage(options: { ownVillage?: boolean } = {}) {
  const me = ref<Me | null>(null)
  const villageCode = ref('')
  const villageName = ref('')
  const bound = computed(() => me.value?.householdId != null)
  const notFarmer = computed(() => !!me.value && me.value.role !== 'FARMER')
  const missingVillage = computed(() => !!me.value && !bound.value && !VILLAGE_CODE.test(villageCode.value))

  onLoad((query?: Record<string, string | undefined>) => {
    if (!isLoggedIn()) {
      uni.reLaunch({ url: '/pages/login/index' })
      return
    }
    villageCode.value = (query?.village ?? '').trim()
    villageName.value = decoded(query?.name)
    ensureMe()
      .then((current) => {
        me.value = current
        if (bound.value) return
        if (!villageCode.value && options.ownVillage && current.level === 5 && VILLAGE_CODE.test(current.regionCode ?? '')) {
          villageCode.value = current.regionCode as string
          villageName.value = current.regionPath?.find((r) => r.code === current.regionCode)?.name ?? ''
        }
        if (!villageName.value && VILLAGE_CODE.test(villageCode.value)) {
          regionsApi
            .get(villageCode.value)
            .then((region) => (villageName.value = region.name))
            .catch(() => {})
        }
      })
      .catch(() => {})
  })

  /** Who files, as the form's body needs it. */
  const declarant = () => ({ bound: bound.value, villageCode: villageCode.value })

  return { me, villageCode, villageName, bound, notFarmer, missingVillage, declarant }
}
