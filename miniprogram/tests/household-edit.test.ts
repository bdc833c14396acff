import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import EditPage from '@/pages/households/edit.vue'
import type { Household } from '@/api/types'
import {
  CONFLICT_MESSAGE,
  NOTHING_CHANGED,
  buildChange,
  editFieldsOf,
  newMemberBody,
  useHouseholdEdit,
  useMemberActions,
} from '@/composables/useHouseholdEdit'
import { takeHouseholdChanged } from '@/stores/householdChanges'
import { setTokens } from '@/stores/session'
import { setPlatformForTesting } from '@/utils/platform'
import { fakeUni, path, problem, requests, serve, type FakeRequest, type FakeResponse } from './fake-uni'

vi.mock('@dcloudio/uni-app', async () => {
  const { onMounted } = await import('vue')
  return {
    onShow: (fn: () => void) => onMounted(fn),
    onLoad: (fn: (query: Record<string, string>) => void) => onMounted(() => fn({ id: '42' })),
    onLaunch: () => {},
  }
})

const monitored = (): Household => ({
  id: 42,
  householdNo: '410225101201000001',
  regionCode: '410225101201',
  regionName: '任庄村',
  address: '任庄村3组12号',
  category: 'MONITORED',
  monitoringType: 'MARGINAL',
  riskTypes: ['ILLNESS', 'EDUCATION'],
  monitoringStart: '2026-03-01',
  riskEliminated: false,
  housingSafe: true,
  waterSafe: true,
  bankAccount: '6228********1234',
  members: [
    { id: 5, name: '韩立春', idNumber: '410225********5170', gender: 'MALE', birthDate: '1978-03-12', age: 48, relation: 'HEAD' },
    { id: 6, name: '韩小梅', idNumber: '410225********0021', gender: 'FEMALE', birthDate: '2001-05-02', age: 25, relation: 'DAUGHTER' },
  ],
  incomes: [],
  version: 3,
})

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 5))
  }
}

function login() {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
}

/** The household at version 3; POST …/update answers through `onPatch`. */
function serveHousehold(onPatch: (req: FakeRequest) => FakeResponse) {
  let current = monitored()
  serve((req) => {
    if (path(req) === '/api/households/42' && req.method === 'GET') return { statusCode: 200, data: current }
    if (path(req) === '/api/households/42/update' && req.method === 'POST') {
      const res = onPatch(req)
      if (res.statusCode === 200) current = res.data as Household
      return res
    }
    return problem(404, '未找到')
  })
  return { bump: (changes: Partial<Household>) => (current = { ...current, ...changes }) }
}

describe('household change (diff and checks)', () => {
  it('sends only the changed fields with the version read and the reason', () => {
    const h = monitored()
    const fields = editFieldsOf(h)
    fields.address = ' 任庄村4组1号 '
    fields.riskTypes = ['EDUCATION', 'ILLNESS', 'WATER']
    fields.waterSafe = false
    const draft = buildChange(h, fields, ' 入户核实 ')
    expect(draft.errors).toEqual({})
    expect(draft.change).toEqual({
      version: 3,
      reason: '入户核实',
      address: '任庄村4组1号',
      riskTypes: ['ILLNESS', 'EDUCATION', 'WATER'],
      waterSafe: false,
    })
  })

  it('treats the same risk types in another order as unchanged and says nothing changed', () => {
    const h = monitored()
    const fields = editFieldsOf(h)
    fields.riskTypes = ['EDUCATION', 'ILLNESS']
    const draft = buildChange(h, fields, '核实')
    expect(draft.change).toBeNull()
    expect(draft.message).toBe(NOTHING_CHANGED)
  })

  it('asks for a reason and refuses what the contract cannot express', () => {
    const h = monitored()
    const fields = editFieldsOf(h)
    fields.address = ''
    fields.category = 'LIFTED'
    fields.bankAccount = '12345'
    fields.liftedYear = '2023'
    const draft = buildChange(h, fields, '  ')
    expect(draft.change).toBeNull()
    expect(draft.errors).toEqual({
      reason: '请填写修改原因',
      address: '暂不支持清空，如需更正请填写新内容',
      category: '已登记监测类型的农户暂不能在此改为其他类别',
      bankAccount: '银行账号应为 12 到 25 位数字',
      liftedYear: '脱贫年度应在 2013 到 2020 年之间',
    })
  })

  it('requires a monitoring type and a risk type when a household becomes monitored', () => {
    const h: Household = { ...monitored(), category: 'GENERAL', monitoringType: undefined, riskTypes: [], monitoringStart: null }
    const fields = editFieldsOf(h)
    fields.category = 'MONITORED'
    expect(buildChange(h, fields, '纳入监测').errors).toEqual({
      monitoringType: '监测对象须选择监测类型',
      riskTypes: '监测对象须选择至少一种风险类型',
    })
    fields.monitoringType = 'SUDDEN_HARDSHIP'
    fields.riskTypes = ['DISASTER']
    fields.monitoringStart = '2026-07-01'
    expect(buildChange(h, fields, '纳入监测').change).toEqual({
      version: 3,
      reason: '纳入监测',
      category: 'MONITORED',
      monitoringType: 'SUDDEN_HARDSHIP',
      riskTypes: ['DISASTER'],
      monitoringStart: '2026-07-01',
    })
  })
})

