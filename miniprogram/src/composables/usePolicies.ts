import { computed, reactive, ref, watch } from 'vue'
import { ApiError } from '@/api/client'
import { policiesApi, policyMatchesExportPath } from '@/api/endpoints'
import { errorMessage, isConflict } from '@/api/errors'
import type {
  NewPolicy,
  PoliciesForMe,
  Policy,
  PolicyCategory,
  PolicyCondition,
  PolicyExplanation,
  PolicyMatch,
  PolicyMatchPage,
  PolicyNotifyResult,
  PolicyReachStatus,
  PolicyStatus,
  PolicySummary,
  PolicyUpdate,
} from '@/api/types'
import { problemsByRow, rowAddressOf, rowsToTree, treeToRows, type ConditionRow } from '@/policy/conditions'
import { htmlToParagraphs, paragraphsToHtml } from '@/policy/body'
import { POLICY_CATEGORY_LABELS } from '@/policy/labels'
import { PAGE_SIZE, usePagedList } from './usePagedList'
import { checkedText, sendRetryingOnce, useIdempotencyKey, withLoading } from './useSubmit'
import { useWorkbookDownload } from './useWorkbookDownload'
import type { AttachmentSource } from './useAttachmentUpload'

// ---- lookup ----

/**
 * Policies page by page (offset and total): words to search, a category and, for cadres, a status. A change of
 * the filters while a page is being read is read again once that page is in.
 */
export function usePolicySearch(initial: { status?: PolicyStatus } = {}) {
  const q = ref('')
  const category = ref<PolicyCategory | ''>('')
  const status = ref<PolicyStatus | ''>(initial.status ?? '')
  const items = ref<PolicySummary[]>([])
  const total = ref(0)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')
  let stale = false

  async function fetchPage(reset: boolean) {
    if (loading.value) {
      if (reset) stale = true
      return
    }
    loading.value = true
    error.value = ''
    try {
      const page = await policiesApi.list({
        q: q.value.trim() || undefined,
        category: category.value || undefined,
        status: status.value || undefined,
        offset: reset ? 0 : items.value.length,
        limit: PAGE_SIZE,
      })
      items.value = reset ? page.items : [...items.value, ...page.items]
      total.value = page.total
      loaded.value = true
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
    if (stale) {
      stale = false
      await fetchPage(true)
    }
  }

  return {
    q,
    category,
    status,
    items,
    total,
    loading,
    loaded,
    error,
    more: computed(() => loaded.value && items.value.length < total.value),
    search: () => fetchPage(true),
    loadMore: () => fetchPage(false),
    /** Tapping the chosen category again shows every category. */
    setCategory: (next: PolicyCategory) => {
      category.value = category.value === next ? '' : next
      fetchPage(true)
    },
    setStatus: (next: PolicyStatus) => {
      status.value = next
      fetchPage(true)
    },
  }
}

/** 适合我的政策: the ones the household meets with a reason, and the nearly met ones with what is missing. */
export function usePoliciesForMe() {
  const data = ref<PoliciesForMe | null>(null)
  const loading = ref(false)
  const error = ref('')
  async function load() {
    const read = await withLoading(loading, error, policiesApi.forMe)
    if (read) data.value = read
  }
  return { data, loading, error, load }
}

/** One policy, and for a farmer the answer to 我符合吗？ */
export function usePolicyDetail() {
  const item = ref<Policy | null>(null)
  const loading = ref(false)
  const loadError = ref('')
  const explanation = ref<PolicyExplanation | null>(null)
  const explaining = ref(false)
  const explainError = ref('')

  async function load(id: number) {
    const read = await withLoading(loading, loadError, () => policiesApi.get(id))
    if (read) item.value = read
    return read ?? null
  }

  async function explain(householdId?: number) {
    if (!item.value || explaining.value) return
    const id = item.value.id
    const read = await withLoading(explaining, explainError, () => policiesApi.explain(id, householdId))
    if (read) explanation.value = read
  }

  return { item, loading, loadError, load, explanation, explaining, explainError, explain }
}

// ---- publishing ----

export interface PolicyFields {
  title: string
  docNo: string
  issuer: string
  category: PolicyCategory | ''
  effectiveFrom: string
  effectiveTo: string
  summary: string
  benefit: string
  /** The full text as typed, one paragraph a line. */
  body: string
  /** Why a published policy changes (required then). */
  reason: string
}

/** Form fields the page shows problems under (the conditions' problems go on their rows). */
export const POLICY_FIELDS = ['title', 'docNo', 'issuer', 'category', 'effectiveFrom', 'effectiveTo', 'summary', 'benefit', 'body', 'reason', 'attachmentIds'] as const

const emptyFields = (): PolicyFields => ({
  title: '',
  docNo: '',
  issuer: '',
  category: '',
  effectiveFrom: '',
  effectiveTo: '',
  summary: '',
  benefit: '',
  body: '',
  reason: '',
})

/** The body of a policy's form checked, without the conditions; null with the problems found. */
export function policyContent(fields: PolicyFields, errors: Record<string, string>, published: boolean) {
  const title = checkedText(fields.title, errors, 'title', { label: '标题', max: 100, missing: '请填写政策标题' })
  const docNo = checkedText(fields.docNo, errors, 'docNo', { label: '文号', max: 60 })
  const issuer = checkedText(fields.issuer, errors, 'issuer', { label: '发文机关', max: 60, missing: '请填写发文机关' })
  const category = fields.category && fields.category in POLICY_CATEGORY_LABELS ? fields.category : null
  if (!category) errors.category = '请选择政策类别'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.effectiveFrom)) errors.effectiveFrom = '请选择生效日期'
  const effectiveTo = fields.effectiveTo || ''
  if (effectiveTo && fields.effectiveFrom && effectiveTo < fields.effectiveFrom) errors.effectiveTo = '失效日期不能早于生效日期'
  const summary = checkedText(fields.summary, errors, 'summary', { label: '通俗说明', max: 500, missing: '请用农户听得懂的话说明这项政策' })
  const benefit = checkedText(fields.benefit, errors, 'benefit', { label: '享受内容', max: 200 })
  const body = paragraphsToHtml(fields.body)
  if (body.length > 50000) errors.body = '全文过长'
  const reason = checkedText(fields.reason, errors, 'reason', { label: '修改说明', max: 500, missing: published ? '已发布的政策修改时须说明原因' : undefined })
  if (Object.keys(errors).length || !category) return null
  return {
    title,
    docNo: docNo || undefined,
    issuer,
    category,
    effectiveFrom: fields.effectiveFrom,
    effectiveTo: effectiveTo || undefined,
    summary,
    benefit: benefit || undefined,
    body: body || undefined,
    reason: reason || undefined,
  }
}

