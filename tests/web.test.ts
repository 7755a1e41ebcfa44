/**
 * The web console over real HTTP: a bare fastify app with the web channel, the real engine and a real
 * index of a few corpus files. Each test looks at what a visitor or a staff member would see.
 */
import assert from 'node:assert/strict'
import { questionLogFiles } from '../bot/conversation/log.js'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { load } from 'cheerio'
import { safeFileName } from '../bot/channels/web/uploads.js'
import { loadConfig } from '../bot/config.js'
import { Client, CONSOLE_CORPUS, SKIPPED_FILE, STAFF, consoleWorld, ingestEnded, type ConsoleWorld } from './support/web-console.js'

let world: ConsoleWorld
let url: string

before(
  async () => {
    world = await consoleWorld()
    url = await world.serve({ uploadMaxMb: 1, uploadMaxFiles: 3 })
  },
  { timeout: 180_000 },
)
after(() => world?.close())

const QUESTION = '长宁有什么创业扶持？'
const squeeze = (text: string) => text.replace(/\s+/g, '')

async function loggedIn(base = url): Promise<Client> {
  const client = new Client(base)
  const response = await client.login()
  assert.equal(response.status, 303)
  assert.equal(response.headers.get('location'), '/admin')
  return client
}

function upload(client: Client, csrf: string | undefined, files: { name: string; content: Buffer | string }[]): Promise<Response> {
  const body = new FormData()
  if (csrf !== undefined) body.append('_csrf', csrf)
  for (const { name, content } of files) body.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name)
  return client.request('/admin/upload', { method: 'POST', body })
}

test('the question page shows the engine’s passages verbatim, each citation links to its section with the passage highlighted, and the contact', async () => {
  const client = new Client(url)
  const { status, body } = await client.page(`/?q=${encodeURIComponent(QUESTION)}`)
  assert.equal(status, 200)
  const $ = load(body)
  const expected = await world.engine.respond(QUESTION)
  assert.equal(expected.reply.answered, true)
  assert.deepEqual($('.passage blockquote').map((_, el) => $(el).text()).get(), expected.reply.passages.map((p) => p.text))
  const doc = world.live.current.getDocument(expected.reply.passages[0].docId)!
  assert.ok(squeeze($('.contacts').text()).includes(squeeze(`联系人 ${doc.contact!.name}`)))
  assert.ok($('.contacts').text().includes(doc.contact!.phone!))

  const href = $('a.citation').first().attr('href')!
  assert.match(href, new RegExp(`^/replies/${doc.id}\\?hl=\\d+-\\d+#s\\d+$`))
  const reply = load((await client.page(href)).body)
  const anchor = href.split('#')[1]
  assert.equal(reply('mark.hl').text(), expected.reply.passages[0].text, 'the cited passage is highlighted, verbatim')
  assert.equal(reply('mark.hl').closest('section').attr('id'), anchor, 'inside the section the link points to')
})

test('what an answer says before its passages (the fact asked, that the reply asked for is not here) is shown above them', async () => {
  const client = new Client(url)
  for (const question of ['硅巷那份答复是哪天的', '辛洁暐委员关于数字化转型的提案', '仲静云委员的提案']) {
    const $ = load((await client.page(`/?q=${encodeURIComponent(question)}`)).body)
    const expected = await world.engine.respond(question)
    assert.ok(expected.reply.passages.length > 0 && expected.reply.lead, `${question}: ${expected.reply.text}`)
    assert.equal($('.lead').text().trim(), expected.reply.lead, question)
    assert.ok($('.lead').index() < $('.passage').first().index(), question)
  }
})

test('a question no reply covers gets the honest refusal, and a question is shown escaped, never as markup', async () => {
  const client = new Client(url)
  const refusal = load((await client.page(`/?q=${encodeURIComponent('明天上海天气怎么样')}`)).body)
  assert.equal(refusal('.answer').attr('data-answered'), 'false')
  assert.match(refusal('.answer').text(), /没有找到/)
  assert.equal(refusal('.passage').length, 0)

  const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
  const { status, body } = await client.page(`/?q=${encodeURIComponent(hostile)}`)
  assert.equal(status, 200)
  assert.ok(!body.includes('<script>alert(1)') && !body.includes('<img src=x'), 'no markup from the question')
  assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
  assert.equal(load(body)('input[name=q]').attr('value'), hostile, 'the box keeps the question as typed')
})

