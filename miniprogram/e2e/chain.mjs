// Scenario (i): the identification chain end to end in the H5 build, after scenarios (d), (e) and (h).
//
// run.mjs starts the backend with a public notice of 0 working days (-Ddixian.cases.limits.public-notice=0), so
// the village cadre may send the case on to the township the same day.
//
// farmer declares → village cadre visits → village review PASS → public notice (anyone reads it without login)
// → nothing to answer, 提交乡镇审核 → township PASS (from the workbench) → county PASS with the monitoring type
// → the farmer sees 已认定为监测对象 and the household as monitored.
import assert from 'node:assert/strict'
import { join } from 'node:path'

const VILLAGE = '410225101201'

/** The case id in the address of the case detail page. */
function caseIdOf(page) {
  return Number(new URL(page.url().replace('#', '')).searchParams.get('id'))
}

export async function chainWalk({ page, base, context, screenshots, household, openLogin, devLogin, api, devToken, textOf }) {
  assert.ok(household.id, 'scenario d did not create the household')
  const shot = (name) => page.screenshot({ path: join(screenshots, `i-${name}.png`), fullPage: true })

  // Set-up: the household may still have the case of scenario (h) open; the village refuses it in review
  // (through the API) so the farmer can declare again.
  const cadreToken = await devToken(base, '李德福')
  const open = await api(base, 'GET', '/api/cases?limit=100', { token: cadreToken })
  for (const c of open.items.filter((c) => c.householdId === household.id && c.open)) {
    if (c.stage !== 'VILLAGE_REVIEW') continue
    await api(base, 'POST', `/api/cases/${c.id}/village-review`, {
      token: cadreToken,
      body: { version: c.version, meetingDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), participants: 9, decision: 'REJECT', opinion: '收入已恢复，不予纳入' },
    })
  }

  // 1. The farmer declares a risk from 农户视窗.
  const description = `家中老人突发重病住院（${Math.random().toString(36).slice(2, 6)}）`
  await openLogin(page, base)
  await devLogin(page, '农户登录', '赵大山')
  await page.locator('.link-declare').click()
  await page.locator('.declare-risk', { hasText: '因病' }).click()
  await page.locator('.declare-description textarea').fill(description)
  await page.locator('.declare-medical input').fill('52000')
  await page.locator('.declare-phone input').fill(`138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`)
  await page.locator('.declare-consent').click()
  await page.locator('.btn-declare').click()
  await page.locator('.case-stage', { hasText: '待入户核实' }).waitFor()
  const caseId = caseIdOf(page)
  assert.ok(caseId > 0, `expected the new case, got ${page.url()}`)
  await page.locator('.case-outcome-title', { hasText: '正在办理' }).waitFor()

  // 2. The village cadre records the home visit.
  await context.grantPermissions(['geolocation'])
  await context.setGeolocation({ latitude: 34.82, longitude: 114.82, accuracy: 15 })
  await openLogin(page, base)
  await devLogin(page, '干部登录', '李德福')
  await page.goto(`${base}/#/pages/cases/detail?id=${caseId}`)
  await page.locator('.btn-visit').click()
  for (const key of ['foodAndClothing', 'education', 'housing', 'drinkingWater']) {
    await page.locator(`.visit-check--${key} .visit-yes`).click()
  }
  await page.locator('.visit-check--medical .visit-no').click()
  await page.locator('.visit-income input').fill('4100')
  await page.locator('.visit-description textarea').fill('老人住院自付 5.2 万元，家庭收入明显减少')
  await page.locator('.btn-locate').click()
  await page.locator('.visit-location', { hasText: '精度约 15 米' }).waitFor()
  await page.locator('.btn-visit-submit').click()
  await page.locator('.case-stage', { hasText: '待村评议' }).waitFor()

  // 3. The village review passes: the case goes on public notice.
  await page.locator('.btn-village-review').click()
  await page.locator('.btn-review-submit').waitFor()
  // Nothing filled: the form says what is missing before asking the server.
  await page.locator('.btn-review-submit').click()
  await page.locator('.field-error--participants').waitFor()
  await page.locator('.field-error--decision').waitFor()
  await page.locator('.review-participants input').fill('12')
  await page.locator('.review-decision--PASS').click()
  await page.locator('.review-opinion textarea').fill('经村民代表评议，该户因病支出大、收入骤减，同意纳入监测')
  await shot('village-review-form')
  await page.locator('.btn-review-submit').click()
  await page.locator('.case-stage', { hasText: '公示中' }).waitFor()
  await page.locator('.step', { hasText: '村民主评议' }).waitFor()

  // 4. The notice is public: read without login, the household's name masked.
  await page.evaluate(() => localStorage.clear())
  await page.goto(`${base}/#/pages/public/notice?village=${VILLAGE}`)
  await page.reload()
  const row = page.locator('.notice', { hasText: '因病' }).first()
  await row.waitFor()
  assert.ok(!(await textOf(row)).includes(household.headName), 'the notice masks the name')
  await row.locator('.btn-object').waitFor()
  assert.ok(page.url().includes('pages/public/notice'), `the public notice must not send to the login page: ${page.url()}`)
  await shot('public-notice')

  // 5. Notice period 0 days, no objection: the village cadre sends the case to the township from the workbench.
  await openLogin(page, base)
  await devLogin(page, '干部登录', '李德福')
  await page.locator('.link-workbench').click()
  await page.locator('.todo', { hasText: '公示期满，提交乡镇审核' }).first().click()
  await page.locator('.case-stage', { hasText: '公示中' }).waitFor()
  assert.equal(await page.locator('.notice-wait').count(), 0, 'nothing should hold the notice back')
  await page.locator('.btn-close-notice').click()
  await page.locator('.case-stage', { hasText: '待乡审核' }).waitFor()

  // 6. The township cadre passes it from the workbench.
  await openLogin(page, base)
  await devLogin(page, '干部登录', '王秀兰')
  await page.locator('.link-workbench').click()
  await page.locator('.todo', { hasText: '乡镇审核' }).first().click()
  await page.locator('.btn-township-review').click()
  await page.locator('.decision-chip--PASS').click()
  await page.locator('.btn-decision-submit').click()
  await page.locator('.case-stage', { hasText: '待县审定' }).waitFor()

  // 7. The county cadre passes it with the monitoring type (asked for when missing).
  await openLogin(page, base)
  await devLogin(page, '干部登录', '郑晓明')
  await page.goto(`${base}/#/pages/cases/detail?id=${caseId}`)
  await page.locator('.btn-county-approval').click()
  await page.locator('.decision-chip--PASS').click()
  await page.locator('.btn-decision-submit').click()
  await page.locator('.field-error--monitoringType').waitFor()
  await page.locator('.monitoring-chip--SUDDEN_HARDSHIP').click()
  await shot('county-approval-form')
  await page.locator('.btn-decision-submit').click()
  await page.locator('.case-stage', { hasText: '已认定' }).waitFor()
  await page.locator('.step', { hasText: '认定为监测对象' }).first().waitFor()

  // 8. The farmer sees the outcome and the household as monitored.
  await openLogin(page, base)
  await devLogin(page, '农户登录', '赵大山')
  await page.locator('.link-my-cases').click()
  await page.locator('.case', { hasText: '已认定' }).first().click()
  await page.locator('.case-outcome-title', { hasText: '已认定为监测对象' }).waitFor()
  assert.ok(page.url().includes(`pages/cases/detail?id=${caseId}`), `expected the approved case, got ${page.url()}`)
  await shot('farmer-sees-approval')
  await page.goto(`${base}/#/pages/home/index`)
  await page.getByText('农户视窗').waitFor()
  await page.locator('.facts-monitoring', { hasText: '突发严重困难户' }).waitFor()
  const badge = page.locator('.unread-badge')
  console.log(`       unread messages on the farmer's home: ${(await badge.count()) ? await textOf(badge) : 'none'}`)
}
