import { reactive, ref } from 'vue'
import { ApiError } from '@/api/client'
import { accountsApi } from '@/api/endpoints'
import { errorMessage, fieldErrors } from '@/api/errors'
import type { Account, NewAccount, Role } from '@/api/types'
import { uuidv4 } from '@/utils/uuid'
import { PAGE_SIZE, usePagedList } from './usePagedList'

/** Paged account list with a cursor (`nextAfter`). */
export function useAccountList() {
  const { items, nextAfter, loading, loaded, error, fetchPage } = usePagedList<Account>((after) =>
    accountsApi.list({ after, limit: PAGE_SIZE }),
  )

  function replace(account: Account) {
    const index = items.value.findIndex((a) => a.id === account.id)
    if (index >= 0) items.value.splice(index, 1, account)
    else items.value.unshift(account)
  }

  return {
    items,
    nextAfter,
    loading,
    error,
    loaded,
    reload: () => fetchPage(true),
    loadMore: () => fetchPage(false),
    replace,
  }
}

export interface AccountFormFields {
  name: string
  phone: string
  regionCode: string
  role: Role | ''
  position: string
}

/**
 * Account creation form. One Idempotency-Key per submission attempt: it is kept while the same
 * content is being retried (network failure, user taps again) and replaced when the content changes
 * or the account was created.
 */
export function useAccountForm(onCreated: (account: Account) => void) {
  const fields = reactive<AccountFormFields>({ name: '', phone: '', regionCode: '', role: '', position: '' })
  const errors = ref<Record<string, string>>({})
  const error = ref('')
  const submitting = ref(false)
  let pendingKey: string | null = null
  let pendingBody: string | null = null

  function body(): NewAccount {
    const value: NewAccount = {
      name: fields.name.trim(),
      phone: fields.phone.trim(),
      regionCode: fields.regionCode.trim(),
      role: fields.role as Role,
    }
    if (fields.position.trim()) value.position = fields.position.trim()
    return value
  }

  function keyFor(serialized: string): string {
    if (!pendingKey || pendingBody !== serialized) {
      pendingKey = uuidv4()
      pendingBody = serialized
    }
    return pendingKey
  }

  function reset() {
    fields.name = ''
    fields.phone = ''
    fields.regionCode = ''
    fields.role = ''
    fields.position = ''
    pendingKey = null
    pendingBody = null
  }

  async function submit(): Promise<Account | null> {
    if (submitting.value) return null
    errors.value = {}
    error.value = ''
    if (!fields.role) {
      errors.value = { role: '请选择角色' }
      return null
    }
    const payload = body()
    const key = keyFor(JSON.stringify(payload))
    submitting.value = true
    try {
      let created: Account
      try {
        created = await accountsApi.create(payload, key)
      } catch (e) {
        // A lost answer may hide a created account: the same key makes the retry safe.
        if (e instanceof ApiError && e.isNetworkError) created = await accountsApi.create(payload, key)
        else throw e
      }
      reset()
      onCreated(created)
      return created
    } catch (e) {
      errors.value = fieldErrors(e)
      const known = ['name', 'phone', 'regionCode', 'role', 'position']
      const unplaced = Object.keys(errors.value).filter((field) => !known.includes(field))
      error.value = Object.keys(errors.value).length === 0 || unplaced.length > 0 ? errorMessage(e) : ''
      return null
    } finally {
      submitting.value = false
    }
  }

  return { fields, errors, error, submitting, submit, reset, currentKey: () => pendingKey }
}