/**
 * Drafting or changing a policy: the form, the conditions rows with a live Chinese preview (debounced, from
 * the server, its problems on the rows), 保存草稿 and 发布. A new draft is sent once per content with an
 * Idempotency-Key; a change or a publication carries the version read.
 */
export function usePolicyEdit(
  regionCode: () => string | null | undefined,
  options: { previewDelay?: number; attachments?: AttachmentSource } = {},
) {
  const fields = reactive<PolicyFields>(emptyFields())
  const rows = ref<ConditionRow[]>([])
  /** The saved conditions when the rows cannot show them (kept unless the user sets them anew). */
  const keptTree = ref<PolicyCondition | null>(null)
  const keptText = ref('')
  const policy = ref<Policy | null>(null)
  const errors = ref<Record<string, string>>({})
  /** Problems of the conditions by row address ('' for the conditions as a whole). */
  const rowErrors = ref<Record<string, string>>({})
  const error = ref('')
  const conflicted = ref(false)
  const saving = ref(false)
  const preview = ref('')
  const previewing = ref(false)
  /** Some row is not filled in yet: no preview until it is. */
  const incomplete = ref(false)
  const keys = useIdempotencyKey()
  let previewTimer: ReturnType<typeof setTimeout> | null = null
  let previewSeq = 0

  function fill(p: Policy) {
    policy.value = p
    Object.assign(fields, {
      title: p.title,
      docNo: p.docNo ?? '',
      issuer: p.issuer,
      category: p.category,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo ?? '',
      summary: p.summary,
      benefit: p.benefit ?? '',
      body: htmlToParagraphs(p.body),
      reason: '',
    })
    const read = treeToRows(p.conditions)
    rows.value = read.rows
    keptTree.value = read.supported ? null : (p.conditions ?? null)
    keptText.value = read.supported ? '' : (p.conditionsText ?? '')
    preview.value = p.conditionsText ?? ''
  }

  /** Drops the kept conditions the rows could not show: the user sets them anew. */
  function resetConditions() {
    keptTree.value = null
    keptText.value = ''
    rows.value = []
  }

  function conditionsTree(): { tree: PolicyCondition | undefined; ok: boolean } {
    if (keptTree.value) return { tree: keptTree.value, ok: true }
    const built = rowsToTree(rows.value)
    rowErrors.value = built.errors
    return { tree: built.tree, ok: Object.keys(built.errors).length === 0 }
  }

  /** Asks the server to check and say the conditions in Chinese; local problems first. */
  async function describeNow() {
    if (keptTree.value) return
    const built = rowsToTree(rows.value)
    const seq = ++previewSeq
    if (!built.tree) {
      incomplete.value = Object.keys(built.errors).length > 0
      preview.value = ''
      rowErrors.value = {}
      return
    }
    incomplete.value = Object.keys(built.errors).length > 0
    if (incomplete.value) return
    previewing.value = true
    try {
      const text = await policiesApi.describe(built.tree)
      if (seq !== previewSeq) return
      preview.value = text.text
      rowErrors.value = {}
    } catch (e) {
      if (seq !== previewSeq) return
      preview.value = ''
      const placed = e instanceof ApiError ? problemsByRow(e.problem.errors) : {}
      rowErrors.value = Object.keys(placed).length ? placed : { '': errorMessage(e) }
    } finally {
      if (seq === previewSeq) previewing.value = false
    }
  }

  // Every change of the rows: the preview follows once the user pauses.
  watch(
    rows,
    () => {
      if (previewTimer) clearTimeout(previewTimer)
      previewTimer = setTimeout(describeNow, options.previewDelay ?? 600)
    },
    { deep: true },
  )

  function showFailure(e: unknown) {
    if (isConflict(e)) {
      conflicted.value = true
      error.value = errorMessage(e)
      return
    }
    const problems = e instanceof ApiError ? e.problem.errors ?? [] : []
    const placed: Record<string, string> = {}
    let unplaced = false
    for (const p of problems) {
      if (rowAddressOf(p.field) !== null) continue
      const key = p.field.split('.').pop() ?? p.field
      if ((POLICY_FIELDS as readonly string[]).includes(key)) placed[key] = placed[key] ?? p.message
      else unplaced = true
    }
    errors.value = placed
    rowErrors.value = problemsByRow(problems)
    error.value = problems.length === 0 || unplaced ? errorMessage(e) : ''
  }

  /** Saves the form: a new draft or a change of the policy read. The saved policy, or null. */
  async function save(): Promise<Policy | null> {
    if (saving.value) return null
    error.value = ''
    conflicted.value = false
    const found: Record<string, string> = {}
    const published = policy.value?.status === 'PUBLISHED'
    const content = policyContent(fields, found, published)
    const conditions = conditionsTree()
    const attachments = options.attachments
    const wait = attachments?.blocker() ?? ''
    if (wait) found.attachmentIds = wait
    errors.value = found
    if (!content || !conditions.ok || wait) {
      error.value = '请按提示修改后再保存'
      return null
    }
    const { reason, ...rest } = content
    saving.value = true
    try {
      let saved: Policy
      if (policy.value) {
        const body: PolicyUpdate = {
          version: policy.value.version,
          ...rest,
          attachmentIds: attachments ? [...attachments.ids.value] : policy.value.attachmentIds,
          conditions: conditions.tree,
          reason,
        }
        saved = await policiesApi.update(policy.value.id, body)
      } else {
        const region = regionCode()
        if (!region) {
          error.value = '您的账号未绑定区划，不能起草政策'
          return null
        }
        const body: NewPolicy = { ...rest, regionCode: region, conditions: conditions.tree }
        if (attachments?.ids.value.length) body.attachmentIds = [...attachments.ids.value]
        const key = keys.keyFor(JSON.stringify(body))
        saved = await sendRetryingOnce(() => policiesApi.create(body, key))
        keys.renew()
      }
      fill(saved)
      attachments?.saved(saved.attachmentIds)
      errors.value = {}
      rowErrors.value = {}
      return saved
    } catch (e) {
      showFailure(e)
      return null
    } finally {
      saving.value = false
    }
  }

  /** Saves, then publishes with the version just saved. */
  async function publish(): Promise<Policy | null> {
    const saved = await save()
    if (!saved) return null
    saving.value = true
    try {
      const done = await policiesApi.publish(saved.id, saved.version)
      policy.value = done
      return done
    } catch (e) {
      showFailure(e)
      return null
    } finally {
      saving.value = false
    }
  }

  return {
    fields,
    rows,
    keptText,
    policy,
    errors,
    rowErrors,
    error,
    conflicted,
    saving,
    preview,
    previewing,
    incomplete,
    fill,
    resetConditions,
    describeNow,
    save,
    publish,
  }
}