describe('household edit form', () => {
  it('saves with POST …/update and marks the household for the detail page to reload', async () => {
    login()
    serveHousehold((req) => ({ statusCode: 200, data: { ...monitored(), address: (req.data as { address: string }).address, version: 4 } }))
    const edit = useHouseholdEdit()
    await edit.load(42)
    edit.fields.address = '任庄村5组8号'
    edit.reason.value = '入户核实后更正'
    const saved = await edit.submit()
    expect(saved?.version).toBe(4)
    const patch = requests.find((r) => r.method === 'POST')!
    expect(patch.data).toEqual({ version: 3, reason: '入户核实后更正', address: '任庄村5组8号' })
    expect(edit.reason.value).toBe('')
    expect(edit.fields.address).toBe('任庄村5组8号')
    expect(takeHouseholdChanged(42)).toBe(true)
    expect(takeHouseholdChanged(42)).toBe(false)
  })

  it('on 409 says the household changed meanwhile, blocks saving and reloads the latest version', async () => {
    login()
    const server = serveHousehold(() => problem(409, '与现有数据冲突', '该农户信息已被他人修改，请刷新后重试'))
    const edit = useHouseholdEdit()
    await edit.load(42)
    edit.fields.address = '任庄村5组8号'
    edit.reason.value = '更正住址'
    expect(await edit.submit()).toBeNull()
    expect(edit.conflict.value).toBe(true)
    expect(edit.error.value).toBe(CONFLICT_MESSAGE)
    expect(edit.error.value).toContain('重新加载')

    const patches = () => requests.filter((r) => r.method === 'POST').length
    await edit.submit()
    expect(patches()).toBe(1)

    server.bump({ address: '任庄村6组2号', version: 9 })
    await edit.reload()
    expect(edit.conflict.value).toBe(false)
    expect(edit.household.value?.version).toBe(9)
    expect(edit.fields.address).toBe('任庄村6组2号')
  })

  it('puts the problem errors[] under the fields and the rest in the notice', async () => {
    login()
    serveHousehold(() =>
      problem(400, '请求参数有误', '地址最长 100 个字', [
        { field: 'update.body.address', message: '地址最长 100 个字' },
        { field: 'version', message: '没有需要修改的内容' },
      ]),
    )
    const edit = useHouseholdEdit()
    await edit.load(42)
    edit.fields.address = '新地址'
    edit.reason.value = '更正'
    await edit.submit()
    expect(edit.errors.value.address).toBe('地址最长 100 个字')
    // `version` has no place on the form: the general message shows.
    expect(edit.error.value).toBe('地址最长 100 个字')
  })

  it('sends the change by POST on every platform, the mini-program included', async () => {
    login()
    serveHousehold((req) => ({ statusCode: 200, data: { ...monitored(), address: (req.data as { address: string }).address, version: 4 } }))
    setPlatformForTesting('mp-weixin')
    const edit = useHouseholdEdit()
    await edit.load(42)
    edit.fields.address = '新地址'
    edit.reason.value = '更正'
    expect((await edit.submit())?.address).toBe('新地址')
    expect(requests.filter((r) => r.method === 'POST' && path(r) === '/api/households/42/update')).toHaveLength(1)
  })

  it('edit page shows field errors next to the fields and the conflict with a reload button', async () => {
    login()
    let answer: FakeResponse = problem(400, '请求参数有误', '地址最长 100 个字', [{ field: 'update.body.address', message: '地址最长 100 个字' }])
    serveHousehold(() => answer)
    const wrapper = mount(EditPage)
    await settle()
    expect(wrapper.text()).toContain('编辑 韩立春户')
    await wrapper.find('.edit-address').setValue('新地址')
    await wrapper.find('.btn-save').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--reason').text()).toBe('请填写修改原因')
    expect(requests.some((r) => r.method === 'POST')).toBe(false)

    await wrapper.find('.edit-reason').setValue('入户核实')
    await wrapper.find('.btn-save').trigger('tap')
    await settle()
    expect(wrapper.find('.field-error--address').text()).toBe('地址最长 100 个字')

    answer = problem(409, '与现有数据冲突', '该农户信息已被他人修改，请刷新后重试')
    await wrapper.find('.btn-save').trigger('tap')
    await settle()
    expect(wrapper.find('.conflict').text()).toContain('已被他人修改')
    const gets = requests.filter((r) => r.method === 'GET').length
    await wrapper.find('.btn-reload').trigger('tap')
    await settle()
    expect(requests.filter((r) => r.method === 'GET').length).toBe(gets + 1)
    expect(wrapper.find('.conflict').exists()).toBe(false)
  })
})

