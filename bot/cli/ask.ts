/**
 * `npm run ask -- [--index DIR] [--json] ["问题"]`: the bot's reply to one question, or to each line of
 * standard input (model loaded once, conversation state kept from line to line, as in WeChat).
 */
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import type { ConversationState, Turn } from '../answer/types.js'
import { openEngine } from './open-engine.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { index: { type: 'string' }, json: { type: 'boolean', default: false } },
})
const engine = await openEngine(values.index)

function print({ reply, intent }: Turn): void {
  console.log(values.json ? JSON.stringify({ ...reply, intent }) : `${reply.text}\n`)
}

if (positionals.length) {
  print(await engine.respond(positionals.join(' ')))
} else {
  let state: ConversationState | undefined
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const turn = await engine.respond(line, state)
    state = turn.state
    print(turn)
  }
}
