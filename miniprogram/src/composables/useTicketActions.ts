import { computed, reactive, ref, watch, type Ref } from 'vue'
import { ApiError } from '@/api/client'
import { departmentsApi, ticketsApi } from '@/api/endpoints'
import { formErrors } from '@/api/errors'
import type {
  Complainant,
  Department,
  RiskType,
  Satisfaction,
  Ticket,
  TicketAccept,
  TicketAssign,
  TicketExtensionDecision,
  TicketExtensionRequest,
  TicketFollowUp,
  TicketMerge,
  TicketNote,
  TicketOpenCase,
  TicketRating,
  TicketReason,
  TicketSplit,
  TicketSplitPart,
  TicketStatus,
  TicketSupervision,
  TicketVersionContent,
  TicketVersionReason,
} from '@/api/types'
import { todayInBeijing } from '@/utils/household'
import { OPEN_TICKET_STATUSES, SATISFACTION_OPTIONS, ticketLinks, type TicketAction } from '@/utils/tickets'
import { chosenRiskTypes } from './useCases'
import { withPhotos, type PhotoSource } from './usePhotoUpload'
import { checkedText, dropError, toggleItem, useFormSubmit, useLoadedRecord, withLoading, type Draft } from './useSubmit'
import { subjectOf, type TicketSubject } from './useTickets'

/** Every action carries the state read; a 409 means someone acted first or the ticket moved on. */
export const TICKET_TAKEN = '工单已被他人办理或状态已有变化，请刷新后再试'
export const TICKET_NOT_LOADED = '工单尚未加载，请稍后再试'
export const REVEAL_FORBIDDEN = '只有受理单位和承办单位可以查看投诉人信息'
/** The merge form was sent before the tickets it may go into were read. */
export const TARGETS_LOADING = '正在读取本辖区在办的工单，请稍后再试'
export const MERGE_FORBIDDEN = '只有受理单位可以合并工单'
export const SPLIT_FORBIDDEN = '只有受理单位可以拆分工单'
export const OPEN_CASE_FORBIDDEN = '只有县、乡、村干部可以发起识别'
/** At most this many matters are split off a ticket at once. */
export const SPLIT_PARTS_MAX = 5

const REGION = /^[0-9]{12}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The ticket with its steps, read for the detail page and the version its forms send. */
export function useTicketDetail() {
  return useLoadedRecord(ticketsApi.get)
}

/**
 * The tickets the one shown names (merged into, split from, split off), each read for its number and title;
 * one that cannot be read (e.g. not the reader's to see) is still linked.
 */
export function useTicketLinks(ticket: Ref<Ticket | null>) {
  const read = ref<Record<number, Ticket>>({})
  /** Linked tickets the reader may not open (a farmer's ticket merged into someone else's): shown, not linked. */
  const closed = ref<Record<number, true>>({})
  const asked = new Set<number>()
  const bare = computed(() => ticketLinks(ticket.value))

  watch(
    bare,
    (links) => {
      for (const { id } of links) {
        if (asked.has(id)) continue
        asked.add(id)
        ticketsApi
          .get(id)
          .then((t) => (read.value = { ...read.value, [id]: t }))
          .catch((e: unknown) => {
            const status = (e as { status?: number } | null)?.status
            if (status === 403 || status === 404) closed.value = { ...closed.value, [id]: true }
            else asked.delete(id)
          })
      }
    },
    { immediate: true },
  )

  return computed(() =>
    bare.value.map((link) => ({ ...link, ticket: read.value[link.id] ?? null, closed: closed.value[link.id] === true })),
  )
}

// ---- the bodies, checked before asking the server ----

/** Adds the version of the ticket as read (the contract asks for it where a stale form would do harm). */
export function versioned<B>(t: Pick<Ticket, 'version'>, built: Draft<B>): Draft<B & { version: number }> {
  if (typeof t.version !== 'number') return { body: null, errors: { ...built.errors, version: TICKET_NOT_LOADED } }
  return { body: built.body ? { ...built.body, version: t.version } : null, errors: built.errors }
}