describe('member actions', () => {
  it('checks a new member before sending and keeps the head unique', () => {
    const empty = { name: '', idNumber: '', relation: '', phone: '', health: '', disabilityGrade: '', laborAbility: '' }
    expect(newMemberBody(empty).errors).toEqual({ name: '请填写姓名', idNumber: '请填写身份证号码', relation: '请选择与户主关系' })
    expect(newMemberBody({ ...empty, name: '李四', idNumber: '41022519820304002x', relation: 'HEAD' }).errors).toEqual({
      relation: '一户只能有一位户主',
    })
    expect(newMemberBody({ ...empty, name: '李四', idNumber: '41022519820304002x', relation: 'SPOUSE', health: 'DISABLED' }).errors).toEqual({
      disabilityGrade: '残疾人请填写残疾等级',
    })
    expect(
      newMemberBody({ ...empty, name: ' 李四 ', idNumber: '41022519820304002x', relation: 'SPOUSE', phone: '13900000001', health: 'DISABLED', disabilityGrade: '2' })
        .body,
    ).toEqual({ name: '李四', idNumber: '41022519820304002X', relation: 'SPOUSE', phone: '13900000001', health: 'DISABLED', disabilityGrade: 2 })
  })

  it('adds a member and shows the server field error under the ID number', async () => {
    login()
    let taken = true
    serve((req) => {
      if (path(req) === '/api/households/42/members') {
        if (taken)
          return {
            statusCode: 409,
            data: { type: 't', title: '与现有数据冲突', status: 409, detail: '该身份证号已登记在其他农户中', errors: [{ field: 'idNumber', message: '该身份证号已登记在其他农户中' }] },
          }
        return { statusCode: 200, data: { ...monitored(), version: 4 } }
      }
      return problem(404, '未找到')
    })
    const household = { value: monitored() as Household | null }
    const onChanged = vi.fn()
    const actions = useMemberActions(household, onChanged)
    Object.assign(actions.addFields, { name: '李四', idNumber: '410225198203040021', relation: 'SPOUSE' })
    expect(await actions.add()).toBeNull()
    expect(actions.addErrors.value).toEqual({ idNumber: '该身份证号已登记在其他农户中' })
    expect(actions.addError.value).toBe('')
    taken = false
    expect(await actions.add()).not.toBeNull()
    expect(onChanged).toHaveBeenCalledTimes(1)
    expect(actions.addFields.name).toBe('')
  })

  it('removes a member with the reason given', async () => {
    login()
    serve((req) =>
      path(req) === '/api/households/42/members/6/remove' ? { statusCode: 200, data: { ...monitored(), members: [monitored().members[0]] } } : problem(404, '未找到'),
    )
    const household = { value: monitored() as Household | null }
    const actions = useMemberActions(household, () => {})
    const updated = await actions.remove(monitored().members[1], ' 户籍迁出 ')
    expect(requests[0].data).toEqual({ reason: '户籍迁出' })
    expect(updated.members).toHaveLength(1)
  })

  it('moves a member to the household found by its number, by id as the contract wants', async () => {
    login()
    const target = { id: 77, householdNo: '410225101201000077', regionCode: '410225101201', regionName: '任庄村', headName: '王五', category: 'GENERAL', riskTypes: [], memberCount: 2 }
    serve((req) => {
      if (path(req) === '/api/households') return { statusCode: 200, data: { items: req.url.includes('000077') ? [target] : [], nextAfter: null } }
      if (path(req) === '/api/households/42/members/6/move') return { statusCode: 200, data: monitored() }
      return problem(404, '未找到')
    })
    const household = { value: monitored() as Household | null }
    const actions = useMemberActions(household, () => {})
    actions.startMove(monitored().members[1])
    expect(await actions.findMoveTarget()).toBeNull()
    expect(actions.moveErrors.value).toEqual({
      householdNo: '请输入迁入农户的 18 位户编号',
      relation: '请选择在新户中与户主的关系',
      reason: '请填写迁出原因',
    })
    Object.assign(actions.moveFields, { householdNo: '410225101201000099', relation: 'DAUGHTER_IN_LAW', reason: '婚嫁' })
    expect(await actions.findMoveTarget()).toBeNull()
    expect(actions.moveErrors.value.householdNo).toBe('在您管辖的范围内没有找到这个户编号')
    actions.moveFields.householdNo = '410225101201000077'
    const found = await actions.findMoveTarget()
    expect(found?.id).toBe(77)
    await actions.move(found!)
    const move = requests.find((r) => path(r).endsWith('/move'))!
    expect(move.data).toEqual({ toHouseholdId: 77, relation: 'DAUGHTER_IN_LAW', reason: '婚嫁' })
    expect(actions.moving.value).toBeNull()
    expect(takeHouseholdChanged(77)).toBe(true)
    expect(fakeUni.showToast).not.toHaveBeenCalled()
  })
})

