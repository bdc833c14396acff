// Browser tests: the H5 build served by the real backend (DIXIAN_JAR), driven in headless Chromium.
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'
import jsQR from 'jsqr'

const here = dirname(fileURLToPath(import.meta.url))
const screenshots = join(here, 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const READY_TIMEOUT_MS = 120_000
const STEP_TIMEOUT_MS = 15_000

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolvePort(port))
    })
  })
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function waitForReady(base, backend) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (backend.exitCode !== null) throw new Error(`backend exited early with code ${backend.exitCode}`)
    try {
      const res = await fetch(`${base}/q/health/ready`)
      if (res.status === 200) return
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  throw new Error(`backend not ready within ${READY_TIMEOUT_MS / 1000} s`)
}

function stopBackend(backend) {
  if (!backend || backend.exitCode !== null || backend.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const timer = setTimeout(() => backend.kill('SIGKILL'), 30_000)
    backend.once('exit', () => {
      clearTimeout(timer)
      done()
    })
    backend.kill('SIGTERM')
  })
}

function printBackendLog(logFile) {
  if (!existsSync(logFile)) return
  const lines = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => !line.includes('io.zonky.test.db.postgres.embedded.EmbeddedPostgres'))
  console.error(`--- backend log (last 40 lines) ---\n${lines.slice(-40).join('\n')}`)
}