/** A body of one required text field (`reason` or `content`). */
function oneText<K extends string>(key: K, raw: string, rule: { label: string; max: number; missing: string }): Draft<Record<K, string>> {
  const errors: Record<string, string> = {}
  const value = checkedText(raw, errors, key, rule)
  return { body: errors[key] ? null : ({ [key]: value } as Record<K, string>), errors }
}

function unitChosen(assignTo: string, errors: Record<string, string>, current?: string | null): string {
  const code = assignTo.trim()
  if (!REGION.test(code)) errors.assignTo = '请选择承办单位'
  else if (current && code === current) errors.assignTo = '请选择另一个承办单位'
  return code
}

/** 交给区划 (a region's own cadres) or 交给部门 (a registered department, handled by its system). */
export type UnitMode = 'region' | 'department'

export const UNIT_MODE_OPTIONS: readonly { value: UnitMode; label: string }[] = [
  { value: 'region', label: '交给区划' },
  { value: 'department', label: '交给部门' },
]

/** Where a ticket goes: a region (`assignTo`) or a department (`departmentId`, kept as the chosen id's text). */
export interface UnitFields {
  unitMode: UnitMode
  assignTo: string
  departmentId: string
}

/** The handling unit chosen: `{ assignTo }` or `{ departmentId }`, never both (the server takes exactly one). */
function unitOf(fields: UnitFields, errors: Record<string, string>, t?: Ticket): { assignTo: string } | { departmentId: number } {
  if (fields.unitMode === 'department') {
    const id = Number(fields.departmentId)
    if (!fields.departmentId || !Number.isInteger(id) || id <= 0) errors.departmentId = '请选择承办部门'
    else if (t?.handlerDepartmentId === id) errors.departmentId = '请选择另一个承办部门'
    return { departmentId: id }
  }
  // A region may take back a ticket its department held: the same region is then another unit.
  return { assignTo: unitChosen(fields.assignTo, errors, t && t.handlerDepartmentId == null ? t.handlerRegion : null) }
}

export interface AcceptFields extends UnitFields {
  note: string
}

export function acceptBody(fields: AcceptFields, t: Ticket): Draft<TicketAccept> {
  const errors: Record<string, string> = {}
  const unit = unitOf(fields, errors)
  const note = checkedText(fields.note, errors, 'note', { label: '交办意见', max: 500 })
  const body = Object.keys(errors).length ? null : { ...unit, ...(note ? { note } : {}) }
  return versioned(t, { body, errors })
}

export interface AssignFields extends UnitFields {
  reason: string
}

export function assignBody(fields: AssignFields, t: Ticket): Draft<TicketAssign> {
  const errors: Record<string, string> = {}
  const unit = unitOf(fields, errors, t)
  const reason = checkedText(fields.reason, errors, 'reason', { label: '转办理由', max: 500, missing: '请填写转办理由' })
  return versioned(t, { body: Object.keys(errors).length ? null : { ...unit, reason }, errors })
}

// ---- the departments a ticket may be given to ----

/** The departments the cadre sees (its region's and below, and those above it), read when a form offers them. */
export function useDepartmentChoices() {
  const items = ref<Department[]>([])
  const loading = ref(false)
  const error = ref('')
  let loaded = false
  return {
    items,
    loading,
    error,
    load: async () => {
      if (loading.value || loaded) return
      const read = await withLoading(loading, error, () => departmentsApi.list())
      if (read) {
        items.value = read
        loaded = true
      }
    },
  }
}

export interface ReasonFields {
  reason: string
}

export function refuseBody(fields: ReasonFields, t: Ticket): Draft<TicketVersionReason> {
  return versioned(t, oneText('reason', fields.reason, { label: '理由', max: 500, missing: '请填写不予受理的理由（投诉人可以看到）' }))
}

