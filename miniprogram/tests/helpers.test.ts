import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Helper, HelperPairing } from '@/api/types'
import {
  ALREADY_PAIRED,
  CHOOSE_HELPER_FIRST,
  endPairingBody,
  newHelperBody,
  newPairingBody,
  useHouseholdHelpers,
  useNewHelperForm,
  usePairingForm,
} from '@/composables/useHelpers'
import { takeHouseholdChanged } from '@/stores/householdChanges'
import { setTokens } from '@/stores/session'
import { describeEvent, pairingPeriod, todayInBeijing } from '@/utils/household'
import { setPlatformForTesting } from '@/utils/platform'
import { fakeUni, page, path, problem, requests, serve, settle, type FakeRequest, type FakeResponse } from './fake-uni'

vi.mock('@dcloudio/uni-app', () => import('./fake-uni').then((m) => m.fakeUniApp))

const helper = (over: Partial<Helper> = {}): Helper => ({
  id: 7,
  name: '刘建设',
  unit: '兰考县农业农村局',
  position: '科员',
  phone: '139****0007',
  regionCode: '410225000000',
  regionName: '兰考县',
  ...over,
})

const pairing = (over: Partial<HelperPairing> = {}): HelperPairing => ({
  id: 31,
  householdId: 42,
  helper: helper(),
  startDate: '2026-03-01',
  endDate: null,
  current: true,
  ...over,
})

function login() {
  setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
}

describe('helper labels', () => {
  it('dates a pairing by its start while it lasts and by both ends once ended', () => {
    expect(pairingPeriod(pairing())).toBe('2026-03-01 起')
    expect(pairingPeriod(pairing({ current: false, endDate: '2026-11-20' }))).toBe('2026-03-01—2026-11-20')
  })

  it('tells pairing events apart in the household timeline', () => {
    const paired = describeEvent({
      id: 1,
      type: 'HELPER_PAIRED',
      actorRole: 'VILLAGE_CADRE',
      reason: '新纳入监测',
      at: '2026-11-23T02:00:00Z',
      changes: [
        { field: 'helper', from: null, to: '刘建设（兰考县农业农村局）' },
        { field: 'startDate', from: null, to: '2026-11-23' },
      ],
    })
    expect(paired.title).toBe('结对帮扶责任人')
    expect(paired.changes).toEqual(['帮扶责任人：刘建设（兰考县农业农村局）', '开始日期：2026-11-23'])
    const ended = describeEvent({
      id: 2,
      type: 'HELPER_ENDED',
      actorRole: 'VILLAGE_CADRE',
      reason: '工作调动',
      at: '2026-11-23T02:00:00Z',
      changes: [
        { field: 'helper', from: '刘建设（兰考县农业农村局）', to: null },
        { field: 'endDate', from: null, to: '2026-11-23' },
      ],
    })
    expect(ended.title).toBe('结束帮扶结对')
    expect(ended.changes).toEqual(['帮扶责任人：刘建设（兰考县农业农村局）（结对结束）', '结束日期：2026-11-23'])
  })

  it("takes today's date in Beijing, not on the device's clock", () => {
    // 2026-11-23 20:30 UTC is already the 24th in Beijing.
    expect(todayInBeijing(Date.parse('2026-11-23T20:30:00Z'))).toBe('2026-11-24')
    expect(todayInBeijing(Date.parse('2026-11-23T10:00:00Z'))).toBe('2026-11-23')
  })
})

