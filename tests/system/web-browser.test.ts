/**
 * The web console in a real browser: Debian's headless Chromium driven by playwright-core, on a
 * phone-sized screen with WeChat's in-app browser user agent. Ask and follow a citation, filter the
 * reply list, log in, upload a DOCX and get it answered. With UPDATE_SCREENSHOTS=1 the run also
 * writes the README's screenshots to docs/.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { chromium, type Browser, type Page } from 'playwright-core'
import { PROJECT_ROOT } from '../../index/index.js'
import { STAFF, consoleWorld, type ConsoleWorld } from '../support/web-console.js'

const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64'
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(PROJECT_ROOT, 'docs') : mkdtempSync(path.join(tmpdir(), 'dafu-shots-'))
const missing = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does it)`

let world: ConsoleWorld
let url: string
let browser: Browser

before(
  async () => {
    if (missing) return
    world = await consoleWorld()
    url = await world.serve()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 })
  },
  { timeout: 240_000 },
)
after(async () => {
  await browser?.close()
  await world?.close()
})

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 760 }, userAgent: WECHAT_UA, locale: 'zh-CN', isMobile: true, hasTouch: true })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  return page
}

const inViewport = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect()
    return box.top >= 0 && box.top < window.innerHeight
  })

test('ask a question and follow a citation to the highlighted passage', { skip: missing }, async () => {
  const page = await phone()
  await page.goto(url)
  await page.fill('input[name=q]', '区科委关于概念验证中心的答复')
  await Promise.all([page.waitForURL(/\?q=/), page.click('form.ask button')])
  const passage = (await page.textContent('.passage blockquote'))!
  assert.match(passage, /概念验证中心/)
  assert.match((await page.textContent('.contacts'))!, /联系人/)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `the page fits the phone's width (overflows by ${overflow}px)`)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'console-question.png') })

  await Promise.all([page.waitForURL(/\/replies\/.+\?hl=\d+-\d+#s\d+$/), page.click('a.citation >> nth=0')])
  await page.waitForSelector('mark.hl')
  assert.equal(await page.textContent('mark.hl'), passage, 'the quoted passage is the one highlighted')
  await page.waitForFunction(() => {
    const box = document.querySelector('mark.hl')!.getBoundingClientRect()
    return box.top >= 0 && box.top < window.innerHeight
  })
  assert.ok(await inViewport(page, 'mark.hl'), 'and scrolled into view')
  await page.screenshot({ path: path.join(SCREENSHOTS, 'console-reply.png') })
  await page.context().close()
})

test('filter the reply list by unit', { skip: missing }, async () => {
  const page = await phone()
  await page.goto(`${url}/replies`)
  const all = await page.locator('ul.replies li').count()
  const unit = world.live.current.documents.find((doc) => doc.unit)!.unit!
  await page.selectOption('select[name=unit]', unit)
  await Promise.all([page.waitForURL(/unit=/), page.click('form.filters button')])
  const metas = await page.locator('ul.replies li .muted').allTextContents()
  assert.ok(metas.length > 0 && metas.length < all, `${metas.length} of ${all}`)
  assert.ok(metas.every((meta) => meta.includes(unit)))
  assert.equal(await page.inputValue('select[name=unit]'), unit, 'the filter stays selected')
  await page.context().close()
})

test('log in, upload a DOCX, watch the ingest, and see a question about it answered', { skip: missing }, async () => {
  const page = await phone()
  await page.goto(`${url}/admin`)
  assert.match(page.url(), /\/admin\/login$/)
  await page.fill('input[name=user]', STAFF.user)
  await page.fill('input[name=password]', STAFF.password)
  await Promise.all([page.waitForURL(/\/admin$/), page.click('form button')])
  assert.equal(await page.textContent('b.build'), world.live.current.buildId)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'console-status.png') })

  await page.goto(`${url}/admin/upload`)
  await page.setInputFiles('input[type=file]', path.join(PROJECT_ROOT, 'tests/fixtures/sample-reply.docx'))
  await Promise.all([page.waitForURL(/\/admin\/ingest$/), page.click('form[enctype] button')])
  await page.waitForSelector('#ingest-progress[data-finished=ok]', { timeout: 120_000 })
  assert.match((await page.textContent('#ingest-progress .result'))!, /完成/)

  await page.goto(url)
  await page.fill('input[name=q]', '共享工具屋怎么借用？')
  await Promise.all([page.waitForURL(/\?q=/), page.click('form.ask button')])
  assert.match((await page.textContent('.passage blockquote'))!, /共享工具屋/)
  assert.match((await page.textContent('.contacts'))!, /张示范/)

  await page.goto(`${url}/?q=${encodeURIComponent('明天上海天气怎么样？')}`)
  assert.equal(await page.getAttribute('.answer', 'data-answered'), 'false', 'a question no reply covers is refused')

  await page.goto(`${url}/admin/questions`)
  const today = page.locator('svg.chart g.day').last()
  assert.ok(Number(await today.getAttribute('data-questions')) >= 3, 'the questions asked in this run are charted')
  assert.match((await page.textContent('table.unanswered'))!, /明天上海天气怎么样/)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'console-questions.png') })
  await page.context().close()
})
