import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { fieldErrors } from '@/api/errors'
import type { Ticket } from '@/api/types'
import { TICKET_FORMS } from '@/components/tickets/ticketForms'
import {
  SPLIT_FIELDS,
  SPLIT_PARTS_MAX,
  TICKET_NOT_LOADED,
  emptySplitPart,
  mergeBody,
  mergeTargets,
  splitBody,
  ticketCaseBody,
  type SplitPartFields,
} from '@/composables/useTicketActions'
import {
  TICKET_ACTION_LABELS,
  canOpenCaseFromTicket,
  canReshapeTicket,
  describeTicketEvent,
  ticketActions,
  ticketLinks,
} from '@/utils/tickets'
import { TOWNSHIP, VILLAGE, aTicket, at, county, farmer, handling, meAs, replied, township, villageCadre } from './ticket-fixtures'

const OTHER_TOWNSHIP = '410225102000'

describe('who merges, splits and opens a case from a ticket', () => {
  it('offers merging and splitting to the accepting unit while the ticket is registered or handled', () => {
    expect(canReshapeTicket(aTicket(), township())).toBe(true)
    expect(canReshapeTicket(aTicket(), county())).toBe(true)
    expect(canReshapeTicket(aTicket(), township(OTHER_TOWNSHIP))).toBe(false)
    // Once accepted, the unit on record: the township, not the county above it.
    expect(canReshapeTicket(handling(), township())).toBe(true)
    expect(canReshapeTicket(handling(), county())).toBe(false)
    for (const status of ['REPLIED', 'CLOSED', 'REFUSED', 'MERGED'] as const) {
      expect(canReshapeTicket(handling({ status }), township())).toBe(false)
    }
    expect(canReshapeTicket(aTicket(), villageCadre())).toBe(false)
    expect(canReshapeTicket(aTicket(), farmer())).toBe(false)
    expect(canReshapeTicket(aTicket(), null)).toBe(false)
    expect(ticketActions(replied(), township())).toEqual(['followUp'])
  })

  it('offers opening a case to the case cadres for a household’s ticket without a case', () => {
    const ofHousehold = handling({ householdId: 42 })
    expect(canOpenCaseFromTicket(ofHousehold, villageCadre())).toBe(true)
    expect(canOpenCaseFromTicket(ofHousehold, meAs('INFO_OFFICER', VILLAGE, 5))).toBe(true)
    expect(canOpenCaseFromTicket(ofHousehold, meAs('RESIDENT_CADRE', VILLAGE, 5))).toBe(true)
    expect(canOpenCaseFromTicket(ofHousehold, county())).toBe(true)
    expect(canOpenCaseFromTicket(ofHousehold, meAs('CITY_CADRE', '410200000000', 2))).toBe(false)
    expect(canOpenCaseFromTicket(ofHousehold, farmer())).toBe(false)
    expect(canOpenCaseFromTicket(handling({ householdId: null }), villageCadre())).toBe(false)
    expect(canOpenCaseFromTicket(handling({ householdId: 42, caseId: 31 }), villageCadre())).toBe(false)

    expect(ticketActions(ofHousehold, villageCadre(), '2026-12-01')).toEqual(['note', 'reply', 'extension', 'openCase'])
    expect(ticketActions(aTicket({ householdId: 42 }), township())).toEqual(['accept', 'refuse', 'merge', 'split', 'openCase'])
    expect(ticketActions(aTicket({ householdId: 42 }), farmer())).toEqual([])
  })

  it('names the buttons and their forms', () => {
    expect([TICKET_ACTION_LABELS.merge, TICKET_ACTION_LABELS.split, TICKET_ACTION_LABELS.openCase]).toEqual(['合并重复工单', '拆分工单', '发起识别'])
    expect([TICKET_FORMS.merge, TICKET_FORMS.split, TICKET_FORMS.openCase].map((f) => [f.opener, f.button])).toEqual([
      ['btn-merge', 'btn-merge-submit'],
      ['btn-split', 'btn-split-submit'],
      ['btn-open-case', 'btn-open-case-submit'],
    ])
  })
})

describe('merged and split tickets in plain words', () => {
  it('labels the split on both tickets', () => {
    expect(describeTicketEvent({ type: 'SPLIT', status: 'HANDLING', actorRole: 'TOWNSHIP_CADRE', content: '分属两个单位', at })).toMatchObject({
      title: '拆分工单',
      reasonLabel: '理由',
      reason: '分属两个单位',
    })
    expect(describeTicketEvent({ type: 'SPLIT_FROM', status: 'HANDLING', actorRole: 'TOWNSHIP_CADRE', at }).title).toBe('由工单拆分')
    expect(describeTicketEvent({ type: 'MERGED', status: 'MERGED', actorRole: 'TOWNSHIP_CADRE', at }).title).toBe('与同一事项的工单合并')
  })

  it('links the ticket merged into, the one split from and those split off', () => {
    expect(ticketLinks(aTicket())).toEqual([])
    expect(ticketLinks(null)).toEqual([])
    expect(ticketLinks(aTicket({ status: 'MERGED', mergedInto: 6 }))).toEqual([{ kind: 'mergedInto', id: 6 }])
    expect(ticketLinks(handling({ splitFrom: 4, splitInto: [11, 12] }))).toEqual([
      { kind: 'splitFrom', id: 4 },
      { kind: 'splitInto', id: 11 },
      { kind: 'splitInto', id: 12 },
    ])
  })
})