export function urgeBody(fields: ReasonFields): Draft<TicketReason> {
  return oneText('reason', fields.reason, { label: '催办意见', max: 500, missing: '请填写催办意见' })
}

export interface ContentFields {
  content: string
}

export function noteBody(fields: ContentFields): Draft<TicketNote> {
  return oneText('content', fields.content, { label: '办理情况', max: 2000, missing: '请填写办理情况' })
}

export function replyBody(fields: ContentFields, t: Ticket): Draft<TicketVersionContent> {
  return versioned(t, oneText('content', fields.content, { label: '答复内容', max: 2000, missing: '请填写答复内容' }))
}

export interface ExtensionFields {
  days: string
  reason: string
}

export function extensionBody(fields: ExtensionFields, t: Ticket): Draft<TicketExtensionRequest> {
  const errors: Record<string, string> = {}
  const raw = String(fields.days ?? '').trim()
  const days = Number(raw)
  if (!/^\d+$/.test(raw) || days < 1 || days > 30) errors.days = '延长天数应为 1 至 30 个工作日'
  const reason = checkedText(fields.reason, errors, 'reason', { label: '延期理由', max: 500, missing: '请说明需要延期的理由' })
  return versioned(t, { body: Object.keys(errors).length ? null : { days, reason }, errors })
}

export type ExtensionDecision = 'APPROVE' | 'REFUSE'

export const EXTENSION_DECISION_OPTIONS: { value: ExtensionDecision; label: string }[] = [
  { value: 'APPROVE', label: '同意延期' },
  { value: 'REFUSE', label: '不同意' },
]

export interface DecideExtensionFields {
  decision: ExtensionDecision | ''
  reason: string
}

export function decideExtensionBody(fields: DecideExtensionFields, t: Ticket): Draft<TicketExtensionDecision> {
  const errors: Record<string, string> = {}
  if (!fields.decision) errors.decision = '请选择同意或不同意'
  const reason = checkedText(fields.reason, errors, 'reason', { label: '审批意见', max: 500, missing: '请填写审批意见' })
  const body = Object.keys(errors).length ? null : { approve: fields.decision === 'APPROVE', reason }
  return versioned(t, { body, errors })
}

export interface SuperviseFields {
  dueDate: string
  reason: string
}

export function superviseBody(fields: SuperviseFields, today: string = todayInBeijing()): Draft<TicketSupervision> {
  const errors: Record<string, string> = {}
  const dueDate = fields.dueDate.trim()
  if (!DATE.test(dueDate)) errors.dueDate = '请选择要求办结的日期'
  else if (dueDate < today) errors.dueDate = '要求办结的日期不能早于今天'
  const reason = checkedText(fields.reason, errors, 'reason', { label: '督办要求', max: 500, missing: '请填写督办要求' })
  return { body: Object.keys(errors).length ? null : { dueDate, reason }, errors }
}

export interface RatingFields {
  satisfaction: Satisfaction | ''
  /** The complainant's words (comment) or the follow-up call's record (note). */
  text: string
}

function satisfactionOf(fields: RatingFields, errors: Record<string, string>, missing: string): Satisfaction | undefined {
  const satisfaction = SATISFACTION_OPTIONS.find((o) => o.value === fields.satisfaction)?.value
  if (!satisfaction) errors.satisfaction = missing
  return satisfaction
}

export function rateBody(fields: RatingFields): Draft<TicketRating> {
  const errors: Record<string, string> = {}
  const satisfaction = satisfactionOf(fields, errors, '请选择满意、基本满意或不满意')
  const comment = checkedText(fields.text, errors, 'comment', { label: '评价意见', max: 500 })
  if (!satisfaction || Object.keys(errors).length) return { body: null, errors }
  return { body: comment ? { satisfaction, comment } : { satisfaction }, errors }
}