describe('pairing form checks', () => {
  const today = '2026-11-23'

  it('sends the helper, the trimmed reason and leaves the start date to the server when blank', () => {
    expect(newPairingBody(helper(), { startDate: '', reason: ' 新纳入监测 ' }, today)).toEqual({
      body: { helperId: 7, reason: '新纳入监测' },
      errors: {},
    })
    expect(newPairingBody(helper(), { startDate: '2026-11-01', reason: '调整' }, today).body).toEqual({
      helperId: 7,
      startDate: '2026-11-01',
      reason: '调整',
    })
  })

  it('asks for a helper, a reason and a start date not after today', () => {
    const draft = newPairingBody(null, { startDate: '2026-11-24', reason: '  ' }, today)
    expect(draft.body).toBeNull()
    expect(draft.errors).toEqual({ helperId: CHOOSE_HELPER_FIRST, startDate: '日期不能晚于今天', reason: '请填写结对原因' })
    expect(newPairingBody(helper(), { startDate: '2026/11/01', reason: '调整' }, today).errors).toEqual({
      startDate: '日期格式应为 2026-03-01',
    })
    expect(newPairingBody(helper(), { startDate: '', reason: '长'.repeat(201) }, today).errors).toEqual({ reason: '原因最长 200 个字' })
  })

  it('keeps the end date between the start and today, and asks for the reason', () => {
    const p = pairing()
    expect(endPairingBody(p, { endDate: '', reason: ' 工作调动 ' }, today)).toEqual({ body: { reason: '工作调动' }, errors: {} })
    expect(endPairingBody(p, { endDate: '2026-02-28', reason: '工作调动' }, today).errors).toEqual({
      endDate: '结束日期不能早于开始日期 2026-03-01',
    })
    expect(endPairingBody(p, { endDate: '2026-11-24', reason: '' }, today).errors).toEqual({
      endDate: '日期不能晚于今天',
      reason: '请填写结束结对的原因',
    })
    expect(endPairingBody(p, { endDate: '2026-03-01', reason: '调整' }, today).body).toEqual({ endDate: '2026-03-01', reason: '调整' })
  })

  it('checks a new helper: name, unit, an 11-digit mobile number, a 12-digit region; position optional', () => {
    const ok = newHelperBody({ name: ' 刘建设 ', unit: '兰考县农业农村局', position: '', phone: '13900000007', regionCode: '410225101201' })
    expect(ok).toEqual({
      body: { name: '刘建设', unit: '兰考县农业农村局', phone: '13900000007', regionCode: '410225101201' },
      errors: {},
    })
    const bad = newHelperBody({ name: '', unit: '', position: '职'.repeat(31), phone: '1234', regionCode: '4102' })
    expect(bad.body).toBeNull()
    expect(Object.keys(bad.errors).sort()).toEqual(['name', 'phone', 'position', 'regionCode', 'unit'])
    expect(bad.errors.phone).toBe('手机号应为 11 位中国大陆手机号')
  })
})

