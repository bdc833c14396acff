import type { ConditionOp, PolicyCondition, PolicyFact } from '@/api/types'
import { FACTS, OP_LABELS, type FactKind } from './labels'

/**
 * The conditions editor works on rows: a list of top-level rows that must all hold (全部满足), each a household
 * fact row or a 家中有成员 group of member fact rows. This module turns rows into the contract's condition tree
 * and back, checks rows before asking the server, and places the server's problems on rows.
 *
 * A row's address is its index (`2`), a member row's the group's index and its own (`2.0`). The tree puts row i
 * at `all[i]` and member row j of group i at `all[i].member.all[j]`.
 */

export interface FactRow {
  type: 'fact'
  /** Stable key for the list rendering. */
  key: number
  fact: PolicyFact | ''
  op: ConditionOp | ''
  /** Chosen values of a closed set, or the region code. */
  values: string[]
  /** The number as typed. */
  number: string
}

export interface MemberRow {
  type: 'member'
  key: number
  rows: FactRow[]
}

export type ConditionRow = FactRow | MemberRow

let nextKey = 1

export function factRow(over: Partial<Omit<FactRow, 'type' | 'key'>> = {}): FactRow {
  return { type: 'fact', key: nextKey++, fact: '', op: '', values: [], number: '', ...over }
}

export function memberRow(rows: FactRow[] = [factRow()]): MemberRow {
  return { type: 'member', key: nextKey++, rows }
}

const OPS_BY_KIND: Record<FactKind, ConditionOp[]> = {
  set: ['IN', 'NOT_IN'],
  region: ['IN', 'NOT_IN'],
  number: ['GE', 'LE', 'GT', 'LT'],
  boolean: ['IS_TRUE', 'IS_FALSE'],
}

/** The operators that fit a fact: 属于/不属于 for a closed set or a region, 不低于…小于 for a number, 是/否 for yes/no. */
export function operatorsFor(fact: PolicyFact | ''): { value: ConditionOp; label: string }[] {
  if (!fact) return []
  return OPS_BY_KIND[FACTS[fact].kind].map((op) => ({ value: op, label: OP_LABELS[op] }))
}

/** A row set to another fact: the first operator that fits, nothing chosen yet. */
export function chooseFact(row: FactRow, fact: PolicyFact): void {
  if (row.fact === fact) return
  row.fact = fact
  row.op = operatorsFor(fact)[0].value
  row.values = []
  row.number = ''
}

/** Adds or takes out one value of a closed set. */
export function toggleValue(row: FactRow, value: string): void {
  row.values = row.values.includes(value) ? row.values.filter((v) => v !== value) : [...row.values, value]
}

const NUMBER = /^-?\d+(\.\d+)?$/

function leafOf(row: FactRow, member: boolean, address: string, errors: Record<string, string>): PolicyCondition | null {
  if (!row.fact) {
    errors[address] = '请选择条件'
    return null
  }
  const info = FACTS[row.fact]
  if (info.member !== member) {
    errors[address] = member ? '家中成员条件只能选成员的情况' : '成员的情况请放在“家中有成员”里'
    return null
  }
  const op = operatorsFor(row.fact).find((o) => o.value === row.op)?.value
  if (!op) {
    errors[address] = '请选择比较方式'
    return null
  }
  switch (info.kind) {
    case 'boolean':
      return { fact: row.fact, op }
    case 'number': {
      const text = String(row.number ?? '').trim()
      if (!NUMBER.test(text)) {
        errors[address] = '请填写数字'
        return null
      }
      if (info.integer && !Number.isInteger(Number(text))) {
        errors[address] = '请填写整数'
        return null
      }
      return { fact: row.fact, op, number: Number(text) }
    }
    default: {
      const known = info.kind === 'region' ? row.values.filter((v) => /^[0-9]{12}$/.test(v)) : row.values.filter((v) => info.options?.some((o) => o.value === v))
      if (known.length === 0) {
        errors[address] = info.kind === 'region' ? '请选择区划' : '请至少选择一项'
        return null
      }
      return { fact: row.fact, op, values: known }
    }
  }
}