test('questions from one address are limited per minute like chat messages: over the limit a 429 page says to wait; browsing is not limited', async () => {
  const limited = await world.serve({ rateLimitPerMinute: 2 })
  const client = new Client(limited)
  for (let i = 0; i < 2; i++) assert.equal((await client.page(`/?q=${encodeURIComponent(QUESTION)}`)).status, 200)
  const over = await client.page(`/?q=${encodeURIComponent('静安区社区食堂')}`)
  assert.equal(over.status, 429)
  assert.match(load(over.body)('main').text(), /请稍等一分钟/)
  assert.equal((await client.page('/replies')).status, 200)
  assert.equal((await client.page('/')).status, 200)
})

test('the reply list filters by unit, kind, session, year, proposer and number, and searches titles', async () => {
  const client = new Client(url)
  const docs = world.live.current.documents
  const listed = async (query: string) => load((await client.page(`/replies${query}`)).body)('ul.replies li a').map((_, el) => el.attribs.href).get()
  assert.equal((await listed('')).length, CONSOLE_CORPUS.length)

  const unit = docs.find((doc) => doc.unit)!.unit!
  const byUnit = await listed(`?unit=${encodeURIComponent(unit)}`)
  assert.deepEqual(byUnit, docs.filter((doc) => doc.unit === unit).map((doc) => `/replies/${doc.id}`))
  assert.ok(byUnit.length < docs.length)

  const seed = docs.find((doc) => doc.number && doc.date && doc.proposers.length && doc.session)!
  for (const query of [
    `?number=${seed.number}`,
    `?proposer=${encodeURIComponent(seed.proposers[1] ?? seed.proposers[0])}`,
    `?session=${encodeURIComponent(seed.session!)}`,
    `?year=${seed.date!.slice(0, 4)}`,
    `?title=${encodeURIComponent(seed.title!.slice(6, 12))}`,
  ]) {
    const found = await listed(query)
    assert.ok(found.includes(`/replies/${seed.id}`), `${query} finds the reply`)
    assert.ok(found.length < docs.length, `${query} filters`)
  }
  assert.deepEqual(await listed(`?kind=${encodeURIComponent('协办')}`), [], 'no 协办函 in this corpus')
  assert.equal((await listed(`?kind=${encodeURIComponent('提案')}`)).length, docs.filter((doc) => doc.kind?.includes('提案')).length)
  assert.deepEqual(await listed(`?title=${encodeURIComponent('不存在的标题词')}`), [])
})

test('a reply page shows its metadata and its whole text in sections, in order, each with an anchor', async () => {
  const doc = world.live.current.documents.find((d) => d.contact?.name && d.signer && d.result && d.date)!
  const { status, body } = await new Client(url).page(`/replies/${doc.id}`)
  assert.equal(status, 200)
  const $ = load(body)
  const meta = Object.fromEntries($('dl.meta dt').map((_, dt) => [[$(dt).text(), $(dt).next('dd').text()]]).get())
  assert.equal(meta['编号'], `第${doc.number}号`)
  assert.equal(meta['届次'], doc.session)
  assert.equal(meta['标题'], `《${doc.title}》`)
  assert.equal(meta['提出人'], doc.proposers.join('、'))
  assert.equal(meta['承办单位'], doc.unit)
  assert.match(meta['日期'], new RegExp(`^${doc.date!.slice(0, 4)}年`))
  assert.equal(meta['办理结果'], doc.result)
  assert.equal(meta['签发人'], doc.signer)
  assert.ok(meta['联系人'].includes(doc.contact!.name!))
  const sections = $('section.part')
  assert.ok(sections.length > 3)
  assert.deepEqual(sections.map((_, el) => el.attribs.id).get(), sections.map((i) => `s${i + 1}`).get())
  const text = sections.map((_, el) => $(el).contents().filter((__, node) => node.type === 'text').text()).get().join('')
  assert.equal(text, doc.text, 'the sections together are the reply, verbatim')
})

test('unknown replies, hostile paths and unknown addresses are pages, not stack traces or files', async () => {
  const client = new Client(url)
  for (const address of ['/replies/nope', '/replies/..%2F..%2Fpackage.json', '/static/..%2F..%2F..%2Fpackage.json', '/static/console.css%00', '/etc/passwd']) {
    const response = await client.request(address)
    assert.ok([400, 404].includes(response.status), `${address}: ${response.status}`)
    assert.match(response.headers.get('content-type')!, /text\/html/)
    const body = await response.text()
    assert.ok(!body.includes('"name"') && !body.includes(' at '), `${address} leaks nothing`)
  }
  const css = await client.request('/static/console.css')
  assert.equal(css.status, 200)
  assert.match(css.headers.get('content-type')!, /text\/css/)
  assert.match((await client.request('/')).headers.get('content-security-policy')!, /script-src 'self'/)
})

