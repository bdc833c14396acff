// Scenario (l): resident-team fieldwork in the H5 build — check-ins as evidence of work, a village work log,
// leave and the team's attendance summary.
//
// Set-up through the API: township cadre 王秀兰 sets 任庄村's geofence around the point the browser will report;
// county account manager 孙丽 creates a second resident cadre for 任庄村 (the team leader); 王秀兰 forms (or reuses)
// 任庄村's resident team with 陈志强 (the demo resident cadre) and the new leader.
//
// In the browser: 陈志强 opens 驻村工作队 from the workbench and checks in inside the geofence (a village duty day, or
// resident-team attendance where the province records it) → writes a village work log with a photo; the position is
// taken automatically → requests leave for today (a day already checked in counts as present) → the leader
// approves it → 王秀兰 opens the team from 驻村工作队 and reads the attendance summary: one row per member, in team
// role order, nothing ranked.
import assert from 'node:assert/strict'
import { join } from 'node:path'

const TOWNSHIP = '410225101000'
const VILLAGE = '410225101201'
/** The village centre the scenario sets, and a point about 60 m from it that the browser reports. */
const CENTRE = { latitude: 34.82, longitude: 114.82 }
const HERE = { latitude: 34.8204, longitude: 114.8205, accuracy: 20 }
/** A 1×1 PNG: the smallest photo the media endpoint takes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Today in Beijing, the day the server counts as today. */
function todayInBeijing() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The H5 date picker opens on today when the field is empty; confirming takes today. */
async function pickToday(page, selector) {
  await page.locator(selector).click()
  const confirm = page.locator('.uni-picker-action-confirm').last()
  await confirm.waitFor({ state: 'visible' })
  await sleep(400)
  await confirm.click()
  await sleep(400)
}

/** Forms 任庄村's team, or reuses the one in force, with 陈志强 and the leader serving. */
async function teamWith(api, base, token, resident, leader) {
  const today = todayInBeijing()
  const teams = await api(base, 'GET', `/api/teams?region=${VILLAGE}`, { token })
  let team = teams.find((t) => t.villageCode === VILLAGE && (!t.endDate || t.endDate >= today))
  if (!team) {
    team = await api(base, 'POST', '/api/teams', {
      token,
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: { villageCode: VILLAGE, startDate: `${today.slice(0, 7)}-01`, expectedDaysPerMonth: 20 },
    })
  }
  const serving = (accountId) => team.members.some((m) => m.accountId === accountId && !m.endedOn)
  if (!serving(resident.id)) {
    team = await api(base, 'POST', `/api/teams/${team.id}/members`, {
      token,
      body: { accountId: resident.id, teamRole: 'FIRST_SECRETARY', sendingUnit: '兰考县农业农村局', dispatchFrom: `${today.slice(0, 7)}-01` },
    })
  }
  team = await api(base, 'POST', `/api/teams/${team.id}/members`, {
    token,
    body: { accountId: leader.id, teamRole: 'LEADER', sendingUnit: '兰考县财政局', dispatchFrom: `${today.slice(0, 7)}-01` },
  })
  return team
}

