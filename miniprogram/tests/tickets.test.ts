import { describe, expect, it } from 'vitest'
import type { Ticket } from '@/api/types'
import {
  TICKET_NOT_LOADED,
  acceptBody,
  assignBody,
  decideExtensionBody,
  extensionBody,
  followUpBody,
  rateBody,
  refuseBody,
  replyBody,
  superviseBody,
  versioned,
} from '@/composables/useTicketActions'
import { NEED_TICKET_VILLAGE, newTicketBody, registeredTicketBody, type FilingFields, type RegistrationFields } from '@/composables/useTickets'
import { regionLevel } from '@/utils/cases'
import {
  STATUS_FILTER_OPTIONS,
  TICKET_STATUS_OPTIONS,
  acceptorRegion,
  canDrillInto,
  canHandleTickets,
  canOverseeTickets,
  canRevealComplainant,
  describeTicketEvent,
  extensionAvailability,
  overdueText,
  percentText,
  ratingAvailability,
  satisfactionRateText,
  statsRowName,
  ticketActions,
  ticketDueText,
  ticketIdFromAddress,
  ticketProgress,
  ticketStatusLabel,
  todoOrder,
} from '@/utils/tickets'
import { TOWNSHIP, VILLAGE, aTicket, at, county, farmer, handling, meAs, replied, township, villageCadre } from './ticket-fixtures'

const me = meAs
const village = villageCadre

describe('ticket status words', () => {
  it('reads plainly for the farmer and as waiting for a rating for cadres', () => {
    expect(TICKET_STATUS_OPTIONS.map((o) => ticketStatusLabel(o.value, 'FARMER'))).toEqual([
      '待受理',
      '办理中',
      '已答复，请评价',
      '已办结',
      '不予受理',
      '已合并',
    ])
    expect(ticketStatusLabel('REPLIED', 'VILLAGE_CADRE')).toBe('已答复，待评价')
    expect(ticketStatusLabel('REPLIED')).toBe('已答复，请评价')
    expect(STATUS_FILTER_OPTIONS.find((o) => o.value === 'REPLIED')?.label).toBe('已答复，待评价')
    expect(ticketStatusLabel(null)).toBe('')
  })

  it('tells the complainant where the ticket stands', () => {
    expect(ticketProgress(aTicket()).detail).toContain('1 个工作日内受理（2026-11-24 前）')
    expect(ticketProgress(handling()).detail).toBe('已交任庄村办理，办理时限 2026-12-08。')
    expect(ticketProgress(handling({ rehandleCount: 1 })).title).toBe('重新办理中')
    expect(ticketProgress(replied(), '2026-11-24').detail).toContain('答复次日起可以评价（2026-11-25 起）')
    expect(ticketProgress(replied(), '2026-11-25').detail).toContain('作出评价')
    expect(ticketProgress(aTicket({ status: 'CLOSED', satisfaction: 'SATISFIED' })).detail).toBe('您的评价：满意')
    const refused = aTicket({ status: 'REFUSED', events: [{ type: 'REFUSED', status: 'REFUSED', content: '不属于受理范围', at }] })
    expect(ticketProgress(refused)).toEqual({ kind: 'refused', title: '不予受理', detail: '理由：不属于受理范围' })
  })

  it('gives the due date of the current step and the overdue badge', () => {
    expect(ticketDueText(aTicket())).toBe('受理时限 2026-11-24')
    expect(ticketDueText(handling())).toBe('办理时限 2026-12-08')
    expect(ticketDueText(handling({ supervised: true, superviseDue: '2026-12-01' }))).toBe('督办限 2026-12-01 前办结')
    expect(ticketDueText(replied())).toBe('')
    expect(overdueText(handling({ overdue: true, overdueWorkingDays: 3 }))).toBe('超期 3 个工作日')
    expect(overdueText(handling({ overdue: undefined }), '2026-12-09')).toBe('已超期')
    expect(overdueText(handling({ overdue: undefined }), '2026-12-08')).toBe('')
    expect(overdueText(replied({ overdue: true }))).toBe('')
  })

  it('puts supervised tickets first and keeps the server order otherwise', () => {
    const list = [{ id: 1, supervised: false }, { id: 2, supervised: true }, { id: 3 }, { id: 4, supervised: true }] as Ticket[]
    expect(todoOrder(list).map((t) => t.id)).toEqual([2, 4, 1, 3])
  })
})

