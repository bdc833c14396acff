import { computed, reactive, ref } from 'vue'
import { casesApi } from '@/api/endpoints'
import { errorMessage, formErrors, isConflict } from '@/api/errors'
import type { Case, CaseDecision, MonitoringType, Objection, StageDecisionRequest, VillageReviewRequest } from '@/api/types'
import { noticeReadiness } from '@/utils/cases'
import { MONITORING_TYPE_OPTIONS, todayInBeijing } from '@/utils/household'
import type { GeoLocation } from '@/utils/platform'
import { useCaseSubmit, useLoadedCase } from './useCases'
import { withPhotos, type PhotoSource } from './usePhotoUpload'

/** Every decision of the chain carries the version read; a 409 means someone else acted first. */
export const CASE_TAKEN = '案件已被他人办理，请刷新'
export const NOT_LOADED = '案件尚未加载，请稍后再试'

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())
const MAX_REASON = 500

export interface DecisionOption {
  value: CaseDecision
  label: string
}

/**
 * The case a chain form acts on, read for its version, and the sender of the form's decision to it: both
 * every chain form shows the same way. `reload` reads the case again after a conflict and drops its message.
 */
function useCaseDecision<B>(send: (caseId: number, body: B) => Promise<Case>, fields: readonly string[], onDone: (c: Case) => void) {
  const loaded = useLoadedCase()
  let caseId = 0
  const sender = useCaseSubmit<B>({
    send: (body) => send(caseId, body),
    fields,
    alreadyOpen: CASE_TAKEN,
    conflict: CASE_TAKEN,
    onCreated: onDone,
  })
  const shown = {
    item: loaded.item,
    loading: loaded.loading,
    loadError: loaded.loadError,
    load: (id: number) => {
      caseId = id
      return loaded.load(id)
    },
    reload: () => {
      sender.error.value = ''
      sender.conflicted.value = false
      if (caseId > 0) loaded.load(caseId)
    },
    errors: sender.errors,
    error: sender.error,
    conflicted: sender.conflicted,
    submitting: sender.submitting,
  }
  return { loaded, sender, shown }
}

// ---- village review (村民主评议) ----

export const VILLAGE_DECISION_OPTIONS: DecisionOption[] = [
  { value: 'PASS', label: '通过' },
  { value: 'REJECT', label: '不通过' },
  { value: 'RETURN', label: '退回重新核实' },
]

export interface VillageReviewFields {
  meetingDate: string
  participants: string
  decision: CaseDecision | ''
  opinion: string
  /** Optional: where the meeting was held. */
  location: GeoLocation | null
}

/** Fields of VillageReviewRequest the form shows errors under. */
export const VILLAGE_REVIEW_FIELDS = ['meetingDate', 'participants', 'decision', 'opinion', 'photoIds'] as const

/** The VillageReviewRequest for the case as read, or the problems found before asking the server. */
export function newVillageReviewBody(
  fields: VillageReviewFields,
  version: number | null | undefined,
  today: string = todayInBeijing(),
): { body: VillageReviewRequest | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const meetingDate = text(fields.meetingDate)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meetingDate)) errors.meetingDate = '请选择评议会议日期'
  else if (meetingDate > today) errors.meetingDate = '评议会议日期不能晚于今天'
  const rawCount = text(fields.participants)
  const participants = Number(rawCount)
  if (!rawCount) errors.participants = '请填写参会人数'
  else if (!/^\d+$/.test(rawCount) || participants < 1 || participants > 1000) errors.participants = '参会人数应为 1 至 1000 的整数'
  const decision = VILLAGE_DECISION_OPTIONS.find((o) => o.value === fields.decision)?.value
  if (!decision) errors.decision = '请选择评议结果'
  const opinion = text(fields.opinion)
  if (!opinion) errors.opinion = decision && decision !== 'PASS' ? '请写明不通过或退回的理由' : '请填写评议意见'
  else if (opinion.length > MAX_REASON) errors.opinion = '评议意见最长 500 个字'
  if (typeof version !== 'number') errors.version = NOT_LOADED
  if (Object.keys(errors).length || !decision || typeof version !== 'number') return { body: null, errors }
  const body: VillageReviewRequest = { version, meetingDate, participants, decision, opinion }
  if (fields.location) {
    body.latitude = fields.location.latitude
    body.longitude = fields.location.longitude
  }
  return { body, errors }
}

/**
 * The village cadre's record of the democratic review: meeting date (today unless told), participants,
 * decision, opinion, optional photos and, when the phone allows it, the position.
 */
