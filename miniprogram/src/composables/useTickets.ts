import { computed, reactive, ref } from 'vue'
import { TICKET_STATS_EXPORT_PATH, ticketsApi } from '@/api/endpoints'
import type {
  NewTicket,
  RegisteredTicket,
  Ticket,
  TicketCategory,
  TicketChannel,
  TicketPage,
  TicketStats,
  TicketStatsRow,
  TicketStatus,
} from '@/api/types'
import { REGISTER_CHANNEL_OPTIONS, TICKET_CATEGORY_OPTIONS, canDrillInto, ticketIdFromAddress, todoOrder } from '@/utils/tickets'
import type { Declarant } from './useCases'
import { PAGE_SIZE, useLoadedList, usePagedList } from './usePagedList'
import { withPhotos, type PhotoSource } from './usePhotoUpload'
import { checkedText, dropError, useFormSubmit, withLoading, type Draft } from './useSubmit'
import { useWorkbookDownload } from './useWorkbookDownload'

export const ALREADY_FILED = '您已提交过同一事项的投诉，可打开查看办理进度'
export const NEED_TICKET_VILLAGE = '请先扫描村里张贴的村级二维码，确定反映的事项在哪个村'

const PHONE = /^1[3-9][0-9]{9}$/
const REGION = /^[0-9]{12}$/

/** What every ticket says: its category, a short title and the matter in the complainant's words. */
export interface TicketSubject {
  category: TicketCategory | ''
  title: string
  description: string
}

/** The subject checked, or null with the problems under category, title and description. */
export function subjectOf(fields: TicketSubject, errors: Record<string, string>): Pick<NewTicket, 'category' | 'title' | 'description'> | null {
  const category = TICKET_CATEGORY_OPTIONS.find((o) => o.value === fields.category)?.value
  if (!category) errors.category = '请选择反映事项的类别'
  const title = checkedText(fields.title, errors, 'title', { label: '标题', max: 50, missing: '请用一句话概括反映的事项' })
  const description = checkedText(fields.description, errors, 'description', { label: '具体情况', max: 1000, missing: '请写明具体情况' })
  return category && !errors.title && !errors.description ? { category, title, description } : null
}

/**
 * An optional mobile number: '' when blank, the problem under `field` when it is not 11 digits (a number input
 * may hand over a number).
 */
function optionalPhone(raw: string | number, errors: Record<string, string>, field: string): string {
  const phone = String(raw ?? '').trim()
  if (phone && !PHONE.test(phone)) errors[field] = '请填写 11 位手机号'
  return phone
}

// ---- the farmer files ----

export interface FilingFields extends TicketSubject {
  anonymous: boolean
  contactPhone: string
}

/** Fields of NewTicket the filing form shows errors under. */
export const FILING_FIELDS = ['category', 'title', 'description', 'anonymous', 'villageCode', 'contactPhone', 'photoIds'] as const

/** The NewTicket body, or the problems found before asking the server; an unbound farmer names the village. */
export function newTicketBody(fields: FilingFields, who: Declarant): Draft<NewTicket> {
  const errors: Record<string, string> = {}
  const subject = subjectOf(fields, errors)
  const contactPhone = optionalPhone(fields.contactPhone, errors, 'contactPhone')
  const village = (who.villageCode ?? '').trim()
  if (!who.bound && !REGION.test(village)) errors.villageCode = NEED_TICKET_VILLAGE
  if (!subject || Object.keys(errors).length) return { body: null, errors }
  const body: NewTicket = { ...subject, anonymous: fields.anonymous === true }
  if (contactPhone) body.contactPhone = contactPhone
  if (!who.bound) body.villageCode = village
  return { body, errors }
}

/** The farmer's complaint, sent once per content with an Idempotency-Key (see useFormSubmit), with optional photos. */
export function useTicketFiling(filer: () => Declarant, onFiled: (t: Ticket) => void, photos?: PhotoSource) {
  const fields = reactive<FilingFields>({ category: '', title: '', description: '', anonymous: false, contactPhone: '' })
  const sender = useFormSubmit<NewTicket, Ticket>({
    send: ticketsApi.file,
    fields: FILING_FIELDS,
    existing: { idFrom: ticketIdFromAddress, message: ALREADY_FILED },
    onDone: onFiled,
  })

  return {
    ...sender,
    fields,
    setCategory: (category: TicketCategory) => {
      fields.category = category
      dropError(sender.errors, 'category')
    },
    submit: () => sender.submit(() => withPhotos(newTicketBody(fields, filer()), photos)),
  }
}

// ---- a cadre registers a call, letter or visit ----

export interface RegistrationFields extends TicketSubject {
  channel: TicketChannel | ''
  regionCode: string
  anonymous: boolean
  complainantName: string
  complainantPhone: string
}

/** Fields of RegisteredTicket the registration form shows errors under. */
export const REGISTRATION_FIELDS = [
  'channel',
  'category',
  'title',
  'description',
  'regionCode',
  'anonymous',
  'complainantName',
  'complainantPhone',
] as const