export function followUpBody(fields: RatingFields): Draft<TicketFollowUp> {
  const errors: Record<string, string> = {}
  const satisfaction = satisfactionOf(fields, errors, '请选择投诉人的评价')
  const note = checkedText(fields.text, errors, 'note', { label: '回访记录', max: 500, missing: '请填写回访情况' })
  return { body: satisfaction && !Object.keys(errors).length ? { satisfaction, note } : null, errors }
}

export interface MergeFields {
  /** The number (工单编号) of the ticket to merge into, chosen from the list or typed. */
  intoTicketNo: string
  reason: string
}

/**
 * The TicketMerge body: the number chosen or typed is looked up among `targets` (the open tickets it may go
 * into, see mergeTargets); its problems go under `intoTicketId`, the field the server names.
 */
export function mergeBody(fields: MergeFields, t: Ticket, targets: readonly Ticket[]): Draft<TicketMerge> {
  const errors: Record<string, string> = {}
  const no = fields.intoTicketNo.trim().toUpperCase()
  const into = no ? targets.find((o) => o.ticketNo.toUpperCase() === no) : undefined
  if (!no) errors.intoTicketId = '请选择或填写要合并到的工单编号'
  else if (no === t.ticketNo.toUpperCase()) errors.intoTicketId = '不能合并到本工单'
  else if (!into) errors.intoTicketId = `未找到可以合并到的工单 ${no}：须为本辖区内同一户、尚未办结的工单`
  const reason = checkedText(fields.reason, errors, 'reason', { label: '合并理由', max: 500, missing: '请说明合并的理由' })
  return { body: into && !Object.keys(errors).length ? { intoTicketId: into.id, reason } : null, errors }
}

export interface SplitPartFields extends TicketSubject {
  /** The unit that handles this matter. */
  assignTo: string
  /** Keeps each part's own pickers while parts before it are taken out (not sent). */
  uid: number
}

export interface SplitFields {
  parts: SplitPartFields[]
  reason: string
}

let partCount = 0
export const emptySplitPart = (): SplitPartFields => ({ category: '', title: '', description: '', assignTo: '', uid: ++partCount })

/** The TicketSplit body for the ticket as read; a part's problems go under `parts.<index>.<field>`. */
export function splitBody(fields: SplitFields, t: Ticket): Draft<TicketSplit> {
  const errors: Record<string, string> = {}
  if (fields.parts.length < 1 || fields.parts.length > SPLIT_PARTS_MAX) errors.parts = `拆出的事项应为 1 至 ${SPLIT_PARTS_MAX} 件`
  const parts: TicketSplitPart[] = []
  fields.parts.forEach((part, i) => {
    const own: Record<string, string> = {}
    const subject = subjectOf(part, own)
    const assignTo = unitChosen(part.assignTo, own)
    for (const [key, message] of Object.entries(own)) errors[`parts.${i}.${key}`] = message
    if (subject && !own.assignTo) parts.push({ ...subject, assignTo })
  })
  const reason = checkedText(fields.reason, errors, 'reason', { label: '拆分理由', max: 500, missing: '请说明拆分的理由' })
  return versioned(t, { body: Object.keys(errors).length ? null : { reason, parts }, errors })
}

/** Every field a split form shows problems under. */
export const SPLIT_FIELDS: readonly string[] = [
  'reason',
  'parts',
  ...Array.from({ length: SPLIT_PARTS_MAX }, (_, i) => ['category', 'title', 'description', 'assignTo'].map((key) => `parts.${i}.${key}`)).flat(),
]

export interface TicketCaseFields {
  riskTypes: RiskType[]
  description: string
}

