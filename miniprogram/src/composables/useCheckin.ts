import { ref } from 'vue'
import { ApiError } from '@/api/client'
import { checkinsApi } from '@/api/endpoints'
import { errorMessage, fieldErrors } from '@/api/errors'
import type { Checkin, CheckinTask, NewCheckin } from '@/api/types'
import { NO_GEOLOCATION, getLocation, type GeoLocation } from '@/utils/platform'
import type { PhotoSource } from './usePhotoUpload'
import { sendRetryingOnce, useIdempotencyKey } from './useSubmit'

/** The piece of work a check-in is evidence for. */
export interface CheckinTarget {
  task: CheckinTask
  /** `case:12`, `team:7`…: the same work on the same day is recorded once. */
  taskRef?: string | null
  villageCode: string
}

export const NO_TARGET = '缺少签到所属的工作，请从具体工作页面签到'
export const NO_LOCATION_IN_BROWSER = '当前浏览器不支持定位，请在微信小程序中签到'
export const NEED_FIELD_REASON = '请填写外勤原因'
export const FIELD_REASON_NOTE = '当前位置不在本村签到范围内，请填写外勤原因后再签到'
export const FIELD_REASON_MAX = 200

/**
 * One check-in for a piece of work: reads the device position once (no tracking), sends it with the photo if
 * any, and shows where it was against the village's geofence. Outside the geofence the server asks for a 外勤
 * reason (400 on `fieldReason`): the reason is asked for and the same attempt sent again with the same
 * Idempotency-Key and position. A repeat of the same work on the same day comes back as the first record.
 */
export function useCheckin(target: () => CheckinTarget | null, options: { locate?: () => Promise<GeoLocation>; photos?: PhotoSource } = {}) {
  const locate = options.locate ?? getLocation
  const location = ref<GeoLocation | null>(null)
  const locating = ref(false)
  const submitting = ref(false)
  const error = ref('')
  /** The server asked for a 外勤 reason. */
  const needReason = ref(false)
  const reason = ref('')
  const reasonNote = ref('')
  const reasonError = ref('')
  const result = ref<Checkin | null>(null)
  /** The answer was the check-in made before for this work today (已签到). */
  const repeated = ref(false)
  const keys = useIdempotencyKey()

  async function readLocation(): Promise<GeoLocation | null> {
    locating.value = true
    try {
      location.value = await locate()
      return location.value
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      error.value = message === NO_GEOLOCATION ? NO_LOCATION_IN_BROWSER : message
      return null
    } finally {
      locating.value = false
    }
  }

  /** Checks in; after a 外勤 refusal, sends the same attempt again with the reason typed. */
  async function checkIn(): Promise<Checkin | null> {
    if (submitting.value || locating.value) return null
    error.value = ''
    reasonError.value = ''
    const work = target()
    if (!work || !work.villageCode) {
      error.value = NO_TARGET
      return null
    }
    const wait = options.photos?.blocker() ?? ''
    if (wait) {
      error.value = wait
      return null
    }
    let fieldReason: string | undefined
    if (needReason.value) {
      fieldReason = reason.value.trim()
      if (!fieldReason) reasonError.value = NEED_FIELD_REASON
      else if (fieldReason.length > FIELD_REASON_MAX) reasonError.value = `外勤原因最长 ${FIELD_REASON_MAX} 个字`
      if (reasonError.value) return null
    }
    // The reason goes with the position already read: the attempt is the same one.
    const where = needReason.value && location.value ? location.value : await readLocation()
    if (!where) return null

    const attempt = { task: work.task, taskRef: work.taskRef || undefined, villageCode: work.villageCode, ...where }
    const body: NewCheckin = {
      task: attempt.task,
      villageCode: attempt.villageCode,
      latitude: where.latitude,
      longitude: where.longitude,
      accuracy: where.accuracy,
      clientTime: new Date().toISOString(),
    }
    if (attempt.taskRef) body.taskRef = attempt.taskRef
    if (fieldReason) body.fieldReason = fieldReason
    const photoId = options.photos?.ids.value[0]
    if (photoId !== undefined) body.photoId = photoId
    const key = keys.keyFor(JSON.stringify(attempt))

    submitting.value = true
    try {
      const answer = await sendRetryingOnce(() => checkinsApi.checkIn(body, key))
      keys.renew()
      result.value = answer.checkin
      repeated.value = answer.repeated
      needReason.value = false
      reason.value = ''
      reasonNote.value = ''
      return answer.checkin
    } catch (e) {
      const fields = fieldErrors(e)
      if (e instanceof ApiError && e.status === 400 && fields.fieldReason) {
        // Asked the first time: explain; refused with a reason: the server's problem goes under the field.
        if (needReason.value) reasonError.value = fields.fieldReason
        needReason.value = true
        reasonNote.value = fields.fieldReason || FIELD_REASON_NOTE
      } else {
        error.value = errorMessage(e)
      }
      return null
    } finally {
      submitting.value = false
    }
  }

  /** Gives up the 外勤 attempt (e.g. to walk into the village and try again with a new position). */
  function cancelReason() {
    needReason.value = false
    reason.value = ''
    reasonNote.value = ''
    reasonError.value = ''
    location.value = null
    keys.renew()
  }

  return { location, locating, submitting, error, needReason, reason, reasonNote, reasonError, result, repeated, checkIn, cancelReason, currentKey: keys.current }
}