describe('who acts on a ticket', () => {
  it('lets a township-or-above cadre over the place accept or refuse a registered ticket (or merge or split it)', () => {
    expect(ticketActions(aTicket(), township())).toEqual(['accept', 'refuse', 'merge', 'split'])
    expect(ticketActions(aTicket(), county())).toEqual(['accept', 'refuse', 'merge', 'split'])
    expect(ticketActions(aTicket(), township('410225102000'))).toEqual([])
    expect(ticketActions(aTicket(), village())).toEqual([])
    expect(ticketActions(aTicket(), farmer())).toEqual([])
    expect(ticketActions(aTicket(), null)).toEqual([])
  })

  it('lets the handling unit record, reply and ask once for more time before the deadline', () => {
    const today = '2026-12-01'
    expect(ticketActions(handling(), village(), today)).toEqual(['note', 'reply', 'extension'])
    expect(ticketActions(handling({ extensionCount: 1 }), village(), today)).toEqual(['note', 'reply'])
    expect(ticketActions(handling({ extensionPendingDays: 5 }), village(), today)).toEqual(['note', 'reply'])
    expect(ticketActions(handling(), village(), '2026-12-09')).toEqual(['note', 'reply'])
    expect(ticketActions(handling(), village('410225101202'), today)).toEqual([])
    expect(ticketActions(handling(), me('INFO_OFFICER', VILLAGE, 5), today)).toEqual(['note', 'reply', 'extension'])
  })

  it('lets the levels above the handling unit decide extensions, urge, supervise and transfer', () => {
    expect(ticketActions(handling(), township())).toEqual(['urge', 'supervise', 'assign', 'merge', 'split'])
    expect(ticketActions(handling({ extensionPendingDays: 5 }), township())).toEqual(['decideExtension', 'urge', 'supervise', 'assign', 'merge', 'split'])
    expect(ticketActions(handling(), county())).toEqual(['urge', 'supervise', 'assign'])
    expect(ticketActions(handling(), township('410225102000'))).toEqual([])
    // The township handling its own ticket: the county above urges it.
    const own = handling({ handlerRegion: TOWNSHIP })
    expect(ticketActions(own, township(), '2026-12-01')).toEqual(['note', 'reply', 'extension', 'merge', 'split'])
    expect(ticketActions(own, county())).toEqual(['urge', 'supervise', 'assign'])
  })

  it('lets the accepting unit call back after the reply, and the complainant rate from rateFrom', () => {
    expect(ticketActions(replied(), township())).toEqual(['followUp'])
    expect(ticketActions(replied(), county())).toEqual([])
    expect(ticketActions(replied(), village())).toEqual([])
    expect(ticketActions(replied(), farmer(), '2026-11-24')).toEqual([])
    expect(ticketActions(replied(), farmer(), '2026-11-25')).toEqual(['rate'])
    expect(ticketActions(replied({ rateFrom: null }), farmer(), '2026-11-24')).toEqual(['rate'])
    for (const status of ['CLOSED', 'REFUSED', 'MERGED'] as const) {
      for (const who of [farmer(), village(), township(), county()]) expect(ticketActions(handling({ status }), who)).toEqual([])
    }
  })

  it('knows the accepting unit from the last acceptance', () => {
    expect(acceptorRegion(handling())).toBe(TOWNSHIP)
    expect(acceptorRegion(aTicket())).toBeNull()
  })

  it('offers 查看投诉人 to the accepting unit, and to the handling unit unless anonymous', () => {
    expect(canRevealComplainant(aTicket(), township())).toBe(true)
    expect(canRevealComplainant(handling(), township())).toBe(true)
    expect(canRevealComplainant(handling(), village())).toBe(true)
    expect(canRevealComplainant(handling({ anonymous: true }), village())).toBe(false)
    expect(canRevealComplainant(handling({ anonymous: true }), township())).toBe(true)
    expect(canRevealComplainant(handling(), county())).toBe(false)
    expect(canRevealComplainant(handling({ complainantName: null, complainantPhone: null }), township())).toBe(false)
    expect(canRevealComplainant(handling(), farmer())).toBe(false)
  })

  it('shows the inbox to ticket cadres and the bulletin and statistics from the township up', () => {
    expect(['VILLAGE_CADRE', 'INFO_OFFICER', 'RESIDENT_CADRE', 'TOWNSHIP_CADRE', 'COUNTY_CADRE'].every(canHandleTickets)).toBe(true)
    expect(canHandleTickets('FARMER')).toBe(false)
    expect(canHandleTickets('ACCOUNT_MANAGER')).toBe(false)
    expect(canOverseeTickets('TOWNSHIP_CADRE')).toBe(true)
    expect(canOverseeTickets('PROVINCE_CADRE')).toBe(true)
    expect(canOverseeTickets('VILLAGE_CADRE')).toBe(false)
  })
})

