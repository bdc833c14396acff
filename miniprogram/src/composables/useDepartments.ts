import { reactive, ref } from 'vue'
import { departmentsApi } from '@/api/endpoints'
import type { Department, DepartmentKind, NewDepartment, Role } from '@/api/types'
import { checkedText, dropError, useFormSubmit, withLoading, type Draft } from './useSubmit'

/** The kinds of department, in the order a county lists them. */
export const DEPARTMENT_KIND_OPTIONS: readonly { value: DepartmentKind; label: string }[] = [
  { value: 'CIVIL_AFFAIRS', label: '民政' },
  { value: 'MEDICAL_INSURANCE', label: '医保' },
  { value: 'DISABLED_FEDERATION', label: '残联' },
  { value: 'EDUCATION', label: '教育' },
  { value: 'HOUSING', label: '住建' },
  { value: 'WATER', label: '水利' },
  { value: 'HUMAN_RESOURCES', label: '人社' },
  { value: 'EMERGENCY', label: '应急管理' },
  { value: 'PUBLIC_SECURITY', label: '公安' },
  { value: 'AGRICULTURE', label: '农业农村' },
  { value: 'HEALTH', label: '卫生健康' },
  { value: 'OTHER', label: '其他' },
]

export function departmentKindLabel(kind: DepartmentKind | null | undefined): string {
  return DEPARTMENT_KIND_OPTIONS.find((o) => o.value === kind)?.label ?? ''
}

/** Cadres of a county or above and account managers register departments (the server decides the region). */
const REGISTRARS: readonly string[] = ['PROVINCE_CADRE', 'CITY_CADRE', 'COUNTY_CADRE', 'ACCOUNT_MANAGER']

export function canRegisterDepartments(role: Role | null | undefined): boolean {
  return !!role && REGISTRARS.includes(role)
}

const REGION = /^[0-9]{12}$/
const PHONE = /^[0-9-]{7,20}$/

export interface DepartmentFields {
  name: string
  kind: DepartmentKind | ''
  regionCode: string
  contactPhone: string
  clientId: string
}

export const emptyDepartment = (): DepartmentFields => ({ name: '', kind: '', regionCode: '', contactPhone: '', clientId: '' })

/** The NewDepartment body, or the problems under its fields. */
export function departmentBody(fields: DepartmentFields): Draft<NewDepartment> {
  const errors: Record<string, string> = {}
  const name = checkedText(fields.name, errors, 'name', { label: '部门名称', max: 40, missing: '请填写部门名称，如 某某县民政局' })
  const kind = DEPARTMENT_KIND_OPTIONS.find((o) => o.value === fields.kind)?.value
  if (!kind) errors.kind = '请选择部门类别'
  const regionCode = fields.regionCode.trim()
  if (!REGION.test(regionCode)) errors.regionCode = '请选择部门所属区划'
  else if (!regionCode.endsWith('000000')) errors.regionCode = '部门须登记在县级及以上区划'
  const contactPhone = String(fields.contactPhone ?? '').trim()
  if (contactPhone && !PHONE.test(contactPhone)) errors.contactPhone = '办公电话应为 7 至 20 位数字或短横线'
  const clientId = checkedText(fields.clientId, errors, 'clientId', { label: '接入系统编号', max: 64 })
  if (!kind || Object.keys(errors).length) return { body: null, errors }
  return {
    body: { name, kind, regionCode, ...(contactPhone ? { contactPhone } : {}), ...(clientId ? { clientId } : {}) },
    errors,
  }
}

/** The departments the cadre sees and the form that registers one (the list is read again after it). */
export function useDepartmentRegistry() {
  const items = ref<Department[]>([])
  const loading = ref(false)
  const error = ref('')
  const fields = reactive(emptyDepartment())

  async function load() {
    const read = await withLoading(loading, error, () => departmentsApi.list())
    if (read) items.value = read
  }

  const sender = useFormSubmit<NewDepartment, Department>({
    send: (body) => departmentsApi.create(body),
    fields: ['name', 'kind', 'regionCode', 'contactPhone', 'clientId'],
    onDone: (d) => {
      Object.assign(fields, emptyDepartment())
      items.value = [...items.value.filter((o) => o.id !== d.id), d]
      uni.showToast({ title: '已登记', icon: 'success' })
    },
  })

  return {
    items,
    loading,
    error,
    load,
    fields,
    errors: sender.errors,
    formError: sender.error,
    submitting: sender.submitting,
    set: (key: keyof DepartmentFields, value: string) => {
      ;(fields as Record<string, string>)[key] = value
      dropError(sender.errors, key)
    },
    submit: () => sender.submit(() => departmentBody(fields)),
  }
}
