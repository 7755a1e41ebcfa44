/**
 * A fake of WeChat's server APIs on 127.0.0.1 (what MP_API_BASE / WECOM_API_BASE point at in tests):
 * the Official Account token and customer-service endpoints, WeCom's gettoken and message/send. It
 * records every message sent and every token issued, and can reject a token as expired (42001) or
 * invalid (40001) the way WeChat does.
 */
import { once } from 'node:events'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SentMessage {
  api: 'custom' | 'wecom'
  touser: string
  content: string
  agentid?: number
  token: string
  /** when the fake received it (ms epoch) */
  at: number
}

export interface FakeWeChatApi {
  base: string
  sent: SentMessage[]
  tokensIssued: number
  /** the next uses of these tokens get this errcode */
  reject(token: string, errcode: 40001 | 42001): void
  lastToken(): string | undefined
  /** each send takes this long before it is recorded and answered (a slow WeChat) */
  slowSends(ms: number): void
  /** resolves once `count` messages have been sent to `touser` */
  waitFor(touser: string, count: number, timeoutMs?: number): Promise<SentMessage[]>
  close(): Promise<void>
}

export async function startFakeWeChatApi(): Promise<FakeWeChatApi> {
  const sent: SentMessage[] = []
  const rejected = new Map<string, number>()
  const issued: string[] = []
  let sendDelayMs = 0
  const body = async (request: IncomingMessage) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
  }
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake')
    const json = (value: unknown) => response.setHeader('content-type', 'application/json').end(JSON.stringify(value))
    if (url.pathname === '/cgi-bin/token' || url.pathname === '/cgi-bin/gettoken') {
      const token = `token-${issued.length + 1}`
      issued.push(token)
      return json({ errcode: 0, access_token: token, expires_in: 7200 })
    }
    const token = url.searchParams.get('access_token') ?? ''
    if (url.pathname === '/cgi-bin/message/custom/send' || url.pathname === '/cgi-bin/message/send') {
      const message = await body(request)
      if (!issued.includes(token)) return json({ errcode: 40014, errmsg: 'invalid access_token' })
      if (sendDelayMs) await new Promise((resolve) => setTimeout(resolve, sendDelayMs))
      const errcode = rejected.get(token)
      if (errcode) return json({ errcode, errmsg: errcode === 42001 ? 'access_token expired' : 'invalid credential' })
      sent.push({ api: url.pathname.endsWith('custom/send') ? 'custom' : 'wecom', touser: message.touser, content: message.text?.content, agentid: message.agentid, token, at: Date.now() })
      return json({ errcode: 0, errmsg: 'ok' })
    }
    response.statusCode = 404
    response.end()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    sent,
    get tokensIssued() {
      return issued.length
    },
    reject: (token, errcode) => void rejected.set(token, errcode),
    lastToken: () => issued.at(-1),
    slowSends: (ms) => void (sendDelayMs = ms),
    waitFor: async (touser, count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs
      const to = () => sent.filter((message) => message.touser === touser)
      while (to().length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} messages to ${touser}, got ${to().length}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return to()
    },
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}
