/**
 * Outgoing calls to WeChat's server APIs (Official Account customer-service messages, WeCom
 * message/send), shared by both channels: the access_token is fetched when first needed, cached until
 * shortly before its `expires_in`, fetched by one call at a time however many sends need it (single
 * flight), and fetched again when WeChat says it is invalid or expired (40001, 40014, 42001) — then
 * the call is made once more.
 */
import type { Logger } from '../../conversation/log.js'

/** errcodes meaning "this access_token is no good": refresh it and retry once */
const TOKEN_REJECTED = new Set([40001, 40014, 42001])
/** a token is renewed this long before WeChat says it expires (or a tenth of its life, if shorter) */
const RENEW_BEFORE_S = 300
const TIMEOUT_MS = 10_000

export class ApiError extends Error {
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message)
  }
}

interface ApiReply {
  errcode?: number
  errmsg?: string
  access_token?: string
  expires_in?: number
}

export class WeChatApi {
  private cached?: { token: string; renewAt: number }
  private fetching?: Promise<string>

  /**
   * @param base e.g. https://api.weixin.qq.com (MP_API_BASE / WECOM_API_BASE point it at a fake server in tests)
   * @param tokenPath the token request with its credentials, e.g. /cgi-bin/gettoken?corpid=…&corpsecret=…
   */
  constructor(
    private readonly base: string,
    private readonly tokenPath: string,
    private readonly name: string,
    private readonly logger: Logger,
  ) {}

  /** POSTs `body` as JSON to `path` with the access token; throws ApiError unless errcode is 0. */
  async post(path: string, body: unknown): Promise<ApiReply> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.token()
      const reply = await request(`${this.base}${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const errcode = reply.errcode ?? 0
      if (errcode === 0) return reply
      if (TOKEN_REJECTED.has(errcode) && attempt === 1) {
        this.logger.warn({ event: 'token-rejected', api: this.name, errcode }, 'access token rejected, fetching a new one')
        this.invalidate(token)
        continue
      }
      throw new ApiError(errcode, `${this.name} ${path}: ${errcode} ${reply.errmsg ?? ''}`.trim())
    }
  }

  /** The cached token, or one fetch shared by every caller waiting for it. */
  token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.renewAt) return Promise.resolve(this.cached.token)
    this.fetching ??= this.fetchToken().finally(() => {
      this.fetching = undefined
    })
    return this.fetching
  }

  /** Drops `token` if it is still the cached one (a token fetched since by another caller stays). */
  private invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined
  }

  private async fetchToken(): Promise<string> {
    const reply = await request(`${this.base}${this.tokenPath}`, { method: 'GET' })
    if (!reply.access_token || (reply.errcode ?? 0) !== 0) {
      throw new ApiError(reply.errcode ?? -1, `${this.name}: no access_token (${reply.errcode ?? ''} ${reply.errmsg ?? ''})`)
    }
    const life = reply.expires_in ?? 7200
    this.cached = { token: reply.access_token, renewAt: Date.now() + (life - Math.min(RENEW_BEFORE_S, life / 10)) * 1000 }
    this.logger.info({ event: 'token-fetched', api: this.name, expiresIn: life }, 'access token fetched')
    return reply.access_token
  }
}

async function request(url: string, init: RequestInit): Promise<ApiReply> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  if (!response.ok) throw new ApiError(-1, `HTTP ${response.status} from ${new URL(url).pathname}`)
  return (await response.json()) as ApiReply
}