test('staff pages say they are disabled when no credentials are configured', async () => {
  const base = await world.serve({ consoleUser: undefined, consolePassword: undefined })
  const client = new Client(base)
  for (const address of ['/admin', '/admin/login', '/admin/upload', '/admin/questions']) {
    const { status, body } = await client.page(address)
    assert.equal(status, 403)
    assert.match(body, /员工页面未启用[\s\S]*CONSOLE_USER/)
  }
  const login = await client.request('/admin/login', { method: 'POST', body: new URLSearchParams(STAFF) })
  assert.equal(login.status, 403)
})

test('login: staff pages need it, a wrong password is refused, a form without its CSRF token is refused, the right one opens a session', async () => {
  const client = new Client(url)
  const closed = await client.request('/admin')
  assert.equal(closed.status, 303)
  assert.equal(closed.headers.get('location'), '/admin/login')
  assert.equal((await client.request('/admin/ingest/progress')).status, 403)

  const wrong = await client.login(STAFF.user, 'guess')
  assert.equal(wrong.status, 401)
  assert.match(await wrong.text(), /用户名或密码不正确/)
  const noCsrf = await client.request('/admin/login', { method: 'POST', body: new URLSearchParams(STAFF) })
  assert.equal(noCsrf.status, 403)
  assert.match(await noCsrf.text(), /CSRF/)
  const forged = await client.request('/admin/login', { method: 'POST', body: new URLSearchParams({ ...STAFF, _csrf: 'forged' }) })
  assert.equal(forged.status, 403)

  const ok = await client.login()
  assert.equal(ok.status, 303)
  const cookie = ok.headers.getSetCookie().find((line) => line.startsWith('dafu_staff='))!
  assert.match(cookie, /HttpOnly/i)
  assert.match(cookie, /SameSite=Strict/i)
  assert.equal((await client.page('/admin')).status, 200)

  assert.equal((await client.post('/admin/logout', {})).status, 303)
  assert.equal((await client.request('/admin')).status, 303, 'logged out')
})

test('repeated wrong passwords lock the client out, even from the right password', async () => {
  const base = await world.serve()
  const client = new Client(base)
  const statuses: number[] = []
  for (let i = 0; i < 5; i++) statuses.push((await client.login(STAFF.user, `wrong ${i}`)).status)
  assert.deepEqual(statuses, [401, 401, 401, 401, 429])
  const right = await client.login()
  assert.equal(right.status, 429)
  assert.match(await right.text(), /已暂时锁定/)
  assert.equal((await client.request('/admin')).status, 303, 'no session was opened')
})

test('the status page shows the build, its counts, skipped files with reasons and what each reply lacks', async () => {
  const client = await loggedIn()
  const $ = load((await client.page('/admin')).body)
  const { manifest } = world.live.current
  assert.equal($('.build').text(), manifest.buildId)
  assert.equal($('b.documents').text(), String(manifest.documents))
  assert.equal($('.chunks').text(), String(manifest.chunks))
  const skipped = $('table.skipped tr').filter((_, tr) => $(tr).text().includes(SKIPPED_FILE))
  assert.match(skipped.text(), /empty file/)
  const lacking = world.live.current.documents.find((doc) => !doc.unit && !doc.date)!
  const row = $('table.missing tr').filter((_, tr) => $(tr).text().includes(lacking.file))
  assert.match(row.text(), /日期/)
  assert.match(row.text(), /承办单位/)
  const complete = world.live.current.documents.find((doc) => doc.unit && doc.date && doc.contact?.name)!
  assert.equal($('table.missing tr').filter((_, tr) => $(tr).text().includes(complete.file)).length, 0)
  // Every staff form carries the CSRF token.
  for (const form of $('form[method=post]').toArray()) assert.equal($(form).find('input[name=_csrf]').length, 1)
})

test('forms without the CSRF token are refused: rebuild, remove, upload (nothing written)', async () => {
  const client = await loggedIn()
  const before = readdirSync(world.corpusDir).sort()
  const doc = world.live.current.documents[0]
  for (const [address, fields] of [['/admin/ingest', {}], [`/admin/replies/${doc.id}/remove`, {}], ['/admin/ingest', { _csrf: 'forged' }]] as const) {
    const response = await client.request(address, { method: 'POST', body: new URLSearchParams(fields) })
    assert.equal(response.status, 403, address)
  }
  const multipart = new FormData()
  multipart.append('anything', 'x')
  assert.equal((await client.request('/admin/ingest', { method: 'POST', body: multipart })).status, 403, 'a multipart body is no way around the token')
  assert.equal((await upload(client, undefined, [{ name: 'new.txt', content: '对某某提案的答复' }])).status, 403)
  assert.equal((await upload(client, 'forged', [{ name: 'new.txt', content: '对某某提案的答复' }])).status, 403)
  assert.deepEqual(readdirSync(world.corpusDir).sort(), before)
  assert.equal((await ingestEnded(client)).running, false)
})

