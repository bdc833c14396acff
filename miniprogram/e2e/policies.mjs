// Scenario (k): a policy with conditions from publishing to the farmer it is for, in the H5 build, after (d), (e).
//
// county cadre 郑晓明 drafts a policy in the editor with two conditions the household of (d) meets (农户类别 属于
// 监测对象, and 家中有成员 年龄 不低于 18 — its head was born in 1978), publishes it, runs 政策找人 for 任庄村, marks a
// household 已申请, pushes to the households not notified yet and exports the list → farmer 赵大山 (bound in (e))
// finds it under 适合我的政策 with the reason and has a message about it → a second policy whose member condition
// the household does not meet (残疾等级 不超过 2 级: nobody in it has a disability grade) says 不符合 and why on
// 我符合吗？.
import assert from 'node:assert/strict'
import { join } from 'node:path'

const COUNTY = '410225000000'
const TOWNSHIP = '410225101000'
const VILLAGE = '410225101201'

/** The id in the address of a page opened with `?id=`. */
function idOf(page) {
  return Number(new URL(page.url().replace('#', '')).searchParams.get('id'))
}

/** Every household the API lists as eligible for the policy in the village (keyset pages). */
async function villageMatches(api, base, token, policyId) {
  const found = []
  let after = null
  for (let i = 0; i < 50; i++) {
    const page = await api(base, 'GET', `/api/policies/${policyId}/matches?region=${VILLAGE}&limit=100${after ? `&after=${after}` : ''}`, { token })
    found.push(...page.items)
    if (!page.nextAfter) break
    after = page.nextAfter
  }
  return found
}