describe('new helper form', () => {
  const created = helper({ id: 99, name: '孟凡', phone: '138****0099', regionCode: '410225101201', regionName: '任庄村' })

  function fill(form: ReturnType<typeof useNewHelperForm>, phone = '13800000099') {
    form.fields.name = '孟凡'
    form.fields.unit = '兰考县教育局'
    form.fields.position = '副科长'
    form.fields.phone = phone
    form.fields.regionCode = '410225101201'
  }

  it('reuses the Idempotency-Key when a lost answer is retried, and starts a new one after success', async () => {
    login()
    let calls = 0
    serve((req) => {
      if (path(req) === '/api/helpers') return ++calls === 1 ? 'network-error' : { statusCode: 201, data: created }
      return { statusCode: 200, data: { code: '410225101201', name: '任庄村', level: 5 } }
    })
    const onCreated = vi.fn()
    const form = useNewHelperForm(onCreated)
    fill(form)
    expect(await form.submit()).toEqual(created)
    const posts = requests.filter((r) => path(r) === '/api/helpers')
    expect(posts).toHaveLength(2)
    const key = posts[0].header['Idempotency-Key']
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    expect(posts[1].header['Idempotency-Key']).toBe(key)
    expect(posts[0].data).toEqual({
      name: '孟凡',
      unit: '兰考县教育局',
      position: '副科长',
      phone: '13800000099',
      regionCode: '410225101201',
    })
    expect(onCreated).toHaveBeenCalledWith(created)
    expect(form.fields.name).toBe('')
    // The region stays for the next helper of the same village.
    expect(form.fields.regionCode).toBe('410225101201')

    fill(form)
    await form.submit()
    const third = requests.filter((r) => path(r) === '/api/helpers')[2]
    expect(third.header['Idempotency-Key']).not.toBe(key)
  })

  it('keeps the key while the content is the same and changes it with the content', async () => {
    login()
    serve((req) => (path(req) === '/api/helpers' ? problem(503, '服务暂时不可用') : problem(404, '未找到')))
    const form = useNewHelperForm(() => {})
    fill(form)
    await form.submit()
    await form.submit()
    fill(form, '13800000098')
    await form.submit()
    const keys = requests.filter((r) => path(r) === '/api/helpers').map((r) => r.header['Idempotency-Key'])
    expect(keys).toHaveLength(3)
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[0])
    expect(form.error.value).toBe('服务暂时不可用')
  })

  it('puts server field errors under the fields by the last segment of their path', async () => {
    login()
    serve((req) =>
      path(req) === '/api/helpers'
        ? problem(403, '超出管辖范围', '只能在本人管辖区划内登记', [{ field: 'createHelper.body.regionCode', message: '不在您的管辖范围内' }])
        : problem(404, '未找到'),
    )
    const form = useNewHelperForm(() => {})
    fill(form)
    expect(await form.submit()).toBeNull()
    expect(form.errors.value).toEqual({ regionCode: '不在您的管辖范围内' })
    expect(form.error.value).toBe('')
  })

  it("shows the server's message when an error has no field on the form", async () => {
    login()
    serve(() => problem(409, '冲突', '该手机号已登记为帮扶责任人'))
    const form = useNewHelperForm(() => {})
    fill(form)
    expect(await form.submit()).toBeNull()
    expect(form.error.value).toBe('该手机号已登记为帮扶责任人')
  })

  it('checks the form before calling the server', async () => {
    const form = useNewHelperForm(() => {})
    form.fields.phone = '1380000'
    expect(await form.submit()).toBeNull()
    expect(requests.filter((r) => path(r) === '/api/helpers')).toHaveLength(0)
    expect(form.errors.value.phone).toBe('手机号应为 11 位中国大陆手机号')
    expect(form.errors.value.name).toBe('请填写姓名')
  })

  it('names the region typed in', async () => {
    login()
    serve((req) =>
      path(req) === '/api/regions/410225101202'
        ? { statusCode: 200, data: { code: '410225101202', name: '张庄村', level: 5 } }
        : problem(404, '未找到'),
    )
    const form = useNewHelperForm(() => {})
    form.setRegion('410225101201', '任庄村')
    expect(form.regionName.value).toBe('任庄村')
    form.fields.regionCode = '410225101202'
    await settle()
    expect(form.regionName.value).toBe('张庄村')
    form.fields.regionCode = '410225101201'
    await settle()
    expect(form.regionName.value).toBe('任庄村')
    expect(requests.filter((r) => path(r).startsWith('/api/regions/'))).toHaveLength(1)
  })
})

describe('pairing a helper', () => {
  function servePair(answer: (req: FakeRequest) => FakeResponse) {
    login()
    serve((req) => (path(req) === '/api/households/42/helpers' && req.method === 'POST' ? answer(req) : problem(404, '未找到')))
  }

  it('sends the pairing and marks the household changed for the detail page', async () => {
    servePair(() => ({ statusCode: 201, data: pairing() }))
    const onPaired = vi.fn()
    const form = usePairingForm(() => 42, onPaired)
    form.choose(helper())
    form.fields.reason = '新纳入监测，落实帮扶'
    expect(await form.submit()).toEqual(pairing())
    expect(requests[0].data).toEqual({ helperId: 7, reason: '新纳入监测，落实帮扶' })
    expect(onPaired).toHaveBeenCalledWith(pairing())
    expect(takeHouseholdChanged(42)).toBe(true)
  })

  it('says clearly when the helper already helps this household (409)', async () => {
    servePair(() => problem(409, 'Conflict', 'helper 7 already paired with household 42'))
    const onPaired = vi.fn()
    const form = usePairingForm(() => 42, onPaired)
    form.choose(helper())
    form.fields.reason = '重复'
    expect(await form.submit()).toBeNull()
    expect(form.error.value).toBe(ALREADY_PAIRED)
    expect(onPaired).not.toHaveBeenCalled()
    expect(takeHouseholdChanged(42)).toBe(false)
  })

  it('maps the server field errors (startDate, reason) under the fields', async () => {
    servePair(() =>
      problem(400, '请求参数有误', '请检查填写的内容', [
        { field: 'pairHelper.body.startDate', message: '开始日期不能晚于今天' },
        { field: 'body.reason', message: '原因不能为空' },
      ]),
    )
    const form = usePairingForm(() => 42, () => {})
    form.choose(helper())
    form.fields.startDate = '2026-01-05'
    form.fields.reason = '调整'
    expect(await form.submit()).toBeNull()
    expect(form.errors.value).toEqual({ startDate: '开始日期不能晚于今天', reason: '原因不能为空' })
    expect(form.error.value).toBe('')
  })

  it('asks for a helper before calling the server', async () => {
    servePair(() => ({ statusCode: 201, data: pairing() }))
    const form = usePairingForm(() => 42, () => {})
    form.fields.reason = '新纳入监测'
    expect(await form.submit()).toBeNull()
    expect(form.errors.value.helperId).toBe(CHOOSE_HELPER_FIRST)
    expect(requests).toHaveLength(0)
  })
})

