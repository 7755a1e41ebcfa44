/** `npm run chat -- [--index DIR]`: a terminal conversation with the same engine and state as WeChat. */
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { DEFAULT_INDEX_DIR } from '../../index/index.js'
import type { ConversationState } from '../types.js'
import { openEngine } from './open-engine.js'

const { values } = parseArgs({ options: { index: { type: 'string', default: DEFAULT_INDEX_DIR } } })
const engine = await openEngine(values.index)
const terminal = createInterface({ input: process.stdin, output: process.stdout })
console.log('答复助手（输入问题，回车发送；“帮助”看用法；Ctrl+D 或 “退出” 结束）')

let state: ConversationState | undefined
for (;;) {
  const line = await terminal.question('\n您：').catch(() => null)
  if (line === null || /^(退出|exit|quit)$/i.test(line.trim())) break
  const turn = await engine.respond(line, state)
  state = turn.state
  console.log(`\n答复助手：\n${turn.reply.text}`)
}
terminal.close()
