import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import WorkbenchPage from '@/pages/workbench/index.vue'
import type { WorkTodo } from '@/api/types'
import { setTokens } from '@/stores/session'
import { isWaiting, sortTodos, stageRows, todoDueText, todoSubject, waitingReason, workActionLabel } from '@/utils/workbench'
import { fakeUni, path, problem, serve } from './fake-uni'

vi.mock('@dcloudio/uni-app', async () => {
  const { onMounted } = await import('vue')
  return { onShow: (fn: () => void) => onMounted(fn), onLoad: () => {}, onLaunch: () => {} }
})

const settle = async () => {
  for (let i = 0; i < 4; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
}

const todo = (over: Partial<WorkTodo> = {}): WorkTodo => ({
  caseId: 1,
  action: 'VISIT',
  stage: 'VISIT',
  regionCode: '410225101201',
  regionName: '任庄村',
  name: '赵大山',
  riskTypes: ['ILLNESS'],
  due: '2026-11-30',
  overdue: false,
  ready: true,
  ...over,
})

beforeEach(() => {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
})

describe('to-do labels and order', () => {
  it('names every action in Chinese and says why a to-do waits', () => {
    expect(workActionLabel('VISIT')).toBe('入户核实')
    expect(workActionLabel('VILLAGE_REVIEW')).toBe('村民主评议')
    expect(workActionLabel('CLOSE_NOTICE')).toBe('公示期满，提交乡镇审核')
    expect(workActionLabel('ANSWER_OBJECTION')).toBe('答复公示异议')
    expect(workActionLabel('TOWNSHIP_REVIEW')).toBe('乡镇审核')
    expect(workActionLabel('COUNTY_APPROVAL')).toBe('县级审定')
    expect(workActionLabel('SOMETHING_NEW')).toBe('办理案件')
    expect(waitingReason(todo({ action: 'CLOSE_NOTICE', ready: false }))).toContain('公示期未满')
    expect(waitingReason(todo({ action: 'VISIT', ready: false }))).toBe('暂不能办理，请稍后再看')
    expect(waitingReason(todo())).toBe('')
    expect(isWaiting(todo({ ready: undefined }))).toBe(false)
    expect(todoDueText(todo())).toBe('截止 2026-11-30')
    expect(todoDueText(todo({ due: null }))).toBe('')
    expect(todoSubject(todo({ riskTypes: ['ILLNESS', 'DISASTER'] }))).toBe('任庄村 · 赵大山 · 因病、因灾')
  })

  it('puts overdue first, then what can be done now, then by due date (none last)', () => {
    const sorted = sortTodos([
      todo({ caseId: 1, due: '2026-12-05' }),
      todo({ caseId: 2, due: null }),
      todo({ caseId: 3, due: '2026-12-01', ready: false, action: 'CLOSE_NOTICE' }),
      todo({ caseId: 4, due: '2026-11-20', overdue: true }),
      todo({ caseId: 5, due: '2026-12-02' }),
      todo({ caseId: 6, due: '2026-11-18', overdue: true }),
    ])
    expect(sorted.map((t) => t.caseId)).toEqual([6, 4, 5, 1, 2, 3])
  })

  it('counts every stage of the chain in order, zero where the server had none', () => {
    const rows = stageRows([
      { stage: 'COUNTY_APPROVAL', open: 2, overdue: 1 },
      { stage: 'VISIT', open: 5, overdue: 0 },
    ])
    expect(rows.map((r) => [r.label, r.open, r.overdue])).toEqual([
      ['待入户核实', 5, 0],
      ['待村评议', 0, 0],
      ['公示中', 0, 0],
      ['待乡审核', 0, 0],
      ['待县审定', 2, 1],
    ])
  })
})

describe('workbench page', () => {
  it('shows overdue to-dos first with a red badge, waiting ones greyed with the reason, and opens a case', async () => {
    serve((req) =>
      path(req) === '/api/workbench'
        ? {
            statusCode: 200,
            data: {
              todos: [
                todo({ caseId: 11, action: 'CLOSE_NOTICE', stage: 'PUBLIC_NOTICE', ready: false, due: '2026-12-01' }),
                todo({ caseId: 12, action: 'VILLAGE_REVIEW', stage: 'VILLAGE_REVIEW', overdue: true, due: '2026-11-20' }),
              ],
              counts: [{ stage: 'VILLAGE_REVIEW', open: 3, overdue: 1 }],
            },
          }
        : problem(404, '未找到'),
    )
    const wrapper = mount(WorkbenchPage)
    await settle()
    expect(wrapper.text()).toContain('我的待办（2）')
    const rows = wrapper.findAll('.todo')
    expect(rows[0].classes()).toContain('todo--overdue')
    expect(rows[0].find('.todo-overdue').text()).toBe('已超时')
    expect(rows[0].text()).toContain('村民主评议')
    expect(rows[0].text()).toContain('截止 2026-11-20')
    expect(rows[1].classes()).toContain('todo--waiting')
    expect(rows[1].find('.todo-overdue').exists()).toBe(false)
    expect(rows[1].find('.todo__wait').text()).toContain('公示期未满')
    expect(wrapper.find('.todo-overdue-count').text()).toContain('1 件已超时')
    expect(wrapper.find('.stage-count--VILLAGE_REVIEW').text()).toContain('3')
    expect(wrapper.find('.stage-count--VILLAGE_REVIEW .stage-count__over--some').text()).toBe('超时 1')
    await rows[0].trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/cases/detail?id=12' })
  })

  it('says so when there is nothing to do, and shows a refusal', async () => {
    serve(() => ({ statusCode: 200, data: { todos: [], counts: [] } }))
    const empty = mount(WorkbenchPage)
    await settle()
    expect(empty.find('.todos-empty').exists()).toBe(true)
    empty.unmount()
    serve(() => problem(403, '无权操作', '只有参与识别认定的干部可以使用工作台'))
    const refused = mount(WorkbenchPage)
    await settle()
    expect(refused.find('.error-notice').text()).toBe('只有参与识别认定的干部可以使用工作台')
  })
})
