import { reactive, ref } from 'vue'
import { LOGS_EXPORT_PATH, householdsApi, logsApi } from '@/api/endpoints'
import { errorMessage } from '@/api/errors'
import type { HouseholdSummary, NewWorkLog, WorkLog } from '@/api/types'
import { daysBefore, monthStart } from '@/fieldwork/labels'
import { todayInBeijing } from '@/utils/household'
import { getLocation, type GeoLocation } from '@/utils/platform'
import { PAGE_SIZE, usePagedList } from './usePagedList'
import { withPhotos, type PhotoSource } from './usePhotoUpload'
import { checkedText, useFormSubmit, useLoadedRecord, type Draft } from './useSubmit'
import { useWorkbookDownload } from './useWorkbookDownload'

export const LOG_CONTENT_MAX = 2000
export const LOG_HOUSEHOLDS_MAX = 20
/** A log is for work of the last 7 days (the contract's window). */
export const LOG_DAYS_BACK = 7

/** 驻村日志 of a region and period, page by page, and the same choice as an Excel workbook. */
export function useLogList() {
  const today = todayInBeijing()
  const region = ref('')
  const from = ref(monthStart(today))
  const to = ref(today)
  const list = usePagedList<WorkLog>((after) =>
    logsApi.list({ region: region.value || undefined, from: from.value || undefined, to: to.value || undefined, after, limit: PAGE_SIZE }),
  )
  const workbook = useWorkbookDownload()

  return {
    ...list,
    today,
    region,
    from,
    to,
    setRange: (range: { from?: string; to?: string }) => {
      if (range.from !== undefined) from.value = range.from
      if (range.to !== undefined) to.value = range.to
      list.fetchPage(true)
    },
    exporting: workbook.busy,
    exportError: workbook.error,
    /** The contract wants both dates: the period shown. */
    exportExcel: () =>
      workbook.download(LOGS_EXPORT_PATH, { region: region.value || undefined, from: from.value, to: to.value }, `驻村日志-${from.value}至${to.value}.xlsx`),
  }
}

export interface LogFields {
  villageCode: string
  date: string
  content: string
  location: GeoLocation | null
  households: Pick<HouseholdSummary, 'id' | 'headName' | 'householdNo'>[]
  taskRef: string
}

export const LOG_FIELDS = ['villageCode', 'date', 'content', 'photos', 'photoIds', 'householdIds', 'taskRef'] as const

/** NewWorkLog from the editor, or what is missing before asking the server. */
export function newLogBody(fields: LogFields, today: string): Draft<NewWorkLog> {
  const errors: Record<string, string> = {}
  if (!/^[0-9]{12}$/.test(fields.villageCode)) errors.villageCode = '未确定日志所属的村，请从本村账号填写'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.date)) errors.date = '请选择工作日期'
  else if (fields.date > today) errors.date = '工作日期不能晚于今天'
  else if (fields.date < daysBefore(today, LOG_DAYS_BACK)) errors.date = `只能补记 ${LOG_DAYS_BACK} 天内的工作`
  const content = checkedText(fields.content, errors, 'content', { label: '日志内容', max: LOG_CONTENT_MAX, missing: '请填写工作内容' })
  if (fields.households.length > LOG_HOUSEHOLDS_MAX) errors.householdIds = `最多关联 ${LOG_HOUSEHOLDS_MAX} 户`
  if (Object.keys(errors).length) return { body: null, errors }
  const body: NewWorkLog = { villageCode: fields.villageCode, date: fields.date, content }
  if (fields.location) {
    body.latitude = fields.location.latitude
    body.longitude = fields.location.longitude
    body.accuracy = fields.location.accuracy
  }
  if (fields.households.length) body.householdIds = fields.households.map((h) => h.id)
  if (fields.taskRef) body.taskRef = fields.taskRef
  return { body, errors }
}

/**
 * The log editor: content, photos, the date (today unless changed), the position read once automatically when
 * the editor opens (a refusal only leaves it out), and households of the village found by number or name.
 */
export function useLogEditor(onDone: (log: WorkLog) => void, photos?: PhotoSource, locate: () => Promise<GeoLocation> = getLocation) {
  const today = todayInBeijing()
  const fields = reactive<LogFields>({ villageCode: '', date: today, content: '', location: null, households: [], taskRef: '' })
  const locating = ref(false)
  const locationError = ref('')
  const form = useFormSubmit<NewWorkLog, WorkLog>({
    send: (body, key) => logsApi.write(body, key),
    fields: LOG_FIELDS,
    onDone,
  })

  async function locateNow() {
    if (locating.value) return
    locating.value = true
    locationError.value = ''
    try {
      fields.location = await locate()
    } catch (e) {
      locationError.value = e instanceof Error ? e.message : String(e)
    } finally {
      locating.value = false
    }
  }

  // ---- households of the village ----
  const search = ref('')
  const found = ref<HouseholdSummary[]>([])
  const searching = ref(false)
  const searchError = ref('')

  async function findHouseholds() {
    const text = search.value.trim()
    searchError.value = ''
    if (!text) {
      searchError.value = '请输入户编号或户主姓名'
      return
    }
    searching.value = true
    try {
      const query = /^[0-9]+$/.test(text) ? { householdNo: text } : { name: text }
      const page = await householdsApi.list({ region: fields.villageCode || undefined, ...query, limit: 10 })
      found.value = page.items
      if (!page.items.length) searchError.value = '本村没有找到该农户'
    } catch (e) {
      searchError.value = errorMessage(e)
    } finally {
      searching.value = false
    }
  }

  function addHousehold(h: HouseholdSummary) {
    if (fields.households.some((x) => x.id === h.id)) return
    if (fields.households.length >= LOG_HOUSEHOLDS_MAX) {
      searchError.value = `最多关联 ${LOG_HOUSEHOLDS_MAX} 户`
      return
    }
    fields.households.push({ id: h.id, headName: h.headName, householdNo: h.householdNo })
  }

  function removeHousehold(id: number) {
    fields.households = fields.households.filter((h) => h.id !== id)
  }

  return {
    today,
    fields,
    locating,
    locationError,
    locate: locateNow,
    search,
    found,
    searching,
    searchError,
    findHouseholds,
    addHousehold,
    removeHousehold,
    ...form,
    submit: () => form.submit(() => withPhotos(newLogBody(fields, today), photos)),
  }
}

/** One log with its comments; supervisors add a comment. */
export function useLogDetail() {
  const record = useLoadedRecord((id: number) => logsApi.get(id))
  const comment = ref('')
  const commentError = ref('')
  const sending = ref(false)

  async function sendComment(): Promise<boolean> {
    const log = record.item.value
    if (!log || sending.value) return false
    const content = comment.value.trim()
    commentError.value = ''
    if (!content) commentError.value = '请填写批注内容'
    else if (content.length > 500) commentError.value = '批注最长 500 个字'
    if (commentError.value) return false
    sending.value = true
    try {
      record.item.value = await logsApi.comment(log.id, content)
      comment.value = ''
      return true
    } catch (e) {
      commentError.value = errorMessage(e)
      return false
    } finally {
      sending.value = false
    }
  }

  return { ...record, comment, commentError, sending, sendComment }
}
