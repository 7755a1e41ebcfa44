/**
 * `npm run ask -- [--index DIR] [--json] ["问题"]`: the bot's reply to one question, or to each line of
 * standard input (model loaded once, conversation state kept from line to line, as in WeChat). A line
 * may be a JSON object carrying the question (stdin-message.ts).
 */
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import type { ConversationState, Turn } from '../answer/types.js'
import { openEngine } from './open-engine.js'
import { stdinMessage } from './stdin-message.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { index: { type: 'string' }, json: { type: 'boolean', default: false } },
})
const engine = await openEngine(values.index)

function print({ reply, intent }: Turn, echo: Record<string, unknown> = {}): void {
  console.log(values.json ? JSON.stringify({ ...echo, ...reply, intent }) : `${reply.text}\n`)
}

if (positionals.length) {
  print(await engine.respond(positionals.join(' ')))
} else {
  let state: ConversationState | undefined
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const { message, echo } = stdinMessage(line)
    const turn = await engine.respond(message, state)
    state = turn.state
    print(turn, echo)
  }
}
