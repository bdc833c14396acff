import { reactive, ref } from 'vue'
import { unitsApi } from '@/api/endpoints'
import { errorMessage, formErrors } from '@/api/errors'
import type { AssistanceUnit, NewAssistanceUnit, UnitPairing } from '@/api/types'
import { isVillageCode } from '@/fieldwork/labels'
import { todayInBeijing } from '@/utils/household'
import { useLoadedList } from './usePagedList'
import { checkedText, useFormSubmit, type Draft } from './useSubmit'

export interface UnitFields {
  name: string
  affiliation: string
  regionCode: string
  contactName: string
  contactPhone: string
}

export const UNIT_FIELDS = ['name', 'affiliation', 'regionCode', 'contactName', 'contactPhone'] as const

/** NewAssistanceUnit from the form, or what is missing before asking the server. */
export function newUnitBody(fields: UnitFields): Draft<NewAssistanceUnit> {
  const errors: Record<string, string> = {}
  const name = checkedText(fields.name, errors, 'name', { label: '单位名称', max: 60, missing: '请填写单位名称' })
  const affiliation = checkedText(fields.affiliation, errors, 'affiliation', { label: '隶属', max: 60 })
  if (!/^[0-9]{12}$/.test(fields.regionCode)) errors.regionCode = '请选择登记区划'
  const contactName = checkedText(fields.contactName, errors, 'contactName', { label: '联系人', max: 20 })
  const contactPhone = fields.contactPhone.trim()
  if (contactPhone && !/^[0-9-]{7,20}$/.test(contactPhone)) errors.contactPhone = '联系电话应为 7 到 20 位数字或短横线'
  if (Object.keys(errors).length) return { body: null, errors }
  const body: NewAssistanceUnit = { name, regionCode: fields.regionCode }
  if (affiliation) body.affiliation = affiliation
  if (contactName) body.contactName = contactName
  if (contactPhone) body.contactPhone = contactPhone
  return { body, errors }
}

/** A pairing still in force. */
export const isCurrentPairing = (p: UnitPairing) => !p.endDate

/**
 * 帮扶单位: the list of the region, the register form, pairing a unit with a village and ending a pairing with
 * a reason (the history stays).
 */
export function useUnitsPage() {
  const list = useLoadedList(() => unitsApi.list())
  const today = todayInBeijing()

  const fields = reactive<UnitFields>({ name: '', affiliation: '', regionCode: '', contactName: '', contactPhone: '' })
  const form = useFormSubmit<NewAssistanceUnit, AssistanceUnit>({
    send: (body, key) => unitsApi.create(body, key),
    fields: UNIT_FIELDS,
    onDone: (created) => {
      list.items.value = [created, ...list.items.value.filter((u) => u.id !== created.id)]
      Object.assign(fields, { name: '', affiliation: '', contactName: '', contactPhone: '' })
      uni.showToast({ title: '已登记', icon: 'success' })
    },
  })

  const replace = (unit: AssistanceUnit) => (list.items.value = list.items.value.map((u) => (u.id === unit.id ? unit : u)))

  // ---- pairing a village: one unit's form open at a time ----
  const pairing = reactive({ unitId: null as number | null, villageCode: '', startDate: today })
  const pairErrors = ref<Record<string, string>>({})
  const pairError = ref('')
  const pairBusy = ref(false)

  function openPairing(unitId: number | null) {
    Object.assign(pairing, { unitId, villageCode: '', startDate: today })
    pairErrors.value = {}
    pairError.value = ''
  }

  async function pair(): Promise<boolean> {
    if (pairing.unitId === null || pairBusy.value) return false
    const errors: Record<string, string> = {}
    if (!isVillageCode(pairing.villageCode)) errors.villageCode = '请选择结对的村'
    if (!pairing.startDate) errors.startDate = '请选择结对开始日期'
    pairErrors.value = errors
    pairError.value = ''
    if (Object.keys(errors).length) return false
    pairBusy.value = true
    try {
      replace(await unitsApi.pair(pairing.unitId, { villageCode: pairing.villageCode, startDate: pairing.startDate }))
      openPairing(null)
      uni.showToast({ title: '已结对', icon: 'success' })
      return true
    } catch (e) {
      const mapped = formErrors(e, ['villageCode', 'startDate'])
      pairErrors.value = mapped.fields
      pairError.value = mapped.message
      return false
    } finally {
      pairBusy.value = false
    }
  }

  // ---- ending a pairing ----
  const ending = reactive({ unitId: null as number | null, pairingId: null as number | null, reason: '', endDate: today })
  const endError = ref('')
  const endBusy = ref(false)

  function openEnding(unitId: number | null, pairingId: number | null) {
    Object.assign(ending, { unitId, pairingId, reason: '', endDate: today })
    endError.value = ''
  }

  async function endPairing(): Promise<boolean> {
    if (ending.unitId === null || ending.pairingId === null || endBusy.value) return false
    const reason = ending.reason.trim()
    endError.value = ''
    if (!reason) endError.value = '请填写结束结对的原因'
    else if (reason.length > 200) endError.value = '原因最长 200 个字'
    if (endError.value) return false
    endBusy.value = true
    try {
      replace(await unitsApi.endPairing(ending.unitId, ending.pairingId, { endDate: ending.endDate, reason }))
      openEnding(null, null)
      uni.showToast({ title: '已结束结对', icon: 'success' })
      return true
    } catch (e) {
      endError.value = errorMessage(e)
      return false
    } finally {
      endBusy.value = false
    }
  }

  return {
    list,
    today,
    fields,
    form,
    create: () => form.submit(() => newUnitBody(fields)),
    pairing,
    pairErrors,
    pairError,
    pairBusy,
    openPairing,
    pair,
    ending,
    endError,
    endBusy,
    openEnding,
    endPairing,
  }
}