// ---- tiny test harness ----
const results = []
async function scenario(name, page, body) {
  const started = Date.now()
  try {
    await body()
    results.push({ name, ok: true })
    console.log(`ok   - ${name} (${Date.now() - started} ms)`)
  } catch (error) {
    results.push({ name, ok: false, error })
    console.log(`FAIL - ${name}\n       ${String(error?.stack || error).split('\n').slice(0, 6).join('\n       ')}`)
  } finally {
    const file = join(screenshots, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`)
    await page.screenshot({ path: file, fullPage: true }).catch(() => {})
  }
}

// ---- page helpers ----
async function openLogin(page, base) {
  await page.goto(`${base}/`)
  await page.evaluate(() => localStorage.clear())
  await page.goto(`${base}/#/pages/login/index`)
  await page.reload()
  await page.getByText('底线 · 防止返贫动态监测').first().waitFor()
}

async function devLogin(page, tab, name) {
  await page.locator('.tab', { hasText: tab }).click()
  const row = page.locator('.dev-account', { hasText: name })
  await row.waitFor()
  await row.locator('uni-button, button', { hasText: '登录' }).click()
  await page.getByText(`您好，${name}`).waitFor()
}

async function textOf(locator) {
  return (await locator.innerText()).trim()
}

// Same order as CREATABLE_ROLES in src/utils/labels.ts.
const ROLE_OPTIONS = ['省级干部', '市级干部', '县级干部', '乡镇干部', '村干部', '信息员', '驻村干部', '账号管理员']

async function roleShown(page) {
  return (await textOf(page.locator('.field-role'))).replace('›', '').trim()
}

/** The H5 picker wheel moves one row per wheel notch: scroll from the shown row to the wanted one. */
async function chooseRole(page, label) {
  const target = ROLE_OPTIONS.indexOf(label)
  assert.ok(target >= 0, `unknown role ${label}`)
  for (let attempt = 0; attempt < 3 && (await roleShown(page)) !== label; attempt++) {
    const current = Math.max(ROLE_OPTIONS.indexOf(await roleShown(page)), 0)
    await page.locator('.field-role').click()
    const column = page.locator('.uni-picker-custom .uni-picker-view-group').first()
    await column.waitFor({ state: 'visible' })
    await sleep(400)
    await column.hover()
    for (let i = 0; i < Math.abs(target - current); i++) {
      await page.mouse.wheel(0, target > current ? 100 : -100)
      await sleep(150)
    }
    await sleep(600)
    await page.locator('.uni-picker-action-confirm').click()
    await sleep(400)
  }
  assert.equal(await roleShown(page), label)
}


// ---- API helpers (set-up data for the household scenarios) ----
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** A valid 18-digit resident ID number (GB 11643 check character) in 兰考县. */
function idNumber(birth, seq) {
  const body = `410225${birth}${String(seq).padStart(3, '0')}`
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * ID_WEIGHTS[i], 0)
  return body + ID_CHECK[sum % 11]
}

async function api(base, method, path, { token, body, headers } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  const data = text ? JSON.parse(text) : undefined
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`)
  return data
}

async function devToken(base, name) {
  const accounts = await api(base, 'GET', '/auth/dev/accounts')
  const account = accounts.find((a) => a.name === name)
  assert.ok(account, `demo account ${name} not found`)
  return (await api(base, 'POST', '/auth/dev/login', { body: { accountId: account.id } })).accessToken
}

/** Reads the QR image as the browser renders it (the API serves a PNG) and returns the text inside. */
async function readQrInPage(page, path, token) {
  const image = await page.evaluate(
    async ({ path, token }) => {
      const res = await fetch(path, { headers: { Authorization: `Bearer ${token}` } })
      if (!res.ok) throw new Error(`${path} → ${res.status}`)
      const bitmap = await createImageBitmap(await res.blob())
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const ctx = canvas.getContext('2d')
      ctx.drawImage(bitmap, 0, 0)
      const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height)
      return { data: Array.from(data), width, height }
    },
    { path, token },
  )
  const decoded = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)
  assert.ok(decoded, `no QR code found in ${path}`)
  return decoded.data
}

async function main() {
  const jar = process.env.DIXIAN_JAR
  if (!jar || !existsSync(jar)) {
    console.error(`DIXIAN_JAR must point to the packaged backend (quarkus-run.jar); got "${jar ?? ''}"`)
    console.log('0 passed, 1 failed')
    process.exit(1)
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-microhei)`)
    console.log('0 passed, 1 failed')
    process.exit(1)
  }
  mkdirSync(screenshots, { recursive: true })

  const work = mkdtempSync(join(tmpdir(), 'dixian-e2e-'))
  const dataDir = join(work, 'data')
  const profileDir = join(work, 'chromium-profile')
  const logFile = join(work, 'backend.log')
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let backend = null
  let context = null
  let setupError = null

  const cleanup = async () => {
    await context?.close().catch(() => {})
    await stopBackend(backend)
    rmSync(work, { recursive: true, force: true })
  }
  const onSignal = (signal) => {
    cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    const log = createWriteStream(logFile)
    backend = spawn(
      'java',
      [
        '-Dquarkus.profile=dev',
        `-Ddixian.data-dir=${dataDir}`,
        `-Dquarkus.http.port=${port}`,
        // A public notice of 0 working days, so scenario (i) walks the whole chain in one day.
        '-Ddixian.cases.limits.public-notice=0',
        // The complainant may rate on the day of the reply, so scenario (j) closes a ticket in one day.
        '-Ddixian.tickets.rate-after=0',
        ...(process.env.DIXIAN_E2E_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean),
        '-jar',
        resolve(jar),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    backend.stdout.pipe(log)
    backend.stderr.pipe(log)
    console.log(`backend: starting on port ${port} (data dir ${dataDir})`)
    const t0 = Date.now()
    await waitForReady(base, backend)
    console.log(`backend: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`)

    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 414, height: 860 },
      locale: 'zh-CN',
    })
    context.setDefaultTimeout(STEP_TIMEOUT_MS)
    const page = context.pages()[0] ?? (await context.newPage())
    const consoleErrors = []
    page.on('pageerror', (err) => consoleErrors.push(String(err)))

    await scenario('a farmer logs in and out', page, async () => {
      await openLogin(page, base)
      await devLogin(page, '农户登录', '赵大山')
      assert.equal(await textOf(page.locator('.tag--role')), '农户')
      await page.getByText('河南省 / 开封市 / 兰考县 / 堌阳镇 / 任庄村').first().waitFor()
      await page.getByText('尚未绑定农户').waitFor()
      await page.screenshot({ path: join(screenshots, 'a-farmer-home.png'), fullPage: true })
      await page.locator('.btn-logout').click()
      await page.locator('.tab', { hasText: '农户登录' }).waitFor()
      await page.locator('.btn-logout').waitFor({ state: 'detached' })
      assert.ok(!page.url().includes('pages/home'), `still on the home page: ${page.url()}`)
      assert.equal(await page.evaluate(() => localStorage.getItem('dixian.tokens')), null)
    })

    await scenario('b township cadre sees the villages', page, async () => {
      await openLogin(page, base)
      await devLogin(page, '干部登录', '王秀兰')
      assert.equal(await textOf(page.locator('.tag--role')), '乡镇干部')
      assert.equal(await textOf(page.locator('.level')), '乡级')
      const village = page.locator('.region-item', { hasText: '任庄村' })
      await village.waitFor()
      assert.match(await textOf(village), /410225101201/)
    })

    await scenario('c account manager creates an account', page, async () => {
      await openLogin(page, base)
      await devLogin(page, '干部登录', '孙丽')
      assert.equal(await textOf(page.locator('.tag--role')), '账号管理员')
      await page.locator('.link-card', { hasText: '账号管理' }).click()
      await page.getByText('新建账号').waitFor()
      await page.locator('.account').first().waitFor()

      const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
      const name = `测试${Math.random().toString(36).slice(2, 6)}`
      await page.locator('.field-name input').fill(name)
      await page.locator('.field-phone input').fill(phone)
      await page.locator('.field-region input').fill('410225101201')
      await chooseRole(page, '信息员')
      await page.locator('.field-position input').fill('信息员')
      await page.locator('.btn-create').click()

      const row = page.locator('.account', { hasText: name })
      await row.waitFor()
      const rowText = await textOf(row)
      const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`
      assert.ok(rowText.includes(masked), `expected masked phone ${masked} in "${rowText}"`)
      assert.ok(!rowText.includes(phone), 'full phone number must not be shown')
      assert.match(rowText, /信息员/)
      assert.match(rowText, /启用/)
      await page.screenshot({ path: join(screenshots, 'c-account-created.png'), fullPage: true })

      await row.locator('.btn-danger', { hasText: '停用' }).click()
      await page.locator('.uni-modal__textarea').fill('岗位调整')
      await page.locator('.uni-modal__btn_primary').click()
      await row.locator('.status--off', { hasText: '停用' }).waitFor()
      assert.equal(await row.locator('.btn-danger').count(), 0)

      await page.locator('.field-name input').fill('号码有误')
      await page.locator('.field-phone input').fill('12345')
      await page.locator('.field-region input').fill('410225101201')
      await chooseRole(page, '信息员')
      await page.locator('.btn-create').click()
      const fieldError = page.locator('.field-error--phone')
      await fieldError.waitFor()
      const message = await textOf(fieldError)
      assert.match(message, /[\u4e00-\u9fa5]/, `expected a Chinese field error, got "${message}"`)
      console.log(`       phone field error shown: ${message}`)
    })


    // Shared by (d) and (e): the household the information officer registers.
    const household = {
      headName: '韩立春',
      idNumber: idNumber('19780312', 517),
      phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      id: null,
      no: null,
    }

    await scenario('d information officer finds a household', page, async () => {
      const token = await devToken(base, '张小红')
      const created = await api(base, 'POST', '/api/households', {
        token,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
        body: {
          regionCode: '410225101201',
          category: 'MONITORED',
          monitoringType: 'MARGINAL',
          riskTypes: ['ILLNESS', 'EDUCATION'],
          monitoringStart: '2026-03-01',
          housingSafe: true,
          waterSafe: true,
          head: { name: household.headName, idNumber: household.idNumber, relation: 'HEAD', phone: household.phone },
        },
      })
      household.id = created.id
      household.no = created.householdNo
      console.log(`       created household ${created.householdNo} (id ${created.id})`)

      await openLogin(page, base)
      await devLogin(page, '干部登录', '张小红')
      assert.equal(await textOf(page.locator('.tag--role')), '信息员')
      await page.locator('.link-households').click()
      await page.getByText('农户查询').first().waitFor()
      await page.locator('.search-name input').fill(household.headName.slice(0, 2))
      await page.locator('.btn-search').click()
      const card = page.locator('.household', { hasText: household.headName })
      await card.waitFor()
      const cardText = await textOf(card)
      assert.match(cardText, /监测对象/)
      assert.match(cardText, /任庄村/)
      assert.ok(cardText.includes(created.householdNo), `expected ${created.householdNo} in "${cardText}"`)
      await page.screenshot({ path: join(screenshots, 'd-household-search.png'), fullPage: true })

      await card.click()
      const idCell = page.locator('.member-id').first()
      await idCell.waitFor()
      const shownId = await textOf(idCell)
      assert.ok(!shownId.includes(household.idNumber), 'the full ID number must not be shown')
      assert.ok(shownId.startsWith('410225') && shownId.includes('*'), `expected a masked ID, got "${shownId}"`)
      assert.equal(await textOf(page.locator('.facts-monitoring')), '边缘易致贫户')
      assert.equal(await textOf(page.locator('.facts-risks')), '因病、因学')
      await page.getByText('登记农户').first().waitFor()
      await page.locator('.viewer', { hasText: '信息员 · 任庄村' }).first().waitFor()
      await page.screenshot({ path: join(screenshots, 'd-household-detail-masked.png'), fullPage: true })

      // Plain values are for township and village cadres: either the value or the server's refusal shows.
      await page.locator('.reveal-id').first().click()
      await page.locator('.uni-modal__textarea').fill('入户核实身份')
      await page.locator('.uni-modal__btn_primary').click()
      const refusal = page.locator('.error-notice')
      await Promise.race([
        refusal.first().waitFor(),
        page.locator('.member-id', { hasText: household.idNumber }).waitFor(),
      ])
      if (await refusal.count()) {
        const message = await textOf(refusal.first())
        assert.match(message, /[\u4e00-\u9fa5]/, `expected a Chinese refusal, got "${message}"`)
        console.log(`       reveal refused: ${message}`)
      } else {
        console.log('       reveal shown')
      }
    })

    await scenario('e farmer binds the household', page, async () => {
      assert.ok(household.id, 'scenario d did not create the household')
      await openLogin(page, base)
      await devLogin(page, '农户登录', '赵大山')
      await page.getByText('绑定我家').first().waitFor()
      await page.locator('.bind-name input').fill(household.headName)
      await page.locator('.bind-id input').fill(household.idNumber)
      await page.locator('.bind-phone input').fill(household.phone)
      await page.locator('.btn-bind').click()
      await page.getByText('农户视窗').waitFor()
      await page.locator('.member', { hasText: household.headName }).waitFor()
      const shownId = await textOf(page.locator('.member-id').first())
      assert.ok(!shownId.includes(household.idNumber), 'the farmer window shows masked ID numbers')
      assert.equal(await page.locator('.reveal-id').count(), 0)
      await page.locator('.event', { hasText: '登记农户' }).waitFor()
      await page.locator('.viewer', { hasText: '信息员 · 任庄村' }).first().waitFor()
      assert.equal(await page.getByText('绑定我家').count(), 0)
      const stored = await page.evaluate(() => localStorage.getItem('dixian.tokens'))
      assert.ok(stored && stored.includes('accessToken'), 'the new token pair is stored')
    })

    await scenario('f county cadre edits a household and opens it by its QR code', page, async () => {
      const token = await devToken(base, '郑晓明')
      const target = household.id
        ? await api(base, 'GET', `/api/households/${household.id}`, { token })
        : (await api(base, 'GET', '/api/households?limit=1', { token })).items[0]
      assert.ok(target, 'no household to edit')
      const address = `任庄村${Math.floor(Math.random() * 9) + 1}组${Math.floor(Math.random() * 90) + 10}号`
      const reason = '入户核实后更正住址'

      await openLogin(page, base)
      await devLogin(page, '干部登录', '郑晓明')
      assert.equal(await textOf(page.locator('.tag--role')), '县级干部')
      await page.locator('.link-households').click()
      await page.locator('.btn-export').waitFor()
      await page.locator('.search-no input').fill(target.householdNo)
      await page.locator('.btn-search').click()
      await page.locator('.household', { hasText: target.householdNo }).click()
      await page.locator('.facts-no', { hasText: target.householdNo }).waitFor()

      await page.locator('.btn-edit').click()
      await page.getByText('修改原因（必填').waitFor()
      await page.locator('.edit-address input').fill(address)
      await page.locator('.edit-reason textarea').fill(reason)
      await page.locator('.btn-save').click()

      // Back on the detail page, reloaded: the new address and the change in the history.
      await page.locator('.facts__row', { hasText: address }).waitFor()
      assert.ok(page.url().includes(`pages/households/detail?id=${target.id}`), `expected the detail page, got ${page.url()}`)
      const event = page.locator('.event', { hasText: reason }).first()
      await event.waitFor()
      const eventText = await textOf(event)
      assert.match(eventText, /修改农户信息/)
      assert.match(eventText, /县级干部/)
      assert.ok(eventText.includes('住址：') && eventText.includes(address), `expected the address change in "${eventText}"`)
      await page.screenshot({ path: join(screenshots, 'f-household-edited.png'), fullPage: true })

      // The household's QR carries the scan page link: opening it as a cadre lands on the household.
      const link = await readQrInPage(page, `/api/households/${target.id}/qr.png`, token)
      const code = new URLSearchParams(link.split('?')[1] ?? '').get('c')
      assert.ok(link.includes('/#/pages/scan/index?c=') && code, `unexpected QR content "${link}"`)
      console.log(`       QR code of ${target.householdNo}: ${code}`)
      await page.goto(`${base}/#/pages/households/index`)
      await page.locator('.btn-search').waitFor()
      await page.goto(`${base}/#/pages/scan/index?c=${encodeURIComponent(code)}`)
      await page.locator('.facts-no', { hasText: target.householdNo }).waitFor()
      assert.ok(page.url().includes(`pages/households/detail?id=${target.id}`), `expected the detail page, got ${page.url()}`)
      await page.locator('.facts__row', { hasText: address }).waitFor()
    })

    await scenario('g village cadre pairs a helper and the farmer sees them', page, async () => {
      assert.ok(household.id && household.no, 'scenario d did not create the household')
      const helper = {
        name: `帮扶${Math.random().toString(36).slice(2, 5)}`,
        unit: '兰考县农业农村局',
        position: '科员',
        phone: `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      }
      const masked = `${helper.phone.slice(0, 3)}****${helper.phone.slice(7)}`
      const reason = '新纳入监测，落实帮扶责任人'

      await openLogin(page, base)
      await devLogin(page, '干部登录', '李德福')
      assert.equal(await textOf(page.locator('.tag--role')), '村干部')
      await page.locator('.link-households').click()
      await page.locator('.search-no input').fill(household.no)
      await page.locator('.btn-search').click()
      await page.locator('.household', { hasText: household.no }).click()
      await page.locator('.facts-no', { hasText: household.no }).waitFor()
      await page.locator('.helpers__empty', { hasText: '暂无帮扶责任人' }).waitFor()

      await page.locator('.btn-pair').click()
      await page.locator('.btn-new-helper').click()
      assert.equal(await page.locator('.new-region input').inputValue(), '410225101201')
      await page.locator('.new-region-name', { hasText: '任庄村' }).waitFor()
      await page.locator('.new-name input').fill(helper.name)
      await page.locator('.new-unit input').fill(helper.unit)
      await page.locator('.new-position input').fill(helper.position)
      await page.locator('.new-phone input').fill(helper.phone)
      await page.locator('.btn-create-helper').click()
      await page.locator('.chosen__name', { hasText: helper.name }).waitFor()
      assert.ok((await textOf(page.locator('.chosen'))).includes(masked), 'the new helper shows with a masked phone')

      // The reason is required: the form says so before asking the server.
      await page.locator('.btn-confirm-pair').click()
      await page.locator('.field-error--reason').waitFor()
      await page.locator('.pair-reason input').fill(reason)
      await page.screenshot({ path: join(screenshots, 'g-pairing-form.png'), fullPage: true })
      await page.locator('.btn-confirm-pair').click()

      // Back on the detail page, reloaded: the pairing and the event in the history.
      const row = page.locator('.helper--current', { hasText: helper.name })
      await row.waitFor()
      assert.ok(page.url().includes(`pages/households/detail?id=${household.id}`), `expected the detail page, got ${page.url()}`)
      const rowText = await textOf(row)
      assert.ok(rowText.includes(masked) && !rowText.includes(helper.phone), `expected the masked phone in "${rowText}"`)
      assert.match(rowText, /兰考县农业农村局/)
      const event = page.locator('.event', { hasText: reason }).first()
      await event.waitFor()
      assert.match(await textOf(event), /结对帮扶责任人/)
      await row.locator('.btn-end-pairing').waitFor()
      await page.screenshot({ path: join(screenshots, 'g-household-paired.png'), fullPage: true })

      // The same helper twice: the server refuses with 409.
      const token = await devToken(base, '李德福')
      const pairings = await api(base, 'GET', `/api/households/${household.id}/helpers`, { token })
      const paired = pairings.find((p) => p.current && p.helper.name === helper.name)
      assert.ok(paired, 'the pairing is listed by the API')
      await assert.rejects(
        api(base, 'POST', `/api/households/${household.id}/helpers`, { token, body: { helperId: paired.helper.id, reason: '重复结对' } }),
        / 409: /,
      )

      // The farmer bound in (e) sees the helper in 农户视窗 and asks for the full number.
      await openLogin(page, base)
      await devLogin(page, '农户登录', '赵大山')
      await page.getByText('农户视窗').waitFor()
      const farmerRow = page.locator('.helper--current', { hasText: helper.name })
      await farmerRow.waitFor()
      assert.ok((await textOf(farmerRow)).includes(masked), 'the farmer first sees the masked phone')
      assert.equal(await page.locator('.btn-end-pairing').count(), 0)
      await farmerRow.locator('.btn-contact').click()
      await farmerRow.locator('.helper__phone', { hasText: helper.phone }).waitFor()
      await page.screenshot({ path: join(screenshots, 'g-farmer-contacts-helper.png'), fullPage: true })
    })

    await scenario('h farmer declares a risk, the village cadre sees it, then opens one after a visit', page, async () => {
      assert.ok(household.id, 'scenario d did not create the household')
      const description = `老人住院，自付医疗费较多（${Math.random().toString(36).slice(2, 6)}）`
      const phone = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
      const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`

      async function fillDeclaration() {
        await page.locator('.declare-risk', { hasText: '因病' }).click()
        await page.locator('.declare-description textarea').fill(description)
        await page.locator('.declare-medical input').fill('12000')
        await page.locator('.declare-phone input').fill(phone)
        await page.locator('.declare-consent').click()
      }

      // The farmer bound in (e) opens 申报风险 from 农户视窗.
      await openLogin(page, base)
      await devLogin(page, '农户登录', '赵大山')
      await page.getByText('农户视窗').waitFor()
      await page.locator('.link-declare').click()
      await page.getByText('同意村干部入户核实，并将所填信息用于防止返贫监测帮扶').waitFor()
      // Nothing chosen: the form says so before asking the server.
      await page.locator('.btn-declare').click()
      await page.locator('.field-error--riskTypes').waitFor()
      await page.locator('.field-error--consent').waitFor()
      await fillDeclaration()
      await page.screenshot({ path: join(screenshots, 'h-declaration-form.png'), fullPage: true })
      await page.locator('.btn-declare').click()

      // The new case: awaiting the home visit, with a due date in working days.
      await page.locator('.case-stage', { hasText: '待入户核实' }).waitFor()
      const caseId = Number(new URL(page.url().replace('#', '')).searchParams.get('id'))
      assert.ok(page.url().includes('pages/cases/detail?id=') && caseId > 0, `expected the case detail, got ${page.url()}`)
      assert.match(await textOf(page.locator('.case-due')), /^办理时限 \d{4}-\d{2}-\d{2}/)
      assert.equal(await textOf(page.locator('.case-risks')), '因病')
      assert.equal(await textOf(page.locator('.case-description')), description)
      assert.equal(await textOf(page.locator('.case-phone')), masked)
      await page.locator('.step', { hasText: '农户申报' }).waitFor()
      await page.locator('.step', { hasText: '派发入户核实任务' }).waitFor()
      await page.locator('.btn-withdraw').waitFor()
      await page.screenshot({ path: join(screenshots, 'h-case-declared.png'), fullPage: true })

      // A second declaration while this one is open: 409 and a way to the open one.
      await page.goto(`${base}/#/pages/cases/declare`)
      await page.locator('.declare-description textarea').waitFor()
      await fillDeclaration()
      await page.locator('.btn-declare').click()
      await page.locator('.btn-existing').waitFor()
      assert.match(await textOf(page.locator('.error-notice')), /已有一件申报正在办理/)
      await page.screenshot({ path: join(screenshots, 'h-declaration-conflict.png'), fullPage: true })
      await page.locator('.btn-existing').click()
      await page.locator('.case-description', { hasText: description }).waitFor()
      assert.ok(page.url().includes(`pages/cases/detail?id=${caseId}`), `expected the open case, got ${page.url()}`)

      // The village cadre sees it among the region's open cases (辖区在办案件), read-only.
      await openLogin(page, base)
      await devLogin(page, '干部登录', '李德福')
      await page.locator('.link-cases').click()
      const row = page.locator('.case', { hasText: '任庄村' }).first()
      await row.waitFor()
      const rowText = await textOf(row)
      assert.ok(rowText.includes('因病') && rowText.includes('待入户核实') && /办理时限 \d{4}-\d{2}-\d{2}/.test(rowText), `unexpected row "${rowText}"`)
      await page.screenshot({ path: join(screenshots, 'h-cadre-open-cases.png'), fullPage: true })
      await row.click()
      await page.locator('.case-description', { hasText: description }).waitFor()
      await page.locator('.step', { hasText: '派发入户核实任务' }).waitFor()
      assert.equal(await page.locator('.btn-withdraw').count(), 0)

      // The farmer withdraws from 我的申报; the case leaves the cadre's open list.
      await openLogin(page, base)
      await devLogin(page, '农户登录', '赵大山')
      await page.locator('.link-my-cases').click()
      await page.locator('.case', { hasText: '待入户核实' }).first().click()
      await page.locator('.btn-withdraw').click()
      await page.locator('.withdraw-reason input').fill('家人已出院，困难已解决')
      await page.locator('.btn-confirm-withdraw').click()
      await page.locator('.case-stage', { hasText: '已撤回' }).waitFor()
      await page.locator('.step', { hasText: '农户撤回申报' }).waitFor()
      await page.locator('.step', { hasText: '家人已出院，困难已解决' }).waitFor()
      assert.equal(await page.locator('.btn-withdraw').count(), 0)
      const token = await devToken(base, '李德福')
      const open = await api(base, 'GET', '/api/cases', { token })
      assert.ok(!open.items.some((c) => c.id === caseId), 'the withdrawn case is no longer listed as open')

      // The village cadre finds a risk on a visit and opens a case for the same household from its page.
      const found = `走访得知户主务工受伤，收入明显减少（${Math.random().toString(36).slice(2, 6)}）`
      await openLogin(page, base)
      await devLogin(page, '干部登录', '李德福')
      await page.locator('.link-households').click()
      await page.locator('.search-no input').fill(household.no)
      await page.locator('.btn-search').click()
      await page.locator('.household', { hasText: household.no }).click()
      await page.locator('.facts-no', { hasText: household.no }).waitFor()
      await page.locator('.btn-open-case').click()
      await page.locator('.open-source', { hasText: '走访发现' }).waitFor()
      assert.ok(page.url().includes(`pages/cases/open?householdId=${household.id}`), `expected the opening form, got ${page.url()}`)
      // Nothing chosen: the form says so before asking the server.
      await page.locator('.btn-open-submit').click()
      await page.locator('.field-error--source').waitFor()
      await page.locator('.field-error--riskTypes').waitFor()
      await page.locator('.open-source', { hasText: '走访发现' }).click()
      await page.locator('.open-risk', { hasText: '因病' }).click()
      await page.locator('.open-description textarea').fill(found)
      await page.screenshot({ path: join(screenshots, 'h-cadre-opening-form.png'), fullPage: true })
      await page.locator('.btn-open-submit').click()

      // The opened case awaits the home visit, like a declaration.
      await page.locator('.case-stage', { hasText: '待入户核实' }).waitFor()
      const openedId = Number(new URL(page.url().replace('#', '')).searchParams.get('id'))
      assert.ok(page.url().includes('pages/cases/detail?id=') && openedId > 0 && openedId !== caseId, `expected the new case, got ${page.url()}`)
      assert.match(await textOf(page.locator('.case-open')), /走访发现/)
      assert.equal(await textOf(page.locator('.case-description')), found)
      await page.locator('.step', { hasText: '干部发起识别' }).waitFor()
      await page.locator('.step', { hasText: '派发入户核实任务' }).waitFor()
      await page.screenshot({ path: join(screenshots, 'h-cadre-opened-case.png'), fullPage: true })

      // The farmer sees it in 我的申报 but may not withdraw a case a cadre opened.
      await openLogin(page, base)
      await devLogin(page, '农户登录', '赵大山')
      await page.locator('.link-my-cases').click()
      await page.locator('.case', { hasText: '待入户核实' }).first().click()
      await page.locator('.case-description', { hasText: found }).waitFor()
      assert.ok(page.url().includes(`pages/cases/detail?id=${openedId}`), `expected the opened case, got ${page.url()}`)
      await page.locator('.step', { hasText: '干部发起识别' }).waitFor()
      assert.equal(await page.locator('.btn-withdraw').count(), 0)
      await page.screenshot({ path: join(screenshots, 'h-farmer-sees-opened-case.png'), fullPage: true })

      // The village cadre visits the household and records it; the case moves on to the village review.
      await context.grantPermissions(['geolocation'])
      await context.setGeolocation({ latitude: 34.82, longitude: 114.82, accuracy: 15 })
      await openLogin(page, base)
      await devLogin(page, '干部登录', '李德福')
      await page.goto(`${base}/#/pages/cases/detail?id=${openedId}`)
      await page.locator('.case-stage', { hasText: '待入户核实' }).waitFor()
      await page.locator('.btn-visit').click()
      await page.locator('.btn-visit-submit').waitFor()
      assert.ok(page.url().includes(`pages/cases/visit?id=${openedId}`), `expected the visit form, got ${page.url()}`)
      // Nothing answered: every check is asked for before asking the server.
      await page.locator('.btn-visit-submit').click()
      await page.locator('.field-error--foodAndClothing').waitFor()
      await page.locator('.field-error--location').waitFor()
      for (const key of ['foodAndClothing', 'education', 'housing', 'drinkingWater']) {
        await page.locator(`.visit-check--${key} .visit-yes`).click()
      }
      await page.locator('.visit-check--medical .visit-no').click()
      await page.locator('.visit-income input').fill('5200')
      await page.locator('.visit-expenditure input').fill('30000')
      await page.locator('.visit-description textarea').fill('户主务工受伤住院，自付医疗费约 3 万元，家中暂无其他劳动力')
      await page.locator('.btn-locate').click()
      await page.locator('.visit-location', { hasText: '精度约 15 米' }).waitFor()
      await page.screenshot({ path: join(screenshots, 'h-cadre-visit-form.png'), fullPage: true })
      await page.locator('.btn-visit-submit').click()
      await page.locator('.case-stage', { hasText: '待村评议' }).waitFor()
      assert.ok(page.url().includes(`pages/cases/detail?id=${openedId}`), `expected the case again, got ${page.url()}`)
      await page.locator('.step', { hasText: '完成入户核实' }).waitFor()
      assert.equal(await page.locator('.btn-visit').count(), 0)
      await page.screenshot({ path: join(screenshots, 'h-cadre-visited-case.png'), fullPage: true })
    })

    const { chainWalk } = await import('./chain.mjs')
    await scenario('i the identification chain from declaration to county approval', page, () =>
      chainWalk({ page, base, context, screenshots, household, openLogin, devLogin, api, devToken, textOf }),
    )
    const { ticketsWalk } = await import('./tickets.mjs')
    await scenario('j a complaint from filing to closing', page, () =>
      ticketsWalk({ page, base, screenshots, openLogin, devLogin, api, devToken, textOf }),
    )
    const { policiesWalk } = await import('./policies.mjs')
    await scenario('k a policy with conditions reaches the farmer it is for', page, () =>
      policiesWalk({ page, base, screenshots, household, openLogin, devLogin, api, devToken, textOf }),
    )
    const { fieldworkWalk } = await import('./fieldwork.mjs')
    await scenario('l a resident cadre checks in, writes a log and takes leave; the township sees attendance', page, () =>
      fieldworkWalk({ page, base, context, screenshots, openLogin, devLogin, api, devToken, textOf }),
    )

    if (consoleErrors.length) console.log(`page errors seen:\n  ${consoleErrors.join('\n  ')}`)
    if (results.some((r) => !r.ok)) printBackendLog(logFile)
  } catch (error) {
    setupError = error
    console.error(`e2e setup failed: ${error?.stack || error}`)
    printBackendLog(logFile)
  } finally {
    await cleanup()
  }

  const passed = results.filter((r) => r.ok).length
  const failed = results.length - passed + (setupError ? 1 : 0)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed === 0 ? 0 : 1)
}

main()