/** The TicketOpenCase body: the risks found and what was found. */
export function ticketCaseBody(fields: TicketCaseFields): Draft<TicketOpenCase> {
  const errors: Record<string, string> = {}
  const riskTypes = chosenRiskTypes(fields.riskTypes, errors)
  const description = checkedText(fields.description, errors, 'description', { label: '情况说明', max: 500, missing: '请说明投诉反映的困难' })
  return { body: Object.keys(errors).length ? null : { riskTypes, description }, errors }
}

// ---- the tickets a duplicate may go into ----

/**
 * The open tickets a duplicate may be merged into: not itself, not one of another household; those of the
 * same household first, otherwise in the order read.
 */
export function mergeTargets(t: Pick<Ticket, 'id' | 'householdId'> | null, read: readonly Ticket[]): Ticket[] {
  if (!t) return []
  const seen = new Set<number>([t.id])
  const open = read.filter((o) => {
    if (seen.has(o.id) || !OPEN_TICKET_STATUSES.includes(o.status)) return false
    seen.add(o.id)
    return t.householdId == null || o.householdId == null || o.householdId === t.householdId
  })
  if (t.householdId == null) return open
  return [...open.filter((o) => o.householdId === t.householdId), ...open.filter((o) => o.householdId !== t.householdId)]
}

/** Pages of one status read at most (100 tickets a page) when looking for the tickets to merge into. */
const TARGET_PAGES = 5

async function openTicketsOf(status: TicketStatus): Promise<Ticket[]> {
  const rows: Ticket[] = []
  let after: number | null = null
  for (let page = 0; page < TARGET_PAGES; page++) {
    const read = await ticketsApi.list({ view: 'all', status, after, limit: 100 })
    rows.push(...read.items)
    if (!read.nextAfter) break
    after = read.nextAfter
  }
  return rows
}

/** The open tickets of the cadre's region (every status of them, all pages within reason), read when the merge form opens. */
export function useMergeTargets(ticket: Ref<Ticket | null>) {
  const read = ref<Ticket[]>([])
  const loading = ref(false)
  const error = ref('')

  return {
    items: computed(() => mergeTargets(ticket.value, read.value)),
    loading,
    error,
    load: async () => {
      if (loading.value) return
      const rows = await withLoading(loading, error, () => Promise.all(OPEN_TICKET_STATUSES.map(openTicketsOf)))
      if (rows) read.value = rows.flat()
    },
  }
}

// ---- the forms of the detail page ----

/** What some forms add to the common ones. */
interface TicketFormOptions {
  /** Lists of items the form adds to and takes from (the split's parts): a new item, how many at least and at most. */
  lists?: Record<string, { item: () => object; min: number; max: number }>
  /** A 409 says what the server found (e.g. the other ticket is closed) rather than TICKET_TAKEN. */
  serverConflict?: boolean
  /** Said on a 403 the server did not explain. */
  forbidden?: string
}

/** Sets the value at `parts.1.title` (a field, or a field of a list's item). */
function setAt(target: object, path: string, value: unknown): void {
  const keys = path.split('.')
  const last = keys.pop() as string
  let at = target as Record<string, unknown>
  for (const key of keys) at = at[key] as Record<string, unknown>
  at[last] = value
}

/**
 * One action form on the ticket as read: its fields, the sender (409 → TICKET_TAKEN and a reload), `set` for
 * a value (drops the problem under it), `toggle` for a choice of several, `add` and `remove` for an item of a
 * list, and `reset` when the form opens again.
 */