/** The cadre withdraws a published policy with a reason (the list carries no version: the policy is read first). */
export async function withdrawPolicy(id: number, reason: string): Promise<Policy> {
  const current = await policiesApi.get(id)
  return policiesApi.withdraw(id, current.version, reason)
}

// ---- 政策找人 ----

export type ReachFilter = '' | 'RECEIVING' | 'NOT_REACHED'

/**
 * The eligible households of a policy in the cadre's region (or one below it), page by page, with the counts;
 * marking a household's progress, pushing to the ones not notified, and the Excel export.
 */
export function usePolicyMatches(policyId: () => number) {
  const region = ref('')
  const reach = ref<ReachFilter>('')
  const counts = ref<Pick<PolicyMatchPage, 'eligible' | 'receiving' | 'notReached'> | null>(null)
  const list = usePagedList<PolicyMatch, PolicyMatchPage>(
    (after) =>
      policiesApi.matches(policyId(), {
        region: region.value || undefined,
        reach: reach.value || undefined,
        after,
        limit: PAGE_SIZE,
      }),
    {
      onPage: (page) => {
        // The counts are of the whole region whatever the filter.
        counts.value = { eligible: page.eligible, receiving: page.receiving, notReached: page.notReached }
      },
    },
  )
  const load = list.reload

  const marking = ref<number | null>(null)
  const markError = ref('')
  async function mark(match: PolicyMatch, status: PolicyReachStatus) {
    if (marking.value !== null) return
    marking.value = match.householdId
    markError.value = ''
    try {
      const done = await policiesApi.reach(policyId(), match.householdId, { status })
      list.items.value = list.items.value.map((m) => (m.householdId === match.householdId ? { ...m, reach: done.status } : m))
    } catch (e) {
      markError.value = errorMessage(e)
    } finally {
      marking.value = null
    }
  }

  const notifyKeys = useIdempotencyKey()
  const notifying = ref(false)
  const notifyError = ref('')
  const notified = ref<PolicyNotifyResult | null>(null)
  async function notify() {
    if (notifying.value) return
    notifying.value = true
    notifyError.value = ''
    const target = region.value || undefined
    const key = notifyKeys.keyFor(JSON.stringify({ region: target }))
    try {
      notified.value = await sendRetryingOnce(() => policiesApi.notify(policyId(), target, key))
      notifyKeys.renew()
      load()
    } catch (e) {
      notifyError.value = errorMessage(e)
    } finally {
      notifying.value = false
    }
  }

  const workbook = useWorkbookDownload()

  return {
    region,
    reach,
    counts,
    items: list.items,
    nextAfter: list.nextAfter,
    loading: list.loading,
    loaded: list.loaded,
    error: list.error,
    load,
    loadMore: () => list.fetchPage(false),
    setReach: (next: ReachFilter) => {
      reach.value = next
      load()
    },
    setRegion: (code: string) => {
      if (region.value === code) return
      region.value = code
      notified.value = null
      load()
    },
    marking,
    markError,
    mark,
    notifying,
    notifyError,
    notified,
    notify,
    exporting: workbook.busy,
    exportError: workbook.error,
    exportExcel: (title: string) =>
      workbook.download(policyMatchesExportPath(policyId()), { region: region.value || undefined }, `政策找人-${title}.xlsx`),
  }
}

/** Asks for the reason of a withdrawal in a modal; null when the user backed out. */
export function askWithdrawReason(title: string): Promise<string | null> {
  return new Promise((resolve) => {
    uni.showModal({
      title: `撤回「${title.length > 12 ? `${title.slice(0, 12)}…` : title}」`,
      editable: true,
      placeholderText: '请填写撤回原因',
      confirmText: '撤回',
      cancelText: '取消',
      success: (res) => resolve(res.confirm ? (res.content ?? '').trim() : null),
      fail: () => resolve(null),
    })
  })
}

/** Asks, withdraws and says so; the withdrawn policy, or null (backed out or refused, the refusal shown). */
export async function withdrawWithReason(policy: { id: number; title: string }): Promise<Policy | null> {
  const reason = await askWithdrawReason(policy.title)
  if (reason === null) return null
  if (!reason) {
    uni.showToast({ title: '请填写撤回原因', icon: 'none' })
    return null
  }
  try {
    const done = await withdrawPolicy(policy.id, reason)
    uni.showToast({ title: '已撤回', icon: 'success' })
    return done
  } catch (e) {
    uni.showToast({ title: errorMessage(e), icon: 'none', duration: 3000 })
    return null
  }
}
