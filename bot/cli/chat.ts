/** `npm run chat -- [--index DIR]`: a terminal conversation with the same engine and state as WeChat. */
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import type { ConversationState } from '../answer/types.js'
import { openEngine } from './open-engine.js'

const { values } = parseArgs({ options: { index: { type: 'string' } } })
const engine = await openEngine(values.index)
const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: '\n您：' })
console.log('答复助手（输入问题，回车发送；“帮助”看用法；Ctrl+D 或 “退出” 结束）')

let state: ConversationState | undefined
terminal.prompt()
// Lines are read as a stream, so input piped from a file is answered line by line too.
for await (const line of terminal) {
  if (/^(退出|exit|quit)$/i.test(line.trim())) break
  if (!process.stdin.isTTY) console.log(line)
  const turn = await engine.respond(line, state)
  state = turn.state
  console.log(`\n答复助手：\n${turn.reply.text}`)
  terminal.prompt()
}
terminal.close()
