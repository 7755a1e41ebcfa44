/**
 * The simulated Official Account users of the channel benchmark, in a child process so that their
 * HTTP client does not share the bot's event loop (WeChat's servers are not inside the bot either).
 * The plan comes over IPC, the results go back the same way.
 * Each user waits its turn in the spread, sends its burst at once, then WeChat's retry of the first.
 */
import { once } from 'node:events'
import { parseXml } from '../../bot/channels/callback/xml.js'
import { nextMsgId, signedQuery, textMessage } from '../support/wechat-callback.js'

export interface UserPlan {
  id: string
  asked: string[]
}
export interface Posted {
  status: number
  ms: number
  at: number
  content: string
}
export interface UserResult {
  user: UserPlan
  replies: Posted[]
  retry: Posted
}

export interface Plan {
  url: string
  token: string
  users: UserPlan[]
  spreadMs: number
}

const [{ url, token, users, spreadMs }] = (await once(process, 'message')) as [Plan]
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function post(user: string, text: string, id: string): Promise<Posted> {
  const started = performance.now()
  const response = await fetch(`${url}${signedQuery(token)}`, { method: 'POST', body: textMessage(user, text, id) })
  const body = await response.text()
  return { status: response.status, ms: performance.now() - started, at: Date.now(), content: body === 'success' || response.status !== 200 ? '' : parseXml(body).Content }
}

const results: UserResult[] = await Promise.all(
  users.map(async (user, u) => {
    await delay((u / users.length) * spreadMs)
    const ids = user.asked.map(() => nextMsgId())
    const replies = await Promise.all(user.asked.map((text, k) => post(user.id, text, ids[k])))
    const retry = await post(user.id, user.asked[0], ids[0])
    return { user, replies, retry }
  }),
)
process.send!(results, () => process.exit(0))
