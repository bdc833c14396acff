// Scenario (j): a complaint ticket from filing to closing in the H5 build.
//
// farmer 赵大山 files a complaint → township cadre 王秀兰 accepts it and assigns it to 任庄村 → village cadre 李德福
// replies → the farmer rates 不满意 (发回重办, back to 办理中) → the village replies again → the farmer rates 满意
// → 已办结.
//
// The complainant may rate from the working day after the reply (the ticket's `rateFrom`); the page enables the
// rating when today (Beijing) ≥ rateFrom. run.mjs starts the backend with -Ddixian.tickets.rate-after=0, so the
// rating is open on the day of the reply.
import assert from 'node:assert/strict'
import { join } from 'node:path'

const VILLAGE = '410225101201'

/** The ticket id in the address of the ticket detail page. */
function ticketIdOf(page) {
  return Number(new URL(page.url().replace('#', '')).searchParams.get('id'))
}

/** Today in Beijing, the day the server counts as today. */
function todayInBeijing() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
}

export async function ticketsWalk({ page, base, screenshots, openLogin, devLogin, api, devToken, textOf }) {
  const shot = (name) => page.screenshot({ path: join(screenshots, `j-${name}.png`), fullPage: true })
  const title = `危房改造补助未到位（${Math.random().toString(36).slice(2, 6)}）`
  const status = (text) => page.locator('.ticket-status', { hasText: text }).waitFor()

  /** Opens the ticket from the cadre's 工单待办 (todo view). */
  async function openFromInbox() {
    await page.locator('.link-ticket-inbox').click()
    await page.locator('.ticket', { hasText: title }).first().click()
    await page.locator('.ticket-status').waitFor()
  }

  /** The village cadre answers the complainant. */
  async function villageReplies(words) {
    await openLogin(page, base)
    await devLogin(page, '干部登录', '李德福')
    await openFromInbox()
    await page.locator('.btn-reply').click()
    await page.locator('.reply-content textarea').fill(words)
    await page.locator('.btn-reply-submit').click()
    await status('已答复')
    await page.locator('.ticket-reply', { hasText: words }).waitFor()
  }

  /** The farmer opens the ticket from 我的投诉 and rates the reply. */
  async function farmerRates(satisfaction, ticketId) {
    await openLogin(page, base)
    await devLogin(page, '农户登录', '赵大山')
    await page.locator('.link-my-tickets').click()
    await page.locator('.ticket', { hasText: title }).first().click()
    await status('已答复，请评价')
    const farmerToken = await devToken(base, '赵大山')
    const ticket = await api(base, 'GET', `/api/tickets/${ticketId}`, { token: farmerToken })
    assert.ok(
      !ticket.rateFrom || ticket.rateFrom <= todayInBeijing(),
      `rating opens on ${ticket.rateFrom}: start the backend with same-day rating allowed (DIXIAN_E2E_JAVA_OPTS)`,
    )
    await page.locator(`.rating--${satisfaction}`).click()
    await page.locator('.btn-rate-submit').click()
  }

  // 1. The farmer files a complaint (with the village in the address, so an unbound farmer can file too).
  await openLogin(page, base)
  await devLogin(page, '农户登录', '赵大山')
  await page.locator('.link-new-ticket').waitFor()
  await page.goto(`${base}/#/pages/tickets/new?village=${VILLAGE}`)
  await page.locator('.ticket-category--SUBSIDY').click()
  await page.locator('.ticket-title input').fill(title)
  await page.locator('.ticket-description textarea').fill('去年申请的危房改造补助至今未发放，请帮忙查一下')
  await shot('farmer-files')
  await page.locator('.btn-ticket-submit').click()
  await status('待受理')
  const ticketId = ticketIdOf(page)
  assert.ok(ticketId > 0, `expected the new ticket, got ${page.url()}`)

  // 2. The township cadre accepts it and assigns it to the village.
  await openLogin(page, base)
  await devLogin(page, '干部登录', '王秀兰')
  await openFromInbox()
  await status('待受理')
  await page.locator('.btn-accept').click()
  await page.locator(`.assign-to .assign-to--${VILLAGE}`).click()
  await shot('township-accepts')
  await page.locator('.btn-accept-submit').click()
  await status('办理中')
  await page.locator('.ticket-handler', { hasText: '任庄村' }).waitFor()

  // 3. The village cadre replies.
  await villageReplies('经核实，补助资金已拨付到乡镇，本周内发放到户')

  // 4. The farmer is not satisfied: the ticket goes back to the village (发回重办).
  await farmerRates('DISSATISFIED', ticketId)
  await status('办理中')
  await page.locator('.ticket-progress-title', { hasText: '重新办理中' }).waitFor()
  await page.locator('.step', { hasText: '发回重办' }).first().waitFor()
  await shot('farmer-dissatisfied')

  // 5. The village replies again.
  await villageReplies('补助 1.2 万元已于今日发放到户，请查收')

  // 6. The farmer is satisfied: the ticket is closed.
  await farmerRates('SATISFIED', ticketId)
  await status('已办结')
  await page.locator('.ticket-progress-title', { hasText: '已办结' }).waitFor()
  const steps = await textOf(page.locator('.step').last())
  console.log(`       last step of the ticket: ${steps.replace(/\s+/g, ' ')}`)
  await shot('closed')
}
