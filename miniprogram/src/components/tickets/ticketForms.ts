import { EXTENSION_DECISION_OPTIONS, SPLIT_PARTS_MAX } from '@/composables/useTicketActions'
import { SATISFACTION_OPTIONS, type TicketAction } from '@/utils/tickets'

/** One field of an action form; `kind` is its class (chips: `.<kind>--<VALUE>`), `error` the key of its problem. */
export type TicketFieldSpec =
  | { type: 'region'; key: string; label: string; kind: string }
  /** 交给区划 or 交给部门: the region (`assignTo`) or the department (`departmentId`) that handles the ticket. */
  | { type: 'unit'; key: string; label: string; kind: string }
  | { type: 'choice'; key: string; label: string; kind: string; options: readonly { value: string; label: string }[] }
  | { type: 'date'; key: string; label: string; kind: string }
  | { type: 'photos'; key: string; label: string; kind: string }
  /** The ticket to merge into: one of the open tickets offered, or its number typed (`error`: the server's field). */
  | { type: 'ticket'; key: string; label: string; kind: string; error: string; placeholder: string }
  /** Risk types (chips `.<kind>-risk`) and the description (`.<kind>-description`) of an identification case. */
  | { type: 'risks'; key: string; label: string; kind: string; placeholder: string }
  /** The matters split off (`.<kind>` each), each with its subject and handling unit, `max` at most. */
  | { type: 'parts'; key: string; label: string; kind: string; max: number }
  | {
      type: 'text'
      key: string
      label: string
      kind: string
      error?: string
      placeholder?: string
      maxlength?: number
      multiline?: boolean
      number?: boolean
    }

/**
 * An action form of the ticket page: the class of the button that opens it, its title, a note on the rule, its
 * fields, the send button's words and class, and what is said once done.
 */
export interface TicketFormSpec {
  opener: string
  title: string
  note?: string
  fields: TicketFieldSpec[]
  submit: string
  button: string
  done: string
}

const reasonField = (kind: string, label: string, placeholder: string): TicketFieldSpec => ({
  type: 'text',
  key: 'reason',
  label,
  kind,
  placeholder,
  multiline: true,
})