describe('rating and extension availability', () => {
  it('opens the rating from rateFrom (Beijing date) on, and only for a replied ticket', () => {
    expect(ratingAvailability(replied(), '2026-11-24')).toEqual({ allowed: false, reason: '答复次日起可以评价（2026-11-25 起）' })
    expect(ratingAvailability(replied(), '2026-11-25')).toEqual({ allowed: true, reason: '' })
    expect(ratingAvailability(replied(), '2026-12-02').allowed).toBe(true)
    expect(ratingAvailability(replied({ rateFrom: null }), '2026-11-23').allowed).toBe(true)
    expect(ratingAvailability(handling(), '2026-12-02').allowed).toBe(false)
  })

  it('allows one extension, not while one is pending, up to the handling deadline', () => {
    expect(extensionAvailability(handling(), '2026-12-08')).toEqual({ allowed: true, reason: '' })
    expect(extensionAvailability(handling({ handleDue: null }), '2027-01-01').allowed).toBe(true)
    expect(extensionAvailability(handling({ extensionCount: 1 }), '2026-12-01').reason).toBe('已延期过一次，不能再申请')
    expect(extensionAvailability(handling({ extensionPendingDays: 3 }), '2026-12-01').reason).toBe('延期申请正在等待上级审批')
    expect(extensionAvailability(handling(), '2026-12-09').reason).toBe('已过办理时限，不能再申请延期')
    expect(extensionAvailability(replied(), '2026-12-01').allowed).toBe(false)
  })
})

describe('steps in plain Chinese', () => {
  const names = { [VILLAGE]: '任庄村', [TOWNSHIP]: '堌阳镇' }

  it('names the unit a ticket goes to, who acted and the rating', () => {
    const assigned = describeTicketEvent(
      { type: 'ASSIGNED', status: 'HANDLING', actorRole: 'TOWNSHIP_CADRE', actorRegion: TOWNSHIP, targetRegion: VILLAGE, due: '2026-12-08', at },
      names,
    )
    expect(assigned.title).toBe('交办：由任庄村办理')
    expect(assigned.who).toBe('乡镇干部 · 堌阳镇')
    expect(assigned.due).toBe('时限 2026-12-08')
    const rated = describeTicketEvent({ type: 'RATED', status: 'HANDLING', actorRole: 'FARMER', satisfaction: 'DISSATISFIED', content: '补助仍未到账', at })
    expect(rated).toMatchObject({ title: '投诉人评价', who: '投诉人', decision: '不满意', decisionCode: 'DISSATISFIED', reasonLabel: '评价意见', reason: '补助仍未到账' })
    expect(describeTicketEvent({ type: 'AUTO_CLOSED', status: 'CLOSED', at }).who).toBe('系统')
    expect(describeTicketEvent({ type: 'SUPERVISED', status: 'HANDLING', actorRole: 'COUNTY_CADRE', due: '2026-12-01', at }).due).toBe('限 2026-12-01 前办结')
    expect(describeTicketEvent({ type: 'SOMETHING_NEW', status: 'HANDLING', at }).title).toBe('办理记录')
  })

  it('reads the ticket id of a 409 pointing to an existing ticket', () => {
    expect(ticketIdFromAddress('/api/tickets/42')).toBe(42)
    expect(ticketIdFromAddress('/api/cases/42')).toBeNull()
  })
})