describe('contacting a helper', () => {
  function serveHelpers(phone: () => FakeResponse) {
    login()
    serve((req) => {
      if (path(req) === '/api/households/42/helpers') return { statusCode: 200, data: [pairing()] }
      if (path(req) === '/api/households/42/helpers/31/phone' && req.method === 'POST') return phone()
      return problem(404, '未找到')
    })
  }

  it('shows the full number in a browser without dialing', async () => {
    serveHelpers(() => ({ statusCode: 200, data: { field: 'PHONE', value: '13900000007' } }))
    const helpers = useHouseholdHelpers()
    await helpers.load(42)
    expect(await helpers.contact(helpers.current.value[0])).toBe('13900000007')
    expect(helpers.phones[31]).toBe('13900000007')
    expect(fakeUni.makePhoneCall).not.toHaveBeenCalled()
    expect(requests.filter((r) => path(r).endsWith('/phone'))).toHaveLength(1)
  })

  it('opens the dialer in the mini-program', async () => {
    setPlatformForTesting('mp-weixin')
    serveHelpers(() => ({ statusCode: 200, data: { field: 'PHONE', value: '13900000007' } }))
    const helpers = useHouseholdHelpers()
    await helpers.load(42)
    await helpers.contact(helpers.current.value[0])
    expect(fakeUni.makePhoneCall).toHaveBeenCalledTimes(1)
    expect(fakeUni.makePhoneCall.mock.calls[0][0]).toMatchObject({ phoneNumber: '13900000007' })
  })

  it('asks the server again on every contact, so each one is on record', async () => {
    serveHelpers(() => ({ statusCode: 200, data: { field: 'PHONE', value: '13900000007' } }))
    const helpers = useHouseholdHelpers()
    await helpers.load(42)
    await helpers.contact(helpers.current.value[0])
    await helpers.contact(helpers.current.value[0])
    expect(requests.filter((r) => path(r).endsWith('/phone'))).toHaveLength(2)
  })

  it("shows the server's refusal", async () => {
    setPlatformForTesting('mp-weixin')
    serveHelpers(() => problem(403, '无权访问', '只能联系本户的帮扶责任人'))
    const helpers = useHouseholdHelpers()
    await helpers.load(42)
    expect(await helpers.contact(helpers.current.value[0])).toBeNull()
    expect(helpers.contactError.value).toBe('只能联系本户的帮扶责任人')
    expect(fakeUni.makePhoneCall).not.toHaveBeenCalled()
  })
})