describe('the merge form', () => {
  const dup = aTicket({ id: 5, householdId: 42 })
  const read: Ticket[] = [
    aTicket({ id: 8, ticketNo: 'TS20261123000008', householdId: null }),
    aTicket({ id: 5, householdId: 42 }),
    handling({ id: 6, ticketNo: 'TS20261123000006', householdId: 42 }),
    aTicket({ id: 7, ticketNo: 'TS20261123000007', householdId: 43 }),
    handling({ id: 9, ticketNo: 'TS20261123000009', householdId: 42, status: 'CLOSED' }),
    replied({ id: 10, ticketNo: 'TS20261123000010', householdId: 42 }),
    handling({ id: 6, ticketNo: 'TS20261123000006', householdId: 42 }),
  ]

  it('offers the open tickets of the same household first, then those of no household, never itself or another household’s', () => {
    expect(mergeTargets(dup, read).map((t) => t.id)).toEqual([6, 10, 8])
    expect(mergeTargets(aTicket({ id: 5, householdId: null }), read).map((t) => t.id)).toEqual([8, 6, 7, 10])
    expect(mergeTargets(null, read)).toEqual([])
  })

  it('finds the ticket by the number chosen or typed, and asks for a reason', () => {
    const targets = mergeTargets(dup, read)
    expect(mergeBody({ intoTicketNo: ' ts20261123000006 ', reason: ' 同一事项 ' }, dup, targets)).toEqual({
      body: { intoTicketId: 6, reason: '同一事项' },
      errors: {},
    })
    expect(mergeBody({ intoTicketNo: '', reason: '' }, dup, targets)).toEqual({
      body: null,
      errors: { intoTicketId: '请选择或填写要合并到的工单编号', reason: '请说明合并的理由' },
    })
    expect(mergeBody({ intoTicketNo: dup.ticketNo, reason: '重复' }, dup, targets).errors.intoTicketId).toBe('不能合并到本工单')
    expect(mergeBody({ intoTicketNo: 'TS20261123000007', reason: '重复' }, dup, targets).errors.intoTicketId).toBe(
      '未找到可以合并到的工单 TS20261123000007：须为本辖区内同一户、尚未办结的工单',
    )
    expect(mergeBody({ intoTicketNo: 'TS20261123000006', reason: 'x'.repeat(501) }, dup, targets).errors).toEqual({ reason: '合并理由最长 500 个字' })
  })
})

describe('the split form', () => {
  const part = (over: Partial<SplitPartFields> = {}): SplitPartFields => ({
    ...emptySplitPart(),
    category: 'HEALTH',
    title: ' 医保报销未到账 ',
    description: '住院费用报销三个月未到账',
    assignTo: VILLAGE,
    ...over,
  })

  it('sends each part with its unit, the reason and the version read (never the parts’ own keys)', () => {
    const t = handling({ version: 7 })
    expect(splitBody({ parts: [part(), part({ category: 'HOUSING', title: '危房', assignTo: TOWNSHIP })], reason: '分属两个单位' }, t)).toEqual({
      body: {
        version: 7,
        reason: '分属两个单位',
        parts: [
          { category: 'HEALTH', title: '医保报销未到账', description: '住院费用报销三个月未到账', assignTo: VILLAGE },
          { category: 'HOUSING', title: '危房', description: '住院费用报销三个月未到账', assignTo: TOWNSHIP },
        ],
      },
      errors: {},
    })
  })

  it('puts each part’s problems under that part', () => {
    const t = handling()
    expect(splitBody({ parts: [part(), emptySplitPart()], reason: '' }, t)).toEqual({
      body: null,
      errors: {
        'parts.1.category': '请选择反映事项的类别',
        'parts.1.title': '请用一句话概括反映的事项',
        'parts.1.description': '请写明具体情况',
        'parts.1.assignTo': '请选择承办单位',
        reason: '请说明拆分的理由',
      },
    })
    expect(splitBody({ parts: [], reason: '分开办' }, t).errors).toEqual({ parts: '拆出的事项应为 1 至 5 件' })
    expect(splitBody({ parts: Array.from({ length: SPLIT_PARTS_MAX + 1 }, () => part()), reason: '分开办' }, t).errors).toEqual({
      parts: '拆出的事项应为 1 至 5 件',
    })
    expect(splitBody({ parts: [part()], reason: '分开办' }, { ...t, version: undefined as unknown as number }).errors).toEqual({ version: TICKET_NOT_LOADED })
    expect(SPLIT_FIELDS).toContain('parts.4.assignTo')
  })

  it('keeps the item of a list in the server’s field problems', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: '请求有误',
      status: 400,
      errors: [
        { field: 'splitTicket.body.parts[1].title', message: '标题不能含有电话号码' },
        { field: 'splitTicket.body.reason', message: '理由过长' },
      ],
    })
    expect(fieldErrors(error)).toEqual({ 'parts.1.title': '标题不能含有电话号码', reason: '理由过长' })
  })
})

describe('the open-case form', () => {
  it('sends the risk types in the order of the chips and the description', () => {
    expect(ticketCaseBody({ riskTypes: ['DISASTER', 'ILLNESS'], description: ' 户主住院 ' })).toEqual({
      body: { riskTypes: ['ILLNESS', 'DISASTER'], description: '户主住院' },
      errors: {},
    })
    expect(ticketCaseBody({ riskTypes: [], description: '' })).toEqual({
      body: null,
      errors: { riskTypes: '请至少选择一种风险类型', description: '请说明投诉反映的困难' },
    })
  })
})
