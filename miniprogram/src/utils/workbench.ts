import type { CaseStage, StageCount, WorkAction, WorkTodo } from '@/api/types'
import { caseStageLabel } from './cases'
import { riskTypesText } from './household'

export const WORK_ACTION_LABELS: Record<WorkAction, string> = {
  VISIT: '入户核实',
  VILLAGE_REVIEW: '村民主评议',
  CLOSE_NOTICE: '公示期满，提交乡镇审核',
  ANSWER_OBJECTION: '答复公示异议',
  TOWNSHIP_REVIEW: '乡镇审核',
  COUNTY_APPROVAL: '县级审定',
}

/** Why a to-do cannot be done yet (the server says `ready: false`). */
const WAITING_REASONS: Partial<Record<WorkAction, string>> = {
  CLOSE_NOTICE: '公示期未满或仍有异议未答复，暂不能提交乡镇审核',
}

export function workActionLabel(action: WorkAction | string | null | undefined): string {
  if (!action) return ''
  return WORK_ACTION_LABELS[action as WorkAction] ?? '办理案件'
}

/** A to-do that cannot be done now; `ready` missing means it can. */
export function isWaiting(todo: Pick<WorkTodo, 'ready'>): boolean {
  return todo.ready === false
}

/** '' when the to-do can be done now. */
export function waitingReason(todo: Pick<WorkTodo, 'ready' | 'action'>): string {
  if (!isWaiting(todo)) return ''
  return WAITING_REASONS[todo.action] ?? '暂不能办理，请稍后再看'
}

/** `截止 2026-11-30`, or '' without a due date. */
export function todoDueText(todo: Pick<WorkTodo, 'due'>): string {
  return todo.due ? `截止 ${todo.due}` : ''
}

/** `任庄村 · 赵大山 · 因病、因灾`. */
export function todoSubject(todo: Pick<WorkTodo, 'regionName' | 'regionCode' | 'name' | 'riskTypes'>): string {
  return [todo.regionName || todo.regionCode, todo.name, riskTypesText(todo.riskTypes)].filter(Boolean).join(' · ')
}

/**
 * Overdue first; then what can be done now before what waits; then the nearest due date (none last); then
 * the older case. The server sends them in this order too; sorting again keeps the page right whatever it sends.
 */
export function sortTodos(todos: readonly WorkTodo[]): WorkTodo[] {
  return [...todos].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(isWaiting(a)) - Number(isWaiting(b)) ||
      (a.due ?? '9999-99-99').localeCompare(b.due ?? '9999-99-99') ||
      a.caseId - b.caseId,
  )
}

/** The stages of an open case, in the order of the chain. */
export const OPEN_STAGES: CaseStage[] = ['VISIT', 'VILLAGE_REVIEW', 'PUBLIC_NOTICE', 'TOWNSHIP_REVIEW', 'COUNTY_APPROVAL']

export interface StageRow {
  stage: CaseStage
  label: string
  open: number
  overdue: number
}

/** One row per stage of the chain (zero when the server left it out), then any other stage it counted. */
export function stageRows(counts: readonly StageCount[]): StageRow[] {
  const byStage = new Map(counts.map((c) => [c.stage, c]))
  const stages = [...OPEN_STAGES, ...counts.map((c) => c.stage).filter((s) => !OPEN_STAGES.includes(s))]
  return stages.map((stage) => {
    const c = byStage.get(stage)
    return { stage, label: caseStageLabel(stage), open: c?.open ?? 0, overdue: c?.overdue ?? 0 }
  })
}
