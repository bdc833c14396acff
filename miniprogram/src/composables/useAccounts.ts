import { reactive, ref } from 'vue'
import { accountsApi } from '@/api/endpoints'
import { errorMessage, fieldErrors } from '@/api/errors'
import type { Account, NewAccount, Role } from '@/api/types'
import { PAGE_SIZE, usePagedList } from './usePagedList'
import { sendRetryingOnce, useIdempotencyKey } from './useSubmit'

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
  const keys = useIdempotencyKey()

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

  function reset() {
    fields.name = ''
    fields.phone = ''
    fields.regionCode = ''
    fields.role = ''
    fields.position = ''
    keys.renew()
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
    const key = keys.keyFor(JSON.stringify(payload))
    submitting.value = true
    try {
      const created = await sendRetryingOnce(() => accountsApi.create(payload, key))
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

  return { fields, errors, error, submitting, submit, reset, currentKey: keys.current }
}