describe('household registration', () => {
  it('builds the new household with its head and puts the head problems under the head fields', async () => {
    const { newHouseholdBody, useHouseholdCreate } = await import('@/composables/useHouseholdCreate')
    const base = {
      regionCode: '410225101201',
      address: '',
      category: 'MONITORED' as const,
      liftedYear: '',
      monitoringType: '' as const,
      riskTypes: [],
      monitoringStart: '',
      housingSafe: null,
      waterSafe: null,
      headName: '',
      headIdNumber: '',
      headPhone: '',
    }
    expect(newHouseholdBody(base).errors).toEqual({
      headName: '请填写姓名',
      headIdNumber: '请填写身份证号码',
      monitoringType: '监测对象须选择监测类型',
      riskTypes: '监测对象须选择至少一种风险类型',
    })

    login()
    serve(() =>
      problem(409, '与现有数据冲突', '该身份证号已登记在其他农户中', [{ field: 'head.idNumber', message: '该身份证号已登记在其他农户中' }]),
    )
    const form = useHouseholdCreate(() => {})
    Object.assign(form.fields, { ...base, monitoringType: 'MARGINAL', riskTypes: ['WATER', 'ILLNESS'], headName: '韩立春', headIdNumber: '41022519780312517x' })
    expect(await form.submit()).toBeNull()
    expect(requests[0].data).toEqual({
      regionCode: '410225101201',
      category: 'MONITORED',
      monitoringType: 'MARGINAL',
      riskTypes: ['ILLNESS', 'WATER'],
      head: { name: '韩立春', idNumber: '41022519780312517X', relation: 'HEAD' },
    })
    expect(requests[0].header['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(form.errors.value).toEqual({ headIdNumber: '该身份证号已登记在其他农户中' })
    expect(form.error.value).toBe('')
  })
})

describe('detail page edit entry', () => {
  async function renderDetail(role: string) {
    login()
    serve((req) => {
      if (path(req) === '/api/me') return { statusCode: 200, data: { id: 1, name: '测试', role, level: 3, regionCode: '410225000000', regionPath: [] } }
      if (path(req) === '/api/households/42') return { statusCode: 200, data: monitored() }
      if (path(req).startsWith('/api/households/42/')) return { statusCode: 200, data: [] }
      return problem(404, '未找到')
    })
    const { default: DetailPage } = await import('@/pages/households/detail.vue')
    const wrapper = mount(DetailPage)
    await settle()
    return wrapper
  }

  it('offers 编辑 to a registry editor and opens the edit page', async () => {
    const wrapper = await renderDetail('COUNTY_CADRE')
    await wrapper.find('.btn-edit').trigger('tap')
    expect(fakeUni.navigateTo).toHaveBeenCalledWith({ url: '/pages/households/edit?id=42' })
  })

  it('offers no 编辑 to a province cadre, who only reads', async () => {
    const wrapper = await renderDetail('PROVINCE_CADRE')
    expect(wrapper.text()).toContain('任庄村3组12号')
    expect(wrapper.find('.btn-edit').exists()).toBe(false)
  })
})