function useTicketForm<F extends object, B>(
  ticket: Ref<Ticket | null>,
  initial: () => F,
  fieldNames: readonly string[],
  build: (fields: F, t: Ticket) => Draft<B>,
  send: (id: number, body: B) => Promise<Ticket>,
  onDone: (t: Ticket) => void,
  options: TicketFormOptions = {},
) {
  const fields = reactive(initial()) as F
  const sender = useFormSubmit<B, Ticket>({
    send: (body) => send((ticket.value as Ticket).id, body),
    fields: fieldNames,
    conflict: options.serverConflict ? undefined : TICKET_TAKEN,
    forbidden: options.forbidden,
    onDone,
  })
  const listOf = (key: string) => (fields as Record<string, unknown>)[key] as unknown[]

  return {
    fields,
    errors: sender.errors,
    error: sender.error,
    conflicted: sender.conflicted,
    submitting: sender.submitting,
    /** A value chosen or typed (form specs name fields by string; `parts.1.title` for a list's item). */
    set: (key: string, value: string) => {
      setAt(fields, key, value)
      dropError(sender.errors, key)
    },
    /** Ticks or unticks one of several choices (e.g. a risk type). */
    toggle: (key: string, value: string) => {
      toggleItem(listOf(key), value)
      dropError(sender.errors, key)
    },
    /** Adds an empty item to a list, up to its most. */
    add: (key: string) => {
      const list = options.lists?.[key]
      if (list && listOf(key).length < list.max) listOf(key).push(list.item())
      dropError(sender.errors, key)
    },
    /** Takes an item out of a list, down to its least; the problems of its items go (their places move). */
    remove: (key: string, index: number) => {
      const list = options.lists?.[key]
      if (!list || listOf(key).length <= list.min) return
      listOf(key).splice(index, 1)
      sender.errors.value = Object.fromEntries(Object.entries(sender.errors.value).filter(([k]) => k !== key && !k.startsWith(`${key}.`)))
    },
    /** Drops the problems shown, e.g. after the ticket was read again. */
    clear: sender.clear,
    reset: () => {
      Object.assign(fields, initial())
      sender.clear()
    },
    submit: () =>
      sender.submit(() => {
        const t = ticket.value
        const built = t ? build(fields, t) : { body: null, errors: { version: TICKET_NOT_LOADED } }
        if (built.errors.version) sender.error.value = built.errors.version
        return built
      }),
  }
}

/**
 * The actions on a ticket, one form open at a time (`active`); each answers with the ticket as it now
 * stands, which replaces the one shown. `photos` go with the record of handling (办理情况).
 */
