import { reactive, ref, type Ref } from 'vue'
import { ApiError } from '@/api/client'
import { ticketsApi } from '@/api/endpoints'
import { formErrors } from '@/api/errors'
import type {
  Complainant,
  Satisfaction,
  Ticket,
  TicketAccept,
  TicketAssign,
  TicketExtensionDecision,
  TicketExtensionRequest,
  TicketFollowUp,
  TicketNote,
  TicketRating,
  TicketReason,
  TicketSupervision,
  TicketVersionContent,
  TicketVersionReason,
} from '@/api/types'
import { todayInBeijing } from '@/utils/household'
import { SATISFACTION_OPTIONS, type TicketAction } from '@/utils/tickets'
import { withPhotos, type PhotoSource } from './usePhotoUpload'
import { checkedText, dropError, useFormSubmit, useLoadedRecord, type Draft } from './useSubmit'

/** Every action carries the state read; a 409 means someone acted first or the ticket moved on. */
export const TICKET_TAKEN = '工单已被他人办理或状态已有变化，请刷新后再试'
export const TICKET_NOT_LOADED = '工单尚未加载，请稍后再试'
export const REVEAL_FORBIDDEN = '只有受理单位和承办单位可以查看投诉人信息'

const REGION = /^[0-9]{12}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The ticket with its steps, read for the detail page and the version its forms send. */
export function useTicketDetail() {
  return useLoadedRecord(ticketsApi.get)
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

export interface AcceptFields {
  assignTo: string
  note: string
}

export function acceptBody(fields: AcceptFields, t: Ticket): Draft<TicketAccept> {
  const errors: Record<string, string> = {}
  const assignTo = unitChosen(fields.assignTo, errors)
  const note = checkedText(fields.note, errors, 'note', { label: '交办意见', max: 500 })
  const body = Object.keys(errors).length ? null : { assignTo, ...(note ? { note } : {}) }
  return versioned(t, { body, errors })
}

export interface AssignFields {
  assignTo: string
  reason: string
}

export function assignBody(fields: AssignFields, t: Ticket): Draft<TicketAssign> {
  const errors: Record<string, string> = {}
  const assignTo = unitChosen(fields.assignTo, errors, t.handlerRegion)
  const reason = checkedText(fields.reason, errors, 'reason', { label: '转办理由', max: 500, missing: '请填写转办理由' })
  return versioned(t, { body: Object.keys(errors).length ? null : { assignTo, reason }, errors })
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

// ---- the forms of the detail page ----

/**
 * One action form on the ticket as read: its fields, the sender (409 → TICKET_TAKEN and a reload), `set` for
 * a value (drops the problem under it) and `reset` when the form opens again.
 */
function useTicketForm<F extends object, B>(
  ticket: Ref<Ticket | null>,
  initial: () => F,
  fieldNames: readonly string[],
  build: (fields: F, t: Ticket) => Draft<B>,
  send: (id: number, body: B) => Promise<Ticket>,
  onDone: (t: Ticket) => void,
) {
  const fields = reactive(initial()) as F
  const sender = useFormSubmit<B, Ticket>({
    send: (body) => send((ticket.value as Ticket).id, body),
    fields: fieldNames,
    conflict: TICKET_TAKEN,
    onDone,
  })

  return {
    fields,
    errors: sender.errors,
    error: sender.error,
    conflicted: sender.conflicted,
    submitting: sender.submitting,
    /** A value chosen or typed (form specs name fields by string). */
    set: (key: string, value: string) => {
      ;(fields as Record<string, unknown>)[key] = value
      dropError(sender.errors, key)
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

  const forms = {
    accept: useTicketForm(ticket, (): AcceptFields => ({ assignTo: '', note: '' }), ['assignTo', 'note'], acceptBody, ticketsApi.accept, done('accept')),
    refuse: useTicketForm(ticket, reason, ['reason'], refuseBody, ticketsApi.refuse, done('refuse')),
    assign: useTicketForm(ticket, (): AssignFields => ({ assignTo: '', reason: '' }), ['assignTo', 'reason'], assignBody, ticketsApi.assign, done('assign')),
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
  }

  return {
    active,
    forms,
    /** Opens an action's form afresh (tapping the open one closes it). */
    open: (action: TicketAction) => {
      active.value = active.value === action ? null : action
      forms[action].reset()
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