export function useVillageReviewForm(onReviewed: (c: Case) => void, locate: () => Promise<GeoLocation>, photos?: PhotoSource) {
  const { loaded, sender, shown } = useCaseDecision(casesApi.villageReview, VILLAGE_REVIEW_FIELDS, onReviewed)
  const fields = reactive<VillageReviewFields>({ meetingDate: todayInBeijing(), participants: '', decision: '', opinion: '', location: null })
  const locating = ref(false)
  const locationNote = ref('')

  /** The position is optional: a refusal only leaves a note. */
  async function locateNow() {
    if (locating.value) return
    locating.value = true
    locationNote.value = ''
    try {
      fields.location = await locate()
    } catch (e) {
      locationNote.value = `${e instanceof Error ? e.message : String(e)}（可不记录位置）`
    } finally {
      locating.value = false
    }
  }

  return {
    ...shown,
    fields,
    locating,
    locationNote,
    locate: locateNow,
    setDecision: (decision: CaseDecision) => {
      fields.decision = decision
      const { decision: _, ...rest } = sender.errors.value
      sender.errors.value = rest
    },
    submit: () =>
      sender.submit(() => {
        const built = withPhotos(newVillageReviewBody(fields, loaded.item.value?.version), photos)
        if (built.errors.version) sender.error.value = built.errors.version
        return built
      }),
  }
}

// ---- township review and county approval ----

export type DecisionStage = 'TOWNSHIP_REVIEW' | 'COUNTY_APPROVAL'

/** The page parameter `stage=township|county`. */
export function decisionStageFromParam(param: string | null | undefined): DecisionStage | null {
  if (param === 'township' || param === 'TOWNSHIP_REVIEW') return 'TOWNSHIP_REVIEW'
  if (param === 'county' || param === 'COUNTY_APPROVAL') return 'COUNTY_APPROVAL'
  return null
}

export const DECISION_STAGE_TITLES: Record<DecisionStage, string> = {
  TOWNSHIP_REVIEW: '乡镇审核',
  COUNTY_APPROVAL: '县级审定',
}

export const STAGE_DECISION_OPTIONS: Record<DecisionStage, DecisionOption[]> = {
  TOWNSHIP_REVIEW: [
    { value: 'PASS', label: '通过' },
    { value: 'REJECT', label: '不通过' },
    { value: 'RETURN', label: '退回村评议' },
  ],
  COUNTY_APPROVAL: [
    { value: 'PASS', label: '通过' },
    { value: 'REJECT', label: '不通过' },
    { value: 'RETURN', label: '退回乡镇审核' },
  ],
}

export interface StageDecisionFields {
  decision: CaseDecision | ''
  reason: string
  monitoringType: MonitoringType | ''
}

export const STAGE_DECISION_FIELDS = ['decision', 'reason', 'monitoringType'] as const

export const NEED_REASON = '选择不通过或退回时，请填写理由'
export const NEED_MONITORING_TYPE = '县级审定通过时，请选择监测类型'

/** Whether the form asks for the monitoring type: the county's PASS makes the household a monitored one. */
export function needsMonitoringType(stage: DecisionStage | null, decision: CaseDecision | ''): boolean {
  return stage === 'COUNTY_APPROVAL' && decision === 'PASS'
}

/** The StageDecisionRequest, or the problems found before asking the server. */
export function newStageDecisionBody(
  fields: StageDecisionFields,
  stage: DecisionStage | null,
  version: number | null | undefined,
): { body: StageDecisionRequest | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const options = stage ? STAGE_DECISION_OPTIONS[stage] : []
  const decision = options.find((o) => o.value === fields.decision)?.value
  if (!stage) errors.stage = '未知的办理环节，请从案件详情进入'
  if (!decision) errors.decision = stage === 'COUNTY_APPROVAL' ? '请选择审定结论' : '请选择审核结论'
  const reason = text(fields.reason)
  if (decision && decision !== 'PASS' && !reason) errors.reason = NEED_REASON
  else if (reason.length > MAX_REASON) errors.reason = '理由最长 500 个字'
  const monitoringType = MONITORING_TYPE_OPTIONS.find((o) => o.value === fields.monitoringType)?.value
  const needType = needsMonitoringType(stage, decision ?? '')
  if (needType && !monitoringType) errors.monitoringType = NEED_MONITORING_TYPE
  if (typeof version !== 'number') errors.version = NOT_LOADED
  if (Object.keys(errors).length || !decision || typeof version !== 'number') return { body: null, errors }
  const body: StageDecisionRequest = { version, decision }
  if (reason) body.reason = reason
  if (needType && monitoringType) body.monitoringType = monitoringType
  return { body, errors }
}

