import { describe, expect, it, vi } from 'vitest'
import { useAccountForm, useAccountList } from '@/composables/useAccounts'
import { setTokens } from '@/stores/session'
import { path, problem, requests, serve } from './fake-uni'

const created = {
  id: 77,
  name: '测试信息员',
  phone: '139****0001',
  regionCode: '410225101201',
  regionName: '任庄村',
  level: 5,
  role: 'INFO_OFFICER',
  status: 'ACTIVE',
  createdAt: '2026-01-01T00:00:00Z',
}

function fill(form: ReturnType<typeof useAccountForm>, phone = '13900000001') {
  Object.assign(form.fields, { name: '测试信息员', phone, regionCode: '410225101201', role: 'INFO_OFFICER', position: '' })
}

describe('account form', () => {
  it('reuses the Idempotency-Key when a lost answer is retried', async () => {
    setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
    let calls = 0
    serve(() => (++calls === 1 ? 'network-error' : { statusCode: 201, data: created }))
    const onCreated = vi.fn()
    const form = useAccountForm(onCreated)
    fill(form)
    expect(await form.submit()).toEqual(created)
    const posts = requests.filter((r) => path(r) === '/api/accounts')
    expect(posts).toHaveLength(2)
    const key = posts[0].header['Idempotency-Key']
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    expect(posts[1].header['Idempotency-Key']).toBe(key)
    expect(posts[0].data).toEqual({ name: '测试信息员', phone: '13900000001', regionCode: '410225101201', role: 'INFO_OFFICER' })
    expect(onCreated).toHaveBeenCalledWith(created)
    expect(form.fields.name).toBe('')
  })

  it('keeps the key for an identical resubmission and changes it when the content changes', async () => {
    setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
    serve(() => problem(503, '服务暂时不可用'))
    const form = useAccountForm(() => {})
    fill(form)
    await form.submit()
    await form.submit()
    fill(form, '13900000002')
    await form.submit()
    const keys = requests.map((r) => r.header['Idempotency-Key'])
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[0])
    expect(form.error.value).toBe('服务暂时不可用')
  })

  it('puts the server field errors under the fields', async () => {
    setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
    serve(() => problem(400, '请求参数有误', '请检查填写的内容', [{ field: 'phone', message: '手机号格式不正确' }]))
    const form = useAccountForm(() => {})
    fill(form, '12345')
    expect(await form.submit()).toBeNull()
    expect(form.errors.value).toEqual({ phone: '手机号格式不正确' })
    expect(form.error.value).toBe('')
  })

  it('asks for a role before calling the server', async () => {
    const form = useAccountForm(() => {})
    fill(form)
    form.fields.role = ''
    expect(await form.submit()).toBeNull()
    expect(form.errors.value.role).toBe('请选择角色')
    expect(requests).toHaveLength(0)
  })
})

describe('account list', () => {
  it('pages with the nextAfter cursor', async () => {
    setTokens({ accessToken: 'A', refreshToken: 'R', tokenType: 'Bearer', expiresIn: 900 })
    serve((req) =>
      req.url.includes('after=5')
        ? { statusCode: 200, data: { items: [{ ...created, id: 6 }], nextAfter: null } }
        : { statusCode: 200, data: { items: [{ ...created, id: 5 }], nextAfter: 5 } },
    )
    const list = useAccountList()
    await list.reload()
    expect(list.nextAfter.value).toBe(5)
    await list.loadMore()
    expect(list.items.value.map((a) => a.id)).toEqual([5, 6])
    expect(list.nextAfter.value).toBeNull()
    expect(requests[1].url).toBe('/api/accounts?after=5&limit=20')
  })
})
