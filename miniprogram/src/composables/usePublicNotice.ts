import { reactive, ref } from 'vue'
import { ApiError } from '@/api/client'
import { publicApi } from '@/api/endpoints'
import { errorMessage, formErrors } from '@/api/errors'
import type { NewObjection, ObjectionReceipt, VillageNoticeBoard } from '@/api/types'

export const BAD_VILLAGE = '公示地址有误，请扫描村里张贴的二维码打开'
export const OBJECTION_TOO_MANY = '提交太频繁，请稍后再试'
export const OBJECTION_CLOSED = '该户公示已结束，不能再提出异议'
export const NOTICE_GONE = '未找到该公示，可能已结束，请刷新'

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())

export interface ObjectionFields {
  content: string
  contactName: string
  contactPhone: string
}

export const OBJECTION_FIELDS = ['content', 'contactName', 'contactPhone'] as const

/** The NewObjection body (name and phone only when given), or the problems found before asking the server. */
export function newObjectionBody(fields: ObjectionFields): { body: NewObjection | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const content = text(fields.content)
  if (!content) errors.content = '请填写异议内容'
  else if (content.length > 500) errors.content = '异议内容最长 500 个字'
  const name = text(fields.contactName)
  if (name.length > 20) errors.contactName = '姓名最长 20 个字'
  const phone = text(fields.contactPhone)
  if (phone && !/^1[3-9][0-9]{9}$/.test(phone)) errors.contactPhone = '请填写 11 位手机号，或不填'
  if (Object.keys(errors).length) return { body: null, errors }
  const body: NewObjection = { content }
  if (name) body.contactName = name
  if (phone) body.contactPhone = phone
  return { body, errors }
}

/** The message for a refused objection: too many from this address (429), notice over (409), gone (404). */
export function objectionErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return OBJECTION_TOO_MANY
    if (error.status === 409) return error.problem.detail || OBJECTION_CLOSED
    if (error.status === 404) return NOTICE_GONE
  }
  return errorMessage(error)
}

/**
 * A village's public notice (村级公示), read without login, and the objection anyone may file against one
 * household on it: one form open at a time; what was received is kept per case.
 */
export function usePublicNotice() {
  const board = ref<VillageNoticeBoard | null>(null)
  const loading = ref(false)
  const error = ref('')
  const openFor = ref<number | null>(null)
  const fields = reactive<ObjectionFields>({ content: '', contactName: '', contactPhone: '' })
  const errors = ref<Record<string, string>>({})
  const submitError = ref('')
  const submitting = ref(false)
  const receipts = ref<Record<number, ObjectionReceipt>>({})

  async function load(code: string) {
    if (!/^[0-9]{12}$/.test(code)) {
      error.value = BAD_VILLAGE
      return
    }
    loading.value = true
    error.value = ''
    try {
      board.value = await publicApi.villageNotices(code)
    } catch (e) {
      error.value = e instanceof ApiError && e.status === 404 ? '未找到该村，请扫描村里张贴的二维码打开' : errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  /** Opens the objection form for one household (null closes it). */
  function start(caseId: number | null) {
    openFor.value = caseId
    fields.content = ''
    fields.contactName = ''
    fields.contactPhone = ''
    errors.value = {}
    submitError.value = ''
  }

  async function submit(): Promise<ObjectionReceipt | null> {
    if (submitting.value || openFor.value === null) return null
    const caseId = openFor.value
    submitError.value = ''
    const built = newObjectionBody(fields)
    errors.value = built.errors
    if (!built.body) return null
    submitting.value = true
    try {
      const receipt = await publicApi.fileObjection(caseId, built.body)
      receipts.value = { ...receipts.value, [caseId]: receipt }
      start(null)
      return receipt
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const mapped = formErrors(e, OBJECTION_FIELDS)
        errors.value = mapped.fields
        submitError.value = mapped.message
      } else {
        submitError.value = objectionErrorMessage(e)
      }
      return null
    } finally {
      submitting.value = false
    }
  }

  return { board, loading, error, load, openFor, fields, errors, submitError, submitting, receipts, start, submit }
}