export async function policiesWalk({ page, base, screenshots, household, openLogin, devLogin, api, devToken, textOf }) {
  assert.ok(household.id, 'scenario d did not create the household')
  const shot = (name) => page.screenshot({ path: join(screenshots, `k-${name}.png`), fullPage: true })
  const tag = Math.random().toString(36).slice(2, 6)
  const title = `监测户医疗救助补充报销（${tag}）`
  const otherTitle = `重度残疾人护理补贴（${tag}）`

  // 1. The county cadre drafts the policy with its conditions and publishes it.
  await openLogin(page, base)
  await devLogin(page, '干部登录', '郑晓明')
  await page.locator('.link-policy-manage').click()
  await page.locator('.btn-new-policy').click()
  await page.locator('.edit-title input').waitFor()
  // Nothing filled: the form says what is missing before asking the server.
  await page.locator('.btn-publish').click()
  await page.locator('.field-error--title').waitFor()
  await page.locator('.edit-title input').fill(title)
  await page.locator('.edit-docno input').fill(`兰医保〔2026〕${Math.floor(Math.random() * 90) + 10}号`)
  await page.locator('.edit-issuer input').fill('兰考县医疗保障局')
  await page.locator('.edit-category--HEALTH').click()
  await page.locator('.edit-summary textarea').fill('家里是监测对象的，住院看病自己花的钱可以再报销一部分')
  await page.locator('.edit-benefit input').fill('住院自付费用再报销 70%')
  await page.locator('.edit-body textarea').fill('第一条 救助对象为本县监测对象。\n第二条 住院自付费用按 70% 再次报销。')

  await page.locator('.btn-add-fact').click()
  await page.locator('.cond-0 .fact-chip--CATEGORY').click()
  await page.locator('.cond-0 .op-chip--IN').waitFor()
  await page.locator('.cond-0 .value-chip--MONITORED').click()
  await page.locator('.btn-add-member').click()
  await page.locator('.cond-1-0 .fact-chip--AGE').click()
  await page.locator('.cond-1-0 .op-chip--GE').click()
  await page.locator('.cond-1-0 .cond-number input').fill('18')
  // The server says the conditions back in Chinese once the editing pauses.
  const preview = page.locator('.conditions-preview')
  await page.waitForFunction(() => {
    const text = document.querySelector('.conditions-preview')?.textContent ?? ''
    return text && !text.includes('无条件') && /18/.test(text)
  })
  console.log(`       conditions preview: ${await textOf(preview)}`)
  assert.equal(await page.locator('.cond-error').count(), 0)
  await shot('editor')
  await page.locator('.btn-publish').click()

  await page.locator('.policy-title', { hasText: title }).waitFor()
  const policyId = idOf(page)
  assert.ok(page.url().includes('pages/policies/detail?id=') && policyId > 0, `expected the policy detail, got ${page.url()}`)
  assert.equal(await textOf(page.locator('.policy-issuer')), '兰考县医疗保障局')
  await page.locator('.policy-summary', { hasText: '住院看病' }).waitFor()
  await page.locator('.policy-body', { hasText: '第二条' }).waitFor()
  await shot('published')

  // 2. 政策找人 for 任庄村: counts, the households with their reason, marking and pushing.
  await page.locator('.btn-matches').click()
  await page.locator('.count-eligible').waitFor()
  console.log(`       eligible in 兰考县: ${await textOf(page.locator('.count-eligible'))}`)
  await page.locator(`.match-region--${TOWNSHIP}`).click()
  await page.locator('.region-picker__down').click()
  await page.locator(`.match-region--${VILLAGE}`).click()
  await page.locator(`.match-region--${VILLAGE}.chip--on`).waitFor()
  // The list read again for the village: every row is in 任庄村.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('.match__meta')]
    return rows.length > 0 && rows.every((r) => /任庄村|410225101201/.test(r.textContent ?? ''))
  })
  const eligible = Number(await textOf(page.locator('.count-eligible')))
  assert.ok(eligible >= 1, `expected eligible households in 任庄村, got ${eligible}`)
  assert.ok((await textOf(page.locator('.match-reason').first())).length > 0, 'each household comes with its reason')

  const countyToken = await devToken(base, '郑晓明')
  const inVillage = await villageMatches(api, base, countyToken, policyId)
  const ours = inVillage.find((m) => m.householdId === household.id)
  assert.ok(ours, `household ${household.no} meets the conditions and is listed by 政策找人`)
  assert.ok(ours.headName && !ours.headName.includes(household.headName), `the head's name is masked: "${ours.headName}"`)
  console.log(`       our household's reason: ${ours.reason}`)

  // Push first: a household marked (reached) is not notified again.
  await page.locator('.btn-notify').click()
  const result = page.locator('.notify-result')
  await result.waitFor()
  const notified = Number(/本次通知 (\d+) 户/.exec(await textOf(result))?.[1] ?? NaN)
  assert.ok(notified >= 1, `expected the bound farmer to be notified, got "${await textOf(result)}"`)

  const first = page.locator('.match').first()
  const firstNo = (await textOf(first.locator('.match__meta'))).split(' · ').pop()
  await first.locator('.btn-mark-applied').click()
  await page.locator('.match', { hasText: firstNo }).locator('.match-reach', { hasText: '已申请' }).waitFor()
  await shot('matches')

  // The Excel export of the same list.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.btn-export').click()])
  assert.match(download.suggestedFilename(), /\.xlsx$/)

  // A second policy whose member condition the household does not meet (set up through the API).
  const draft = await api(base, 'POST', '/api/policies', {
    token: countyToken,
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: {
      title: otherTitle,
      issuer: '兰考县残疾人联合会',
      regionCode: COUNTY,
      category: 'SOCIAL_ASSISTANCE',
      effectiveFrom: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      summary: '家里有一级、二级残疾人的监测户，每月可以领护理补贴',
      benefit: '每人每月护理补贴 100 元',
      conditions: {
        all: [
          { fact: 'CATEGORY', op: 'IN', values: ['MONITORED'] },
          { member: { all: [{ fact: 'DISABILITY_GRADE', op: 'LE', number: 2 }] } },
        ],
      },
    },
  })
  await api(base, 'POST', `/api/policies/${draft.id}/publish`, { token: countyToken, body: { version: draft.version } })

  // 3. The farmer finds the first policy under 适合我的政策 with the reason, and a message about it.
  await openLogin(page, base)
  await devLogin(page, '农户登录', '赵大山')
  await page.getByText('农户视窗').waitFor()
  await page.locator('.link-my-policies').click()
  const fit = page.locator('.fit--eligible', { hasText: title })
  await fit.waitFor()
  const reason = await textOf(fit.locator('.fit-reason'))
  assert.ok(reason.length > 2, `expected a reason, got "${reason}"`)
  console.log(`       farmer sees: ${reason}`)
  assert.equal(await page.locator('.fit--eligible', { hasText: otherTitle }).count(), 0)
  await shot('farmer-policies-for-me')
  await fit.locator('.policy').click()
  await page.locator('.policy-title', { hasText: title }).waitFor()
  await page.locator('.btn-explain').click()
  await page.locator('.explain-verdict', { hasText: '符合' }).waitFor()
  assert.equal(await textOf(page.locator('.explain-verdict')), '符合')

  await page.goto(`${base}/#/pages/messages/index`)
  await page.locator('.message', { hasText: title }).first().waitFor()
  await shot('farmer-message')

  // 4. The second policy: found by search, 我符合吗？ says 不符合 and why.
  await page.goto(`${base}/#/pages/policies/index`)
  await page.locator('.policy-search input').fill('护理补贴')
  await page.locator('.btn-policy-search').click()
  const found = page.locator('.policy', { hasText: otherTitle })
  await found.waitFor()
  // The list before the search shows it too: wait for the searched answer, whose words are marked.
  await found.locator('.policy-title .hit', { hasText: '护理补贴' }).waitFor()
  await found.click()
  await page.locator('.policy-title', { hasText: otherTitle }).waitFor()
  await page.locator('.btn-explain').click()
  await page.locator('.explain-verdict').waitFor()
  assert.equal(await textOf(page.locator('.explain-verdict')), '不符合')
  assert.ok((await textOf(page.locator('.explain-reason'))).length > 2, 'the reason why not is shown')
  assert.ok((await page.locator('.check-line--unmet').count()) >= 1, 'the unmet condition is marked ✗')
  assert.ok((await page.locator('.check-line--met').count()) >= 1, 'the met condition is marked ✓')
  console.log(`       why not: ${await textOf(page.locator('.explain-reason'))}`)
  await shot('farmer-why-not')
}