describe('statistics', () => {
  it('gives percentages with one decimal at most, and a dash without a base', () => {
    expect(percentText(7, 8)).toBe('87.5%')
    expect(percentText(2, 3)).toBe('66.7%')
    expect(percentText(3, 3)).toBe('100%')
    expect(percentText(0, 4)).toBe('0%')
    expect(percentText(0, 0)).toBe('—')
    expect(percentText(null, 5)).toBe('—')
    expect(satisfactionRateText({ satisfied: 9, rated: 12 })).toBe('75%')
  })

  it('names rows by region, category or channel and opens regions above the villages', () => {
    expect(statsRowName({ key: TOWNSHIP, name: '堌阳镇' }, 'region')).toBe('堌阳镇')
    expect(statsRowName({ key: 'SUBSIDY', name: null }, 'category')).toBe('补贴资金')
    expect(statsRowName({ key: 'HOTLINE_12345' }, 'channel')).toBe('12345 热线')
    expect(canDrillInto(TOWNSHIP)).toBe(true)
    expect(canDrillInto('410225000000')).toBe(true)
    expect(canDrillInto(VILLAGE)).toBe(false)
    expect(canDrillInto('SUBSIDY')).toBe(false)
    expect([VILLAGE, TOWNSHIP, '410225000000', '410200000000', '410000000000', 'x'].map(regionLevel)).toEqual([5, 4, 3, 2, 1, 0])
  })
})