export function useTicketActions(ticket: Ref<Ticket | null>, onDone: (t: Ticket, action: TicketAction) => void, photos?: PhotoSource) {
  const active = ref<TicketAction | null>(null)
  const done = (action: TicketAction) => (t: Ticket) => {
    ticket.value = t
    active.value = null
    onDone(t, action)
  }
  const reason = (): ReasonFields => ({ reason: '' })
  const content = (): ContentFields => ({ content: '' })
  const rating = (): RatingFields => ({ satisfaction: '', text: '' })
  const targets = useMergeTargets(ticket)
  const departments = useDepartmentChoices()

  const forms = {
    accept: useTicketForm(
      ticket,
      (): AcceptFields => ({ unitMode: 'region', assignTo: '', departmentId: '', note: '' }),
      ['assignTo', 'departmentId', 'note'],
      acceptBody,
      ticketsApi.accept,
      done('accept'),
    ),
    refuse: useTicketForm(ticket, reason, ['reason'], refuseBody, ticketsApi.refuse, done('refuse')),
    assign: useTicketForm(
      ticket,
      (): AssignFields => ({ unitMode: 'region', assignTo: '', departmentId: '', reason: '' }),
      ['assignTo', 'departmentId', 'reason'],
      assignBody,
      ticketsApi.assign,
      done('assign'),
    ),
    note: useTicketForm(ticket, content, ['content', 'photoIds'], (f) => withPhotos(noteBody(f), photos), ticketsApi.recordAction, done('note')),
    reply: useTicketForm(ticket, content, ['content'], replyBody, ticketsApi.reply, done('reply')),
    extension: useTicketForm(ticket, (): ExtensionFields => ({ days: '', reason: '' }), ['days', 'reason'], extensionBody, ticketsApi.requestExtension, done('extension')),
    decideExtension: useTicketForm(
      ticket,
      (): DecideExtensionFields => ({ decision: '', reason: '' }),
      ['decision', 'reason'],
      decideExtensionBody,
      ticketsApi.decideExtension,
      done('decideExtension'),
    ),
    urge: useTicketForm(ticket, reason, ['reason'], urgeBody, (id, body: TicketReason) => ticketsApi.urge(id, body.reason), done('urge')),
    supervise: useTicketForm(ticket, (): SuperviseFields => ({ dueDate: '', reason: '' }), ['dueDate', 'reason'], (f) => superviseBody(f), ticketsApi.supervise, done('supervise')),
    followUp: useTicketForm(ticket, rating, ['satisfaction', 'note'], followUpBody, ticketsApi.followUp, done('followUp')),
    rate: useTicketForm(ticket, rating, ['satisfaction', 'comment'], rateBody, ticketsApi.rate, done('rate')),
    merge: useTicketForm(
      ticket,
      (): MergeFields => ({ intoTicketNo: '', reason: '' }),
      ['intoTicketId', 'reason'],
      (f, t) => (targets.loading.value ? { body: null, errors: { intoTicketId: TARGETS_LOADING } } : mergeBody(f, t, targets.items.value)),
      ticketsApi.merge,
      done('merge'),
      { serverConflict: true, forbidden: MERGE_FORBIDDEN },
    ),
    split: useTicketForm(ticket, (): SplitFields => ({ parts: [emptySplitPart()], reason: '' }), SPLIT_FIELDS, splitBody, ticketsApi.split, done('split'), {
      lists: { parts: { item: emptySplitPart, min: 1, max: SPLIT_PARTS_MAX } },
      forbidden: SPLIT_FORBIDDEN,
    }),
    openCase: useTicketForm(
      ticket,
      (): TicketCaseFields => ({ riskTypes: [], description: '' }),
      ['riskTypes', 'description'],
      ticketCaseBody,
      ticketsApi.openCase,
      done('openCase'),
      { serverConflict: true, forbidden: OPEN_CASE_FORBIDDEN },
    ),
  }

  return {
    active,
    forms,
    /** The tickets the merge form offers (read when it opens). */
    targets,
    /** The departments the accept and assign forms offer (read when one opens). */
    departments,
    /** Opens an action's form afresh (tapping the open one closes it). */
    open: (action: TicketAction) => {
      active.value = active.value === action ? null : action
      forms[action].reset()
      if (active.value === 'merge') targets.load()
      if (active.value === 'accept' || active.value === 'assign') departments.load()
    },
    close: () => (active.value = null),
  }
}

/** 查看投诉人: the full name and phone, asked with a reason each time (the server keeps the record). */
export function useComplainantReveal(ticketId: () => number) {
  const asking = ref(false)
  const reason = ref('')
  const reasonError = ref('')
  const error = ref('')
  const busy = ref(false)
  const shown = ref<Complainant | null>(null)

  function start(on: boolean) {
    asking.value = on
    reason.value = ''
    reasonError.value = ''
    error.value = ''
  }

  async function submit(): Promise<Complainant | null> {
    if (busy.value) return null
    error.value = ''
    const errors: Record<string, string> = {}
    const why = checkedText(reason.value, errors, 'reason', { label: '查看原因', max: 500, missing: '请填写查看原因（将记录在案）' })
    reasonError.value = errors.reason ?? ''
    if (reasonError.value) return null
    busy.value = true
    try {
      shown.value = await ticketsApi.complainant(ticketId(), why)
      asking.value = false
      return shown.value
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) error.value = e.problem.detail || REVEAL_FORBIDDEN
      else {
        const mapped = formErrors(e, ['reason'])
        reasonError.value = mapped.fields.reason ?? ''
        error.value = mapped.message
      }
      return null
    } finally {
      busy.value = false
    }
  }

  return { asking, reason, reasonError, error, busy, shown, start, submit }
}