export async function fieldworkWalk({ page, base, context, screenshots, openLogin, devLogin, api, devToken, textOf }) {
  const shot = (name) => page.screenshot({ path: join(screenshots, `l-${name}.png`), fullPage: true })
  const tag = Math.random().toString(36).slice(2, 6)
  const leaderName = `队长${tag}`
  const logText = `走访任庄村 3 户监测户，核对医疗报销进度（${tag}）`
  const leaveReason = `到县里参加驻村干部培训（${tag}）`

  // ---- set-up through the API ----
  const township = await devToken(base, '王秀兰')
  await api(base, 'POST', `/api/villages/${VILLAGE}/geofence`, { token: township, body: { ...CENTRE, radiusMeters: 1000 } })

  const accounts = await api(base, 'GET', '/auth/dev/accounts')
  const resident = accounts.find((a) => a.name === '陈志强')
  assert.ok(resident, 'demo resident cadre 陈志强 not found')
  const manager = await devToken(base, '孙丽')
  const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const leader = await api(base, 'POST', '/api/accounts', {
    token: manager,
    body: { name: leaderName, phone, regionCode: VILLAGE, role: 'RESIDENT_CADRE', position: '驻村工作队队长' },
  })
  const listed = (await api(base, 'GET', '/auth/dev/accounts')).some((a) => a.id === leader.id)
  assert.ok(listed, `the new leader ${leaderName} is not among the development logins (the list shows the demo accounts and the 20 newest)`)
  const team = await teamWith(api, base, township, resident, leader)

  // ---- 1. the resident cadre checks in for the day's work, inside the geofence ----
  await context.grantPermissions(['geolocation'])
  await context.setGeolocation(HERE)
  await openLogin(page, base)
  await devLogin(page, '干部登录', '陈志强')
  await page.locator('.link-workbench').click()
  await page.locator('.link-my-team').click()
  await page.locator('.team-village', { hasText: '任庄村' }).waitFor()
  assert.ok(page.url().includes('pages/fieldwork/team'), `expected the team page, got ${page.url()}`)
  const checkinTask = (await page.locator('.checkin').getAttribute('class')).match(/checkin--(\w+)/)?.[1]
  assert.ok(['DUTY_DAY', 'TEAM_ATTENDANCE'].includes(checkinTask), `unexpected check-in task ${checkinTask}`)
  console.log(`       team ${team.id}: the page offers ${checkinTask === 'DUTY_DAY' ? '村值班日' : '驻村考勤'} check-in`)
  await page.locator('.btn-checkin').click()
  const result = page.locator('.checkin-result')
  await result.waitFor()
  const place = await textOf(page.locator('.checkin-result-place'))
  assert.match(place, /^在村范围内/, `expected a check-in inside the village, got "${place}"`)
  assert.equal(await page.locator('.checkin-reason').count(), 0, 'inside the village no 外勤 reason is asked')
  await shot('checked-in')

  // The check-in shows on its map page and under 我的签到.
  await page.locator('.link-checkin-detail').click()
  await page.locator('.checkin-place', { hasText: '在村范围内' }).waitFor()
  await page.goBack()
  await page.locator('.team-village').waitFor()

  // Checking in again for the same work today gives back the same record.
  const again = await api(base, 'POST', '/api/checkins', {
    token: await devToken(base, '陈志强'),
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: { task: checkinTask, taskRef: `team:${team.id}`, villageCode: VILLAGE, ...HERE },
  })
  const mine = await api(base, 'GET', '/api/me/checkins', { token: await devToken(base, '陈志强') })
  assert.equal(mine.filter((c) => c.taskRef === `team:${team.id}` && c.date === todayInBeijing()).length, 1, 'one check-in per work and day')
  assert.ok(again.id, 'the repeat answered with the record')

  // ---- 2. a village work log with a photo; the position is taken automatically ----
  await page.goto(`${base}/#/pages/workbench/index`)
  await page.locator('.link-logs').click()
  await page.locator('.btn-write-log').click()
  await page.locator('.log-location', { hasText: '已自动记录当前位置' }).waitFor()
  await page.locator('.log-content textarea').fill(logText)
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.log-photos .photo-add').click()])
  await chooser.setFiles({ name: 'log.png', mimeType: 'image/png', buffer: PNG })
  await page.locator('.log-photos .photo--done').waitFor()
  await shot('log-editor')
  await page.locator('.btn-log-submit').click()
  // The editor's own field carries the text too: wait for the saved log's page first.
  await page.waitForURL(/pages\/fieldwork\/log-detail/)
  await page.locator('.log-content', { hasText: logText }).waitFor()
  await page.locator('.gallery-photo').first().waitFor()
  assert.equal(await page.locator('.btn-comment').count(), 0, 'a resident cadre does not comment on logs')
  await shot('log-saved')

  // ---- 3. leave for today (already checked in: that day counts as present) ----
  await page.goto(`${base}/#/pages/fieldwork/team`)
  await page.locator('.btn-leave-submit').waitFor()
  await pickToday(page, '.leave-from')
  await pickToday(page, '.leave-to')
  await page.locator('.leave-reason textarea').fill(leaveReason)
  await page.locator('.btn-leave-submit').click()
  const requested = page.locator('.leave', { hasText: leaveReason })
  await requested.locator('.leave-status--PENDING').waitFor()
  await shot('leave-requested')

  // ---- 4. the team leader approves ----
  await openLogin(page, base)
  await devLogin(page, '干部登录', leaderName)
  await page.goto(`${base}/#/pages/fieldwork/team?id=${team.id}`)
  const pending = page.locator('.pending-leave', { hasText: leaveReason })
  await pending.waitFor()
  await pending.locator('.btn-approve').click()
  await page.locator('.leave', { hasText: leaveReason }).locator('.leave-status--APPROVED').waitFor()
  assert.equal(await page.locator('.pending-leave', { hasText: leaveReason }).count(), 0)
  await shot('leave-approved')

  // ---- 5. the township cadre reads the team's attendance summary ----
  await openLogin(page, base)
  await devLogin(page, '干部登录', '王秀兰')
  await page.locator('.link-workbench').click()
  await page.locator('.link-teams').click()
  await page.locator('.team-card', { hasText: '任庄村' }).first().click()
  const rows = page.locator('.attendance-row')
  await rows.first().waitFor()
  const names = await page.locator('.attendance-row .attendance-name').allInnerTexts()
  assert.ok(names.includes('陈志强') && names.includes(leaderName), `expected both members in the summary, got ${names.join('、')}`)
  const own = page.locator('.attendance-row', { hasText: '陈志强' })
  const recorded = Number(await textOf(own.locator('.attendance-recorded')))
  assert.ok(recorded >= 1, `expected at least one recorded day for 陈志强, got ${recorded}`)
  // Team role order as the server gives it: the first secretary before the leader, whatever was recorded.
  const served = (await api(base, 'GET', `/api/teams/${team.id}/attendance`, { token: township })).rows
  assert.deepEqual(names, served.map((r) => r.name ?? `账号 ${r.accountId}`))
  const body = await textOf(page.locator('.page'))
  assert.doesNotMatch(body, /第\s*\d+\s*名|名次|排行|在线时长/, 'the summary ranks nobody')
  await page.locator('.leave', { hasText: leaveReason }).locator('.leave-status--APPROVED').waitFor()
  await shot('attendance')
}