describe('ticket forms checked before sending', () => {
  const filing = (over: Partial<FilingFields> = {}): FilingFields => ({
    category: 'SUBSIDY',
    title: ' 补助未到位 ',
    description: '去年的补助至今未发放',
    anonymous: false,
    contactPhone: '',
    ...over,
  })

  it('files for the own household, or for the named village when unbound', () => {
    expect(newTicketBody(filing(), { bound: true })).toEqual({
      body: { category: 'SUBSIDY', title: '补助未到位', description: '去年的补助至今未发放', anonymous: false },
      errors: {},
    })
    expect(newTicketBody(filing({ anonymous: true, contactPhone: '13812345678' }), { bound: false, villageCode: VILLAGE }).body).toMatchObject({
      anonymous: true,
      contactPhone: '13812345678',
      villageCode: VILLAGE,
    })
    const missing = newTicketBody(filing({ category: '', title: '', description: ' ', contactPhone: '123' }), { bound: false, villageCode: '' })
    expect(missing.body).toBeNull()
    expect(missing.errors).toEqual({
      category: '请选择反映事项的类别',
      title: '请用一句话概括反映的事项',
      description: '请写明具体情况',
      contactPhone: '请填写 11 位手机号',
      villageCode: NEED_TICKET_VILLAGE,
    })
    expect(newTicketBody(filing({ title: 'x'.repeat(51) }), { bound: true }).errors.title).toBe('标题最长 50 个字')
  })

  it('registers a call with its channel, region and the caller', () => {
    const fields: RegistrationFields = {
      ...filing(),
      channel: 'HOTLINE_12345',
      regionCode: VILLAGE,
      complainantName: '钱某',
      complainantPhone: '13912345678',
    }
    expect(registeredTicketBody(fields).body).toEqual({
      channel: 'HOTLINE_12345',
      category: 'SUBSIDY',
      title: '补助未到位',
      description: '去年的补助至今未发放',
      regionCode: VILLAGE,
      anonymous: false,
      complainantName: '钱某',
      complainantPhone: '13912345678',
    })
    expect(Object.keys(registeredTicketBody({ ...fields, channel: 'MINIPROGRAM', regionCode: '' }).errors).sort()).toEqual(['channel', 'regionCode'])
  })

  it('sends the version read with acceptance, refusal, transfer, reply and extension', () => {
    const t = handling({ version: 7 })
    const region = { unitMode: 'region', departmentId: '' } as const
    expect(acceptBody({ ...region, assignTo: VILLAGE, note: '' }, t).body).toEqual({ version: 7, assignTo: VILLAGE })
    expect(acceptBody({ ...region, assignTo: '', note: '' }, t).errors).toEqual({ assignTo: '请选择承办单位' })
    expect(refuseBody({ reason: '不属于受理范围' }, t).body).toEqual({ version: 7, reason: '不属于受理范围' })
    expect(assignBody({ ...region, assignTo: VILLAGE, reason: '转邻村' }, t).errors).toEqual({ assignTo: '请选择另一个承办单位' })
    expect(assignBody({ ...region, assignTo: '410225101202', reason: '转邻村' }, t).body).toEqual({ version: 7, assignTo: '410225101202', reason: '转邻村' })
    expect(replyBody({ content: ' 已发放 ' }, t).body).toEqual({ version: 7, content: '已发放' })
    expect(replyBody({ content: '' }, t).errors).toEqual({ content: '请填写答复内容' })
    expect(extensionBody({ days: '5', reason: '等待核定' }, t).body).toEqual({ version: 7, days: 5, reason: '等待核定' })
    for (const days of ['0', '31', '2.5', '']) expect(extensionBody({ days, reason: '等待' }, t).errors.days).toBe('延长天数应为 1 至 30 个工作日')
    expect(decideExtensionBody({ decision: 'REFUSE', reason: '理由不充分' }, t).body).toEqual({ version: 7, approve: false, reason: '理由不充分' })
    expect(decideExtensionBody({ decision: '', reason: '' }, t).errors).toEqual({ decision: '请选择同意或不同意', reason: '请填写审批意见' })
    expect(versioned({ version: undefined as unknown as number }, { body: { x: 1 }, errors: {} })).toEqual({ body: null, errors: { version: TICKET_NOT_LOADED } })
  })

  it('checks supervision dates, ratings and follow-ups', () => {
    expect(superviseBody({ dueDate: '2026-11-30', reason: '尽快办理' }, '2026-11-23').body).toEqual({ dueDate: '2026-11-30', reason: '尽快办理' })
    expect(superviseBody({ dueDate: '2026-11-22', reason: '尽快办理' }, '2026-11-23').errors.dueDate).toBe('要求办结的日期不能早于今天')
    expect(superviseBody({ dueDate: '', reason: '' }, '2026-11-23').errors).toEqual({ dueDate: '请选择要求办结的日期', reason: '请填写督办要求' })
    expect(rateBody({ satisfaction: 'DISSATISFIED', text: '' })).toEqual({ body: { satisfaction: 'DISSATISFIED' }, errors: {} })
    expect(rateBody({ satisfaction: 'SATISFIED', text: ' 很好 ' }).body).toEqual({ satisfaction: 'SATISFIED', comment: '很好' })
    expect(rateBody({ satisfaction: '', text: '' }).errors).toEqual({ satisfaction: '请选择满意、基本满意或不满意' })
    expect(followUpBody({ satisfaction: 'BASICALLY_SATISFIED', text: '已回访' }).body).toEqual({ satisfaction: 'BASICALLY_SATISFIED', note: '已回访' })
    expect(followUpBody({ satisfaction: '', text: '' }).errors).toEqual({ satisfaction: '请选择投诉人的评价', note: '请填写回访情况' })
  })
})