/** The township's review or the county's approval of a case, one decision with the version read. */
export function useStageDecisionForm(stage: () => DecisionStage | null, onDecided: (c: Case) => void) {
  const { loaded, sender, shown } = useCaseDecision<StageDecisionRequest>(
    (caseId, body) => (stage() === 'COUNTY_APPROVAL' ? casesApi.countyApproval(caseId, body) : casesApi.townshipReview(caseId, body)),
    STAGE_DECISION_FIELDS,
    onDecided,
  )
  const fields = reactive<StageDecisionFields>({ decision: '', reason: '', monitoringType: '' })
  const drop = (key: string) => {
    const { [key]: _, ...rest } = sender.errors.value
    sender.errors.value = rest
  }

  return {
    ...shown,
    fields,
    options: computed(() => {
      const s = stage()
      return s ? STAGE_DECISION_OPTIONS[s] : []
    }),
    needsType: computed(() => needsMonitoringType(stage(), fields.decision)),
    reasonRequired: computed(() => fields.decision === 'REJECT' || fields.decision === 'RETURN'),
    setDecision: (decision: CaseDecision) => {
      fields.decision = decision
      drop('decision')
      if (decision === 'PASS') drop('reason')
      else drop('monitoringType')
    },
    setMonitoringType: (type: MonitoringType) => {
      fields.monitoringType = type
      drop('monitoringType')
    },
    submit: () =>
      sender.submit(() => {
        const built = newStageDecisionBody(fields, stage(), loaded.item.value?.version)
        const top = built.errors.stage || built.errors.version
        if (top) sender.error.value = top
        return built
      }),
  }
}

// ---- public notice: closing it, objections ----

/** 提交乡镇审核 once the notice is over and every objection answered (the version read goes along). */
export function useCloseNotice(onClosed: (c: Case) => void) {
  const busy = ref(false)
  const error = ref('')
  const conflicted = ref(false)

  async function close(c: Case | null | undefined): Promise<Case | null> {
    if (busy.value || !c) return null
    error.value = ''
    conflicted.value = false
    if (typeof c.version !== 'number') {
      error.value = NOT_LOADED
      return null
    }
    const readiness = noticeReadiness(c)
    if (!readiness.ready) {
      error.value = readiness.reason
      return null
    }
    busy.value = true
    try {
      const closed = await casesApi.closeNotice(c.id, c.version)
      onClosed(closed)
      return closed
    } catch (e) {
      if (isConflict(e)) {
        conflicted.value = true
        error.value = CASE_TAKEN
      } else {
        error.value = errorMessage(e)
      }
      return null
    } finally {
      busy.value = false
    }
  }

  return { busy, error, conflicted, close }
}

export const ANSWER_TAKEN = '该异议已被他人答复或案件已被他人办理，请刷新'

/** The objections to a case's public notice, and the village cadre's answer to one at a time. */
export function useObjections() {
  const items = ref<Objection[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')
  /** The objection being answered. */
  const activeId = ref<number | null>(null)
  const answer = ref('')
  const answerError = ref('')
  const submitError = ref('')
  const conflicted = ref(false)
  const busy = ref(false)
  let caseId = 0

  const open = computed(() => items.value.filter((o) => o.open).length)

  async function load(id: number = caseId) {
    caseId = id
    loading.value = true
    error.value = ''
    try {
      items.value = await casesApi.objections(id)
      loaded.value = true
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  function start(objectionId: number | null) {
    activeId.value = objectionId
    answer.value = ''
    answerError.value = ''
    submitError.value = ''
    conflicted.value = false
  }

  /** Sends the answer; the objection is shown as answered. */
  async function submit(): Promise<Objection | null> {
    if (busy.value || activeId.value === null) return null
    submitError.value = ''
    conflicted.value = false
    const words = text(answer.value)
    answerError.value = !words ? '请填写答复内容' : words.length > MAX_REASON ? '答复最长 500 个字' : ''
    if (answerError.value) return null
    busy.value = true
    try {
      const answered = await casesApi.answerObjection(caseId, activeId.value, words)
      items.value = items.value.map((o) => (o.id === answered.id ? answered : o))
      start(null)
      return answered
    } catch (e) {
      if (isConflict(e)) {
        conflicted.value = true
        submitError.value = ANSWER_TAKEN
      } else {
        const mapped = formErrors(e, ['answer'])
        answerError.value = mapped.fields.answer ?? ''
        submitError.value = mapped.message
      }
      return null
    } finally {
      busy.value = false
    }
  }

  return { items, open, loading, loaded, error, load, activeId, answer, answerError, submitError, conflicted, busy, start, submit }
}