test('upload limits: size, count, type and content are checked, and a rejected upload writes nothing', async () => {
  const client = await loggedIn()
  const csrf = await client.csrf('/admin/upload')
  const before = readdirSync(world.corpusDir).sort()
  const cases: [string, { name: string; content: Buffer | string }[], number, RegExp][] = [
    ['too large', [{ name: 'big.txt', content: Buffer.alloc(1.5 * 1024 * 1024, 'a') }], 413, /文件过大/],
    ['too many', ['a', 'b', 'c', 'd'].map((n) => ({ name: `${n}.txt`, content: `答复${n}` })), 413, /文件过多/],
    ['wrong type', [{ name: 'tool.exe', content: 'MZ' }], 400, /不支持的文件/],
    ['not what it says', [{ name: 'fake.pdf', content: 'just text' }], 400, /内容与类型不符/],
    ['a good one and a bad one', [{ name: 'good.txt', content: '答复' }, { name: 'bad.zip', content: 'PK' }], 400, /不支持的文件/],
  ]
  for (const [what, files, status, message] of cases) {
    const response = await upload(client, csrf, files)
    assert.equal(response.status, status, what)
    assert.match(await response.text(), message, what)
    assert.deepEqual(readdirSync(world.corpusDir).sort(), before, `${what}: nothing written`)
  }
})