/**
 * The condition tree of the rows (`{ all: [...] }`; none for no rows), or the problems found by row address.
 * An empty 家中有成员 group is a problem under the group's address.
 */
export function rowsToTree(rows: readonly ConditionRow[]): { tree: PolicyCondition | undefined; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const all: PolicyCondition[] = []
  rows.forEach((row, i) => {
    if (row.type === 'member') {
      if (row.rows.length === 0) {
        errors[String(i)] = '请为家中成员添加至少一项条件'
        return
      }
      const inner = row.rows.map((r, j) => leafOf(r, true, `${i}.${j}`, errors))
      if (inner.every((c): c is PolicyCondition => c !== null)) all.push({ member: { all: inner } })
    } else {
      const leaf = leafOf(row, false, String(i), errors)
      if (leaf) all.push(leaf)
    }
  })
  if (Object.keys(errors).length) return { tree: undefined, errors }
  return { tree: all.length ? { all } : undefined, errors }
}

function isLeaf(c: PolicyCondition): boolean {
  return !!c.fact && !c.all && !c.any && !c.not && !c.member
}

function rowOfLeaf(c: PolicyCondition): FactRow {
  return factRow({
    fact: c.fact ?? '',
    op: c.op ?? '',
    values: [...(c.values ?? [])],
    number: c.number === undefined || c.number === null ? '' : String(c.number),
  })
}

/**
 * The rows of a condition tree. `supported` is false when the tree uses what rows cannot show (满足其一, 不满足,
 * nested groups): the editor then keeps the tree as it is unless the user sets the conditions anew.
 */
export function treeToRows(tree: PolicyCondition | null | undefined): { rows: ConditionRow[]; supported: boolean } {
  if (!tree || Object.keys(tree).length === 0) return { rows: [], supported: true }
  const top = tree.all ?? [tree]
  if (tree.all && (tree.any || tree.not || tree.member || tree.fact)) return { rows: [], supported: false }
  const rows: ConditionRow[] = []
  for (const c of top) {
    if (isLeaf(c)) {
      rows.push(rowOfLeaf(c))
    } else if (c.member && !c.all && !c.any && !c.not && !c.fact) {
      const inner = c.member.all ?? [c.member]
      if (c.member.all && (c.member.any || c.member.not || c.member.member || c.member.fact)) return { rows: [], supported: false }
      if (!inner.every(isLeaf)) return { rows: [], supported: false }
      rows.push(memberRow(inner.map(rowOfLeaf)))
    } else {
      return { rows: [], supported: false }
    }
  }
  return { rows, supported: true }
}

/**
 * Where a field problem of the server lies among the rows: `conditions.all[1].member.all[0].number` → `1.0`,
 * `body.conditions.all[2].values` → `2`; '' for the conditions as a whole; null when the field is not one of the
 * conditions.
 */
export function rowAddressOf(field: string): string | null {
  const at = field.search(/(^|\.)conditions(\.|\[|$)/)
  if (at < 0) return null
  const rest = field.slice(at).replace(/^\.?conditions/, '')
  const top = /^\.all\[(\d+)\](.*)$/.exec(rest)
  if (!top) return ''
  const inner = /^\.member\.all\[(\d+)\]/.exec(top[2])
  return inner ? `${top[1]}.${inner[1]}` : top[1]
}

/** The server's field problems on the conditions, by row address ('' for the conditions as a whole). */
export function problemsByRow(errors: readonly { field: string; message: string }[] | null | undefined): Record<string, string> {
  const placed: Record<string, string> = {}
  for (const e of errors ?? []) {
    const address = rowAddressOf(e.field)
    if (address === null) continue
    placed[address] = placed[address] ? `${placed[address]}；${e.message}` : e.message
  }
  return placed
}
