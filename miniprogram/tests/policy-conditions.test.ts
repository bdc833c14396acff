import { describe, expect, it } from 'vitest'
import type { PolicyCondition, PolicyFact } from '@/api/types'
import {
  chooseFact,
  factRow,
  memberRow,
  operatorsFor,
  problemsByRow,
  rowAddressOf,
  rowsToTree,
  toggleValue,
  treeToRows,
  type ConditionRow,
} from '@/policy/conditions'
import { htmlToParagraphs, paragraphsToHtml } from '@/policy/body'
import { FACTS, factOptions } from '@/policy/labels'

/** Rows without their rendering keys, to compare content. */
const content = (rows: ConditionRow[]) =>
  rows.map((r) => (r.type === 'member' ? { type: r.type, rows: r.rows.map(({ key: _, ...rest }) => rest) } : (({ key: _, ...rest }) => rest)(r)))

const normalTree: PolicyCondition = {
  all: [
    { fact: 'CATEGORY', op: 'IN', values: ['MONITORED', 'LIFTED'] },
    { fact: 'INCOME_THRESHOLD_RATIO', op: 'LE', number: 1.5 },
    { fact: 'HOUSING_SAFE', op: 'IS_FALSE' },
    { fact: 'REGION', op: 'NOT_IN', values: ['410225101201'] },
    { member: { all: [{ fact: 'AGE', op: 'GE', number: 60 }, { fact: 'DISABILITY_GRADE', op: 'LE', number: 2 }, { fact: 'MEDICAL_INSURED', op: 'IS_TRUE' }] } },
  ],
}

describe('operators per fact', () => {
  it('offers 属于/不属于 for closed sets and regions, the four comparisons for numbers, 是/否 for yes/no', () => {
    const ops = (fact: PolicyFact) => operatorsFor(fact).map((o) => o.label)
    expect(ops('CATEGORY')).toEqual(['属于', '不属于'])
    expect(ops('RISK_TYPE')).toEqual(['属于', '不属于'])
    expect(ops('REGION')).toEqual(['属于', '不属于'])
    expect(ops('HEALTH')).toEqual(['属于', '不属于'])
    expect(ops('INCOME_PER_CAPITA')).toEqual(['不低于', '不超过', '大于', '小于'])
    expect(ops('AGE')).toEqual(['不低于', '不超过', '大于', '小于'])
    expect(ops('HOUSING_SAFE')).toEqual(['是', '否'])
    expect(ops('PENSION_INSURED')).toEqual(['是', '否'])
    expect(operatorsFor('')).toEqual([])
  })

  it('keeps household facts and member facts apart, and covers every fact of the contract', () => {
    const household = factOptions(false).map((o) => o.value)
    const member = factOptions(true).map((o) => o.value)
    expect(household).toContain('MONITORING_TYPE')
    expect(household).not.toContain('AGE')
    expect(member).toEqual(expect.arrayContaining(['AGE', 'GENDER', 'DISABILITY_GRADE', 'ASSISTANCE_STATUS', 'WORK_PLACE']))
    expect(member).not.toContain('CATEGORY')
    expect(household.length + member.length).toBe(Object.keys(FACTS).length)
    expect(FACTS.MONITORING_TYPE.options?.map((o) => o.label)).toEqual(['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'])
  })

  it('resets the operator and the values when the fact changes', () => {
    const row = factRow()
    chooseFact(row, 'CATEGORY')
    toggleValue(row, 'MONITORED')
    expect(row).toMatchObject({ op: 'IN', values: ['MONITORED'] })
    chooseFact(row, 'MEMBER_COUNT')
    expect(row).toMatchObject({ fact: 'MEMBER_COUNT', op: 'GE', values: [], number: '' })
    toggleValue(row, 'X')
    toggleValue(row, 'X')
    expect(row.values).toEqual([])
  })
})