test('a hostile file name is reduced to a safe name inside the corpus folder, and an XSS string inside the document is shown escaped', async () => {
  const client = await loggedIn()
  const csrf = await client.csrf('/admin/upload')
  const xss = '<script>alert("xss")</script>'
  const content = [
    'source: javascript:alert(document.cookie)',
    '对示范区政协第一届一次会议第099号提案的答复',
    '办理结果：解决或采纳 签发人：李示范',
    '王示例委员：',
    `您提出的《关于${xss}设置社区共享雨伞站的建议》的提案收悉，现将办理情况答复如下：`,
    '一、具体举措',
    `今年我们在地铁站口设置了共享雨伞站，居民扫码即可免费借用雨伞，七天内归还。<img src=x onerror=alert(1)>`,
    '示范区民政局',
    '2025年3月27日',
    '（联系人：张示范；联系电话：52564588）',
  ].join('\n')
  const hostileName = '../../<img src=x onerror=alert(1)>雨伞.txt'
  const response = await upload(client, csrf, [{ name: hostileName, content }])
  assert.equal(response.status, 303)
  assert.equal(response.headers.get('location'), '/admin/ingest')
  const progress = load((await client.page('/admin/ingest')).body)
  assert.match(progress('.reason').text(), /^上传 .*雨伞\.txt$/)
  assert.equal(progress('.reason img').length, 0, 'the name is not markup on the page')

  const added = readdirSync(world.corpusDir).filter((file) => !CONSOLE_CORPUS.includes(file) && file !== SKIPPED_FILE)
  assert.equal(added.length, 1)
  assert.match(added[0], /^[^/\\<>]*雨伞\.txt$/)
  assert.ok(!existsSync(path.join(world.root, '雨伞.txt')) && !existsSync(path.join(world.corpusDir, '..', '..', '雨伞.txt')))
  assert.equal(readFileSync(path.join(world.corpusDir, added[0]), 'utf8'), content)

  const state = await ingestEnded(client)
  assert.equal(state.ok, true, state.result)
  const doc = world.live.current.documents.find((d) => d.file === added[0])
  assert.ok(doc, 'the new build is served without a restart')
  assert.equal(state.build, world.live.current.buildId)

  for (const address of [`/replies/${doc.id}`, '/replies', `/?q=${encodeURIComponent('共享雨伞站怎么借')}`, '/admin']) {
    const body = (await client.page(address)).body
    assert.ok(body.includes('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;') || body.includes('&lt;img src=x'), `${address} shows the text escaped`)
    assert.ok(!body.includes(xss) && !body.includes('<img src=x'), `${address} has no markup from the document`)
    assert.ok(!/href="\s*javascript:/i.test(body), `${address} makes no javascript: link of the source line`)
  }
  const answer = load((await client.page(`/?q=${encodeURIComponent('共享雨伞站怎么借')}`)).body)
  assert.match(answer('.passage').text(), /共享雨伞站/, 'the uploaded reply answers questions')
})

test('the ingest page shows progress from the JSON endpoint; removing a reply takes it out of the served index', async () => {
  const client = await loggedIn()
  const doc = world.live.current.documents.find((d) => d.file === CONSOLE_CORPUS[1])!
  const response = await client.post(`/admin/replies/${doc.id}/remove`, {})
  assert.equal(response.status, 303)
  const $ = load((await client.page(response.headers.get('location')!)).body)
  assert.equal($('.reason').text(), `删除 ${doc.file}`)
  assert.equal($('#ingest-progress').attr('data-src'), '/admin/ingest/progress')
  assert.equal($('#ingest-progress progress').length, 1)
  const state = await ingestEnded(client)
  assert.equal(state.ok, true, state.result)
  assert.match(state.result!, /完成/)
  assert.ok(!existsSync(path.join(world.corpusDir, doc.file)))
  assert.equal(world.live.current.getDocument(doc.id), undefined)
  assert.equal((await client.request(`/replies/${doc.id}`)).status, 404)

  const rebuild = await client.post('/admin/ingest', {})
  assert.equal(rebuild.status, 303)
  assert.equal(rebuild.headers.get('location'), '/admin/ingest')
  assert.equal((await ingestEnded(client)).ok, true)
})

test('what residents asked: questions per day and the answered share as an SVG chart, and the most frequent unanswered questions', async () => {
  const asker = new Client(url)
  const unanswered = '明天上海天气怎么样？打电话13812345678'
  for (const q of [unanswered, unanswered, QUESTION]) await asker.page(`/?q=${encodeURIComponent(q)}`)
  const client = await loggedIn()
  const $ = load((await client.page('/admin/questions?days=7')).body)
  const today = $('svg.chart g.day').last()
  const total = Number(today.attr('data-questions'))
  const answered = Number(today.attr('data-answered'))
  assert.ok(total >= 3 && answered >= 1 && answered < total, `today: ${total} asked, ${answered} answered`)
  assert.equal($('svg.chart g.day').length, 7)
  assert.equal(Number($('.total').text()), total)
  const rows = $('table.unanswered tr').slice(1)
  const first = rows.filter((_, tr) => $(tr).text().includes('明天上海天气怎么样')).first()
  assert.ok(Number(first.find('td').first().text()) >= 2, 'the repeated question is counted')
  assert.ok(!$('table.unanswered').text().includes('13812345678'), 'phone numbers are masked')
  const logged = questionLogFiles(world.logDir).flatMap((file) => readFileSync(file, 'utf8').trim().split('\n')).map((line) => JSON.parse(line))
  assert.ok(logged.every((event) => event.channel === 'web' && !JSON.stringify(event).includes('127.0.0.1')))
})

test('file names from uploads: one safe component with a supported extension, or nothing', () => {
  assert.equal(safeFileName('答复 2024（修订）.PDF'), '答复 2024（修订）.pdf')
  assert.equal(safeFileName('..\\..\\windows\\system32\\evil.txt'), 'evil.txt')
  assert.equal(safeFileName('../../etc/cron.d/x.docx'), 'x.docx')
  assert.equal(safeFileName('...hidden.txt'), 'hidden.txt', 'never a dot file (ingest would skip it)')
  assert.equal(safeFileName('a\u0000b;rm -rf $HOME.txt'), 'a_b_rm -rf _HOME.txt')
  assert.equal(safeFileName('report.txt.exe'), undefined)
  assert.equal(safeFileName('.txt'), undefined)
  assert.equal(safeFileName('<>|.txt'), undefined)
})

test('console settings come from the environment: credentials, cookie secret, upload limits', () => {
  const defaults = loadConfig({}, {})
  assert.equal(defaults.consoleUser, undefined)
  assert.equal(defaults.consolePassword, undefined)
  assert.equal(defaults.uploadMaxMb, 20)
  assert.equal(defaults.uploadMaxFiles, 10)
  assert.ok(defaults.consoleCookieSecret.length >= 32, 'a random secret when none is set')
  const set = loadConfig({}, { CONSOLE_USER: 'staff', CONSOLE_PASSWORD: ' spaces kept ', CONSOLE_COOKIE_SECRET: 's'.repeat(40), UPLOAD_MAX_MB: '5', UPLOAD_MAX_FILES: '2' })
  assert.deepEqual([set.consoleUser, set.consolePassword, set.consoleCookieSecret, set.uploadMaxMb, set.uploadMaxFiles], ['staff', ' spaces kept ', 's'.repeat(40), 5, 2])
  assert.throws(() => loadConfig({}, { UPLOAD_MAX_MB: '0' }), /UPLOAD_MAX_MB/)
})