/** The RegisteredTicket body, or the problems found before asking the server. */
export function registeredTicketBody(fields: RegistrationFields): Draft<RegisteredTicket> {
  const errors: Record<string, string> = {}
  const channel = REGISTER_CHANNEL_OPTIONS.find((o) => o.value === fields.channel)?.value
  if (!channel) errors.channel = '请选择来电、来信或来访等渠道'
  const subject = subjectOf(fields, errors)
  const regionCode = fields.regionCode.trim()
  if (!REGION.test(regionCode)) errors.regionCode = '请选择反映事项所在的区划'
  const complainantName = checkedText(fields.complainantName, errors, 'complainantName', { label: '姓名', max: 20 })
  const complainantPhone = optionalPhone(fields.complainantPhone, errors, 'complainantPhone')
  if (!channel || !subject || Object.keys(errors).length) return { body: null, errors }
  const body: RegisteredTicket = { channel, ...subject, regionCode, anonymous: fields.anonymous === true }
  if (complainantName) body.complainantName = complainantName
  if (complainantPhone) body.complainantPhone = complainantPhone
  return { body, errors }
}

/** The cadre's registration of a call, letter or visit, sent once per content with an Idempotency-Key. */
export function useTicketRegistration(onRegistered: (t: Ticket) => void) {
  const fields = reactive<RegistrationFields>({
    channel: '',
    category: '',
    title: '',
    description: '',
    regionCode: '',
    anonymous: false,
    complainantName: '',
    complainantPhone: '',
  })
  const sender = useFormSubmit<RegisteredTicket, Ticket>({
    send: ticketsApi.register,
    fields: REGISTRATION_FIELDS,
    existing: { idFrom: ticketIdFromAddress, message: '该事项已登记过，可打开查看' },
    onDone: onRegistered,
  })
  const choose = <K extends 'channel' | 'category' | 'regionCode'>(key: K, value: RegistrationFields[K]) => {
    fields[key] = value
    dropError(sender.errors, key)
  }

  return {
    ...sender,
    fields,
    choose,
    submit: () => sender.submit(() => registeredTicketBody(fields)),
  }
}

// ---- lists ----

/** The farmer's own complaints, newest first. */
export function useMyTickets() {
  return useLoadedList(ticketsApi.mine)
}

/** Tickets of lower units overdue by more than 5 working days (通报). */
export function useTicketBulletin() {
  return useLoadedList(ticketsApi.bulletin)
}

export type InboxView = 'todo' | 'all'

/**
 * The cadre's tickets page by page: `todo` is what the own unit has to do (supervised first), `all` every ticket
 * of the region with a status filter; both may show the overdue ones only. A filter changed while a page is
 * being read is read again once that page is in.
 */
export function useTicketInbox() {
  const view = ref<InboxView>('todo')
  const status = ref<TicketStatus | ''>('')
  const overdueOnly = ref(false)
  const list = usePagedList<Ticket, TicketPage>((after) =>
    ticketsApi.list({
      view: view.value,
      status: view.value === 'all' && status.value ? status.value : undefined,
      overdue: overdueOnly.value || undefined,
      after,
      limit: PAGE_SIZE,
    }),
  )
  const load = list.reload

  return {
    view,
    status,
    overdueOnly,
    items: computed(() => (view.value === 'todo' ? todoOrder(list.items.value) : list.items.value)),
    nextAfter: list.nextAfter,
    loading: list.loading,
    loaded: list.loaded,
    error: list.error,
    load,
    loadMore: () => list.fetchPage(false),
    setView: (next: InboxView) => {
      if (view.value === next) return
      view.value = next
      status.value = ''
      load()
    },
    /** Tapping the chosen status again shows every status. */
    setStatus: (next: TicketStatus) => {
      status.value = status.value === next ? '' : next
      load()
    },
    toggleOverdue: () => {
      overdueOnly.value = !overdueOnly.value
      load()
    },
  }
}

// ---- statistics ----

export interface StatsRegion {
  code: string
  name: string
}

/**
 * Ticket statistics of the cadre's region (or a region below it, opened from a row), by region, category and
 * channel, for registration dates from–to; the Excel export takes the same region and dates.
 */
export function useTicketStats() {
  /** The regions opened below the own one, outermost first (empty: the own region). */
  const trail = ref<StatsRegion[]>([])
  const from = ref('')
  const to = ref('')
  const data = ref<TicketStats | null>(null)
  const loading = ref(false)
  const error = ref('')
  const workbook = useWorkbookDownload()
  const region = computed(() => trail.value[trail.value.length - 1]?.code)

  async function load() {
    if (loading.value) return
    const read = await withLoading(loading, error, () =>
      ticketsApi.stats({ region: region.value, from: from.value || undefined, to: to.value || undefined }),
    )
    if (read) data.value = read
  }

  return {
    trail,
    from,
    to,
    data,
    loading,
    error,
    region,
    load,
    /** Opens a region row: the statistics of the regions below it. */
    drill: (row: Pick<TicketStatsRow, 'key' | 'name'>) => {
      if (loading.value || !canDrillInto(row.key) || row.key === region.value) return
      trail.value = [...trail.value, { code: row.key, name: row.name || row.key }]
      load()
    },
    /** Back to a region of the trail (`-1`: the own region). */
    up: (index: number) => {
      if (loading.value) return
      trail.value = trail.value.slice(0, index + 1)
      load()
    },
    setRange: (range: { from?: string; to?: string }) => {
      if (range.from !== undefined) from.value = range.from
      if (range.to !== undefined) to.value = range.to
      load()
    },
    exporting: workbook.busy,
    exportError: workbook.error,
    exportExcel: () =>
      workbook.download(
        TICKET_STATS_EXPORT_PATH,
        { region: region.value, from: from.value || undefined, to: to.value || undefined },
        `工单统计${trail.value.length ? `-${trail.value[trail.value.length - 1].name}` : ''}.xlsx`,
      ),
  }
}