describe('pairing page', () => {
  const VILLAGE = { code: '410225101201', name: '任庄村', level: 5, parentCode: '410225101000' }
  const newcomer = helper({ id: 99, name: '孟凡', unit: '兰考县教育局', position: '副科长', phone: '138****0099', regionCode: '410225101201', regionName: '任庄村' })

  function render(pairAnswer: (req: FakeRequest) => FakeResponse = () => ({ statusCode: 201, data: pairing({ helper: newcomer }) }), role = 'VILLAGE_CADRE') {
    login()
    page.query = { id: '42', region: '410225101201' }
    serve((req) => {
      const p = path(req)
      if (p === '/api/me') return { statusCode: 200, data: { id: 5, name: '李德福', role, level: 5, regionCode: '410225101201' } }
      if (p === '/api/regions/410225101201') return { statusCode: 200, data: VILLAGE }
      if (p === '/api/helpers' && req.method === 'GET') return { statusCode: 200, data: { items: [helper()], nextAfter: null } }
      if (p === '/api/helpers' && req.method === 'POST') return { statusCode: 201, data: newcomer }
      if (p === '/api/households/42/helpers' && req.method === 'POST') return pairAnswer(req)
      return problem(404, '未找到')
    })
    return import('@/pages/households/helpers.vue').then(({ default: PairingPage }) => mount(PairingPage))
  }

  it('registers a helper in the household village and pairs him, then goes back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'], shouldAdvanceTime: true })
    try {
      const wrapper = await render()
      await settle()
      expect(wrapper.findAll('.helper-option').map((w) => w.find('.helper-option__name').text())).toEqual(['刘建设'])
      expect(wrapper.find('.banner__sub').text()).toBe('任庄村')
      // Reading the household again would be logged as a visit: the village comes with the link.
      expect(requests.some((r) => path(r) === '/api/households/42')).toBe(false)

      await wrapper.find('.btn-new-helper').trigger('tap')
      expect((wrapper.find('.new-region').element as HTMLInputElement).value).toBe('410225101201')
      expect(wrapper.find('.new-region-name').text()).toBe('任庄村')
      await wrapper.find('.new-name').setValue('孟凡')
      await wrapper.find('.new-unit').setValue('兰考县教育局')
      await wrapper.find('.new-position').setValue('副科长')
      await wrapper.find('.new-phone').setValue('13800000099')
      await wrapper.find('.btn-create-helper').trigger('tap')
      await settle()
      expect(requests.find((r) => path(r) === '/api/helpers' && r.method === 'POST')?.data).toEqual({
        name: '孟凡',
        unit: '兰考县教育局',
        position: '副科长',
        phone: '13800000099',
        regionCode: '410225101201',
      })
      expect(wrapper.find('.chosen__name').text()).toBe('孟凡')
      expect(wrapper.find('.new-name').exists()).toBe(false)

      await wrapper.find('.btn-confirm-pair').trigger('tap')
      await settle()
      expect(wrapper.find('.field-error--reason').text()).toBe('请填写结对原因')
      await wrapper.find('.pair-reason').setValue('新纳入监测，落实帮扶责任人')
      await wrapper.find('.btn-confirm-pair').trigger('tap')
      await settle()
      expect(requests.find((r) => path(r) === '/api/households/42/helpers' && r.method === 'POST')?.data).toEqual({
        helperId: 99,
        reason: '新纳入监测，落实帮扶责任人',
      })
      vi.advanceTimersByTime(700)
      expect(fakeUni.navigateBack).toHaveBeenCalledWith({ delta: 1 })
      expect(takeHouseholdChanged(42)).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })

  it('picks an existing helper and shows the 409 message under the form', async () => {
    const wrapper = await render(() => problem(409, 'Conflict', 'already paired'))
    await settle()
    await wrapper.find('.helper-option').trigger('tap')
    expect(wrapper.find('.chosen__name').text()).toBe('刘建设')
    await wrapper.find('.pair-reason').setValue('调整帮扶')
    await wrapper.find('.btn-confirm-pair').trigger('tap')
    await settle()
    expect(wrapper.find('.error-notice').text()).toBe(ALREADY_PAIRED)
    expect(fakeUni.navigateBack).not.toHaveBeenCalled()
    expect(takeHouseholdChanged(42)).toBe(false)
  })

  it('searches helpers by name or unit', async () => {
    const wrapper = await render()
    await settle()
    await wrapper.find('.helper-q').setValue(' 兰考县 ')
    await wrapper.find('.btn-helper-search').trigger('tap')
    await settle()
    const lists = requests.filter((r) => path(r) === '/api/helpers' && r.method === 'GET')
    expect(lists).toHaveLength(2)
    expect(lists[1].url).toContain(`q=${encodeURIComponent('兰考县')}`)
    expect(lists[1].url).toContain('limit=20')
  })

  it('keeps the forms from cadres who do not keep the registry', async () => {
    const wrapper = await render(undefined, 'CITY_CADRE')
    await settle()
    expect(wrapper.find('.btn-confirm-pair').exists()).toBe(false)
    expect(wrapper.find('.error-notice').text()).toContain('只有负责农户信息维护的干部')
    expect(requests.some((r) => path(r) === '/api/helpers')).toBe(false)
  })
})