export const TICKET_FORMS: Record<TicketAction, TicketFormSpec> = {
  accept: {
    opener: 'btn-accept',
    title: '受理并交办',
    note: '受理后交承办单位办理；可由本单位办理，也可交下级单位，或交职能部门办理。',
    fields: [
      { type: 'unit', key: 'assignTo', label: '承办单位', kind: 'assign-to' },
      { type: 'text', key: 'note', label: '交办意见（选填）', kind: 'accept-note', multiline: true, placeholder: '如：请核实补助发放情况，尽快联系投诉人' },
    ],
    submit: '确认受理并交办',
    button: 'btn-accept-submit',
    done: '已受理并交办',
  },
  refuse: {
    opener: 'btn-refuse',
    title: '不予受理',
    fields: [reasonField('refuse-reason', '理由（投诉人可以看到）', '如：不属于本平台受理范围，请向有关部门反映')],
    submit: '确认不予受理',
    button: 'btn-refuse-submit',
    done: '已不予受理',
  },
  assign: {
    opener: 'btn-assign',
    title: '转办',
    note: '改由其他单位办理，办理记录保留，办理时限不变。',
    fields: [
      { type: 'unit', key: 'assignTo', label: '新的承办单位', kind: 'reassign-to' },
      reasonField('assign-reason', '转办理由', '如：该事项属于邻村，请转交办理'),
    ],
    submit: '确认转办',
    button: 'btn-assign-submit',
    done: '已转办',
  },
  note: {
    opener: 'btn-note',
    title: '记录办理情况',
    fields: [
      { type: 'text', key: 'content', label: '办理情况', kind: 'note-content', multiline: true, maxlength: 2000, placeholder: '如：已入户了解情况，正在协调补助发放' },
      { type: 'photos', key: 'photos', label: '现场照片（选填）', kind: 'note' },
    ],
    submit: '保存办理情况',
    button: 'btn-note-submit',
    done: '已记录办理情况',
  },
  reply: {
    opener: 'btn-reply',
    title: '答复投诉人',
    note: '答复后投诉人可以评价；不满意的将发回重新办理。',
    fields: [{ type: 'text', key: 'content', label: '答复内容', kind: 'reply-content', multiline: true, maxlength: 2000, placeholder: '写明核实的情况和处理结果' }],
    submit: '提交答复',
    button: 'btn-reply-submit',
    done: '已答复',
  },
  extension: {
    opener: 'btn-extension',
    title: '申请延期',
    note: '须在办理时限前申请，只能申请一次，由上级审批。',
    fields: [
      { type: 'text', key: 'days', label: '延长天数（工作日，1 至 30）', kind: 'extension-days', number: true, maxlength: 2, placeholder: '如 5' },
      reasonField('extension-reason', '延期理由', '如：需等待县医保局核定报销金额'),
    ],
    submit: '提交延期申请',
    button: 'btn-extension-submit',
    done: '已申请延期',
  },
  decideExtension: {
    opener: 'btn-decide-extension',
    title: '审批延期申请',
    fields: [
      { type: 'choice', key: 'decision', label: '审批结果', kind: 'extension-decision', options: EXTENSION_DECISION_OPTIONS },
      reasonField('decide-reason', '审批意见', '如：情况属实，同意延期'),
    ],
    submit: '提交审批结果',
    button: 'btn-decide-submit',
    done: '已审批',
  },
  urge: {
    opener: 'btn-urge',
    title: '催办',
    fields: [reasonField('urge-reason', '催办意见', '如：请于本周内答复投诉人')],
    submit: '发出催办',
    button: 'btn-urge-submit',
    done: '已催办',
  },
  supervise: {
    opener: 'btn-supervise',
    title: '督办',
    note: '督办件在承办单位的待办中置顶，须在要求的日期前办结。',
    fields: [
      { type: 'date', key: 'dueDate', label: '要求办结日期', kind: 'supervise-due' },
      reasonField('supervise-reason', '督办要求', '如：群众反映强烈，请主要负责人亲自办理'),
    ],
    submit: '确认督办',
    button: 'btn-supervise-submit',
    done: '已督办',
  },
  followUp: {
    opener: 'btn-follow-up',
    title: '电话回访',
    note: '电话联系投诉人，记录其对办理结果的评价。',
    fields: [
      { type: 'choice', key: 'satisfaction', label: '投诉人的评价', kind: 'follow-up-rating', options: SATISFACTION_OPTIONS },
      { type: 'text', key: 'text', error: 'note', label: '回访记录', kind: 'follow-up-note', multiline: true, placeholder: '如：已电话回访，投诉人表示补助已到账' },
    ],
    submit: '保存回访记录',
    button: 'btn-follow-up-submit',
    done: '已记录回访',
  },
  rate: {
    opener: 'btn-rate',
    title: '评价办理结果',
    note: '选择“不满意”的，将发回承办单位重新办理。',
    fields: [
      { type: 'choice', key: 'satisfaction', label: '您对办理结果是否满意', kind: 'rating', options: SATISFACTION_OPTIONS },
      { type: 'text', key: 'text', error: 'comment', label: '评价意见（选填）', kind: 'rate-comment', multiline: true, placeholder: '不满意的，请说明原因' },
    ],
    submit: '提交评价',
    button: 'btn-rate-submit',
    done: '感谢您的评价',
  },
  merge: {
    opener: 'btn-merge',
    title: '合并重复工单',
    note: '同一户反映的同一事项，并入另一张在办工单一并办理；两个编号都保留，本工单显示为已合并。',
    fields: [
      { type: 'ticket', key: 'intoTicketNo', error: 'intoTicketId', label: '合并到的工单', kind: 'merge-into', placeholder: '或填写工单编号，如 TS20261123000001' },
      reasonField('merge-reason', '合并理由', '如：与该工单反映的是同一户的同一事项'),
    ],
    submit: '确认合并',
    button: 'btn-merge-submit',
    done: '已合并',
  },
  split: {
    opener: 'btn-split',
    title: '拆分工单',
    note: `一张工单反映了几件事项的，把其中的事项拆成新的工单分别交办（最多 ${SPLIT_PARTS_MAX} 件）；本工单继续办理其余事项。`,
    fields: [
      { type: 'parts', key: 'parts', label: '拆出的事项', kind: 'split-part', max: SPLIT_PARTS_MAX },
      reasonField('split-reason', '拆分理由', '如：反映的低保和危房改造分属不同单位办理'),
    ],
    submit: '确认拆分',
    button: 'btn-split-submit',
    done: '已拆分',
  },
  openCase: {
    opener: 'btn-open-case',
    title: '发起返贫风险识别',
    note: '投诉反映了本户的困难的，为本户发起识别，随后进入入户核实；工单和案件相互关联。',
    fields: [{ type: 'risks', key: 'riskTypes', label: '情况说明', kind: 'ticket-case', placeholder: '如：投诉人反映户主因病住院，家庭收入明显减少' }],
    submit: '发起识别',
    button: 'btn-open-case-submit',
    done: '已发起识别',
  },
}