describe('rows and the condition tree', () => {
  it('round-trips a tree of household rows and a 家中有成员 group', () => {
    const { rows, supported } = treeToRows(normalTree)
    expect(supported).toBe(true)
    expect(rows.map((r) => r.type)).toEqual(['fact', 'fact', 'fact', 'fact', 'member'])
    const back = rowsToTree(rows)
    expect(back.errors).toEqual({})
    expect(back.tree).toEqual(normalTree)
  })

  it('round-trips rows built in the editor', () => {
    const rows: ConditionRow[] = [
      factRow({ fact: 'MONITORING_TYPE', op: 'IN', values: ['SUDDEN_HARDSHIP'] }),
      factRow({ fact: 'MEMBER_COUNT', op: 'GT', number: '3' }),
      memberRow([factRow({ fact: 'SCHOOLING_STATUS', op: 'IN', values: ['PRIMARY', 'JUNIOR_HIGH'] })]),
    ]
    const { tree, errors } = rowsToTree(rows)
    expect(errors).toEqual({})
    expect(tree).toEqual({
      all: [
        { fact: 'MONITORING_TYPE', op: 'IN', values: ['SUDDEN_HARDSHIP'] },
        { fact: 'MEMBER_COUNT', op: 'GT', number: 3 },
        { member: { all: [{ fact: 'SCHOOLING_STATUS', op: 'IN', values: ['PRIMARY', 'JUNIOR_HIGH'] }] } },
      ],
    })
    expect(content(treeToRows(tree).rows)).toEqual(content(rows))
  })

  it('gives no tree for no rows, and no rows for no tree', () => {
    expect(rowsToTree([])).toEqual({ tree: undefined, errors: {} })
    expect(treeToRows(undefined)).toEqual({ rows: [], supported: true })
    expect(treeToRows({})).toEqual({ rows: [], supported: true })
  })

  it('reads a single condition or a single member condition as one row', () => {
    const single = treeToRows({ fact: 'WATER_SAFE', op: 'IS_FALSE' })
    expect(content(single.rows)).toEqual([{ type: 'fact', fact: 'WATER_SAFE', op: 'IS_FALSE', values: [], number: '' }])
    const member = treeToRows({ member: { fact: 'AGE', op: 'LT', number: 6 } })
    expect(member.rows[0]).toMatchObject({ type: 'member', rows: [{ fact: 'AGE', op: 'LT', number: '6' }] })
    expect(rowsToTree(member.rows).tree).toEqual({ all: [{ member: { all: [{ fact: 'AGE', op: 'LT', number: 6 }] } }] })
  })

  it('says when a tree uses what rows cannot show', () => {
    expect(treeToRows({ any: [{ fact: 'HOUSING_SAFE', op: 'IS_FALSE' }] }).supported).toBe(false)
    expect(treeToRows({ all: [{ not: { fact: 'HOUSING_SAFE', op: 'IS_TRUE' } }] }).supported).toBe(false)
    expect(treeToRows({ all: [{ all: [{ fact: 'HOUSING_SAFE', op: 'IS_TRUE' }] }] }).supported).toBe(false)
    expect(treeToRows({ all: [{ member: { any: [{ fact: 'AGE', op: 'GE', number: 60 }] } }] }).supported).toBe(false)
  })

  it('finds the problems of rows before asking the server', () => {
    const rows: ConditionRow[] = [
      factRow(),
      factRow({ fact: 'CATEGORY', op: 'IN', values: [] }),
      factRow({ fact: 'AGE', op: 'GE', number: '60' }),
      factRow({ fact: 'INCOME_PER_CAPITA', op: 'LE', number: '一万' }),
      memberRow([factRow({ fact: 'AGE', op: 'GE', number: '60.5' }), factRow({ fact: 'HOUSING_SAFE', op: 'IS_TRUE' })]),
      memberRow([]),
      factRow({ fact: 'REGION', op: 'IN', values: [] }),
      factRow({ fact: 'HOUSING_SAFE', op: 'GE' }),
    ]
    const { tree, errors } = rowsToTree(rows)
    expect(tree).toBeUndefined()
    expect(errors).toEqual({
      '0': '请选择条件',
      '1': '请至少选择一项',
      '2': '成员的情况请放在“家中有成员”里',
      '3': '请填写数字',
      '4.0': '请填写整数',
      '4.1': '家中成员条件只能选成员的情况',
      '5': '请为家中成员添加至少一项条件',
      '6': '请选择区划',
      '7': '请选择比较方式',
    })
  })

  it('places the server’s problems on rows', () => {
    expect(rowAddressOf('conditions.all[1].values')).toBe('1')
    expect(rowAddressOf('createPolicy.body.conditions.all[3].member.all[0].number')).toBe('3.0')
    expect(rowAddressOf('conditions')).toBe('')
    expect(rowAddressOf('conditions.any')).toBe('')
    expect(rowAddressOf('title')).toBeNull()
    expect(rowAddressOf('preconditions')).toBeNull()
    expect(
      problemsByRow([
        { field: 'conditions.all[0].number', message: '人均纯收入须为正数' },
        { field: 'conditions.all[0].op', message: '比较方式不适用' },
        { field: 'conditions', message: '最多 50 项' },
        { field: 'title', message: '必填' },
      ]),
    ).toEqual({ '0': '人均纯收入须为正数；比较方式不适用', '': '最多 50 项' })
  })
})

describe('the full text', () => {
  it('turns lines into paragraphs, escaped, and back', () => {
    const typed = '一、补助对象\n\n  二、补助标准：每人每年 <2000> 元 & 以上'
    const html = paragraphsToHtml(typed)
    expect(html).toBe('<p>一、补助对象</p><p>二、补助标准：每人每年 &lt;2000&gt; 元 &amp; 以上</p>')
    expect(htmlToParagraphs(html)).toBe('一、补助对象\n二、补助标准：每人每年 <2000> 元 & 以上')
    expect(htmlToParagraphs('<p>第一段<br>第二行</p><div><b>第三段</b></div>')).toBe('第一段\n第二行\n第三段')
    expect(paragraphsToHtml('  \n ')).toBe('')
  })
})
