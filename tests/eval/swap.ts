/**
 * The bench's "never stall" measure: the bot keeps answering from the corpus build while a build of N
 * synthetic passages is opened and swapped in by LiveKnowledge, exactly as after an ingest. Recorded:
 * each answer's latency (as the asker waits for it, event-loop queueing included) and the event-loop
 * delay (perf_hooks.monitorEventLoopDelay), during the load and swap, and then over the new build.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import pino from 'pino'
import { createAnswerEngine } from '../../bot/answer/engine.js'
import { LiveKnowledge } from '../../bot/live-knowledge.js'
import { STATE_DIR, currentPointer } from '../../index/index.js'
import { buildDir, namedBuild } from '../../index/store.js'
import { syntheticBuild, type SentencePool } from './synthetic.js'

/** No measure runs longer than this, whatever happens. */
const MAX_SWAP_MS = 15 * 60_000
/** answers asked over the new build after the swap */
const ANSWERS_AFTER = 300
/** a steady trickle of questions, as from many people: one every this many milliseconds */
const ASK_EVERY_MS = 20

interface Percentiles {
  p50: number
  p95: number
  p99: number
  max: number
}

const round = (x: number) => Math.round(x * 10) / 10

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN)
  return { p50: at(50), p95: at(95), p99: at(99), max: round(sorted[sorted.length - 1] ?? NaN) }
}

/** A folder serving `from` whose CURRENT is then switched to `to`, both builds linked in, not copied. */
function swapFolder(from: string, to: string): { dir: string; switchOver: () => void } {
  const dir = path.join(STATE_DIR, 'bench', 'swap-serving')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'builds'), { recursive: true })
  for (const build of [from, to]) symlinkSync(build, path.join(dir, 'builds', path.basename(build)))
  writeFileSync(currentPointer(dir), `${path.basename(from)}\n`)
  return { dir, switchOver: () => writeFileSync(currentPointer(dir), `${path.basename(to)}\n`) }
}

export async function swapUnderLoad(servedIndexDir: string, size: number, pool: SentencePool, questions: string[]) {
  const big = await syntheticBuild(path.join(STATE_DIR, 'bench', `index-${size}`), size, pool)
  const { dir, switchOver } = swapFolder(buildDir(servedIndexDir, namedBuild(servedIndexDir)!), big)
  const live = await LiveKnowledge.open(dir, { logger: pino({ level: 'silent' }), pollMs: 3_600_000 })
  const engine = createAnswerEngine(live.get)
  for (const question of questions.slice(0, 20)) await engine.respond(question)

  const during: number[] = []
  const after: number[] = []
  const delay = monitorEventLoopDelay({ resolution: 10 })
  let asked = 0
  let swapped = false
  const deadline = performance.now() + MAX_SWAP_MS
  // Questions arrive on a timer, like messages, whether or not the previous answer is out.
  const asking = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (performance.now() > deadline || after.length >= ANSWERS_AFTER) {
        clearInterval(timer)
        resolve()
        return
      }
      const question = questions[asked++ % questions.length]
      const started = performance.now()
      const samples = swapped ? after : during
      void engine.respond(question).then(() => samples.push(performance.now() - started))
    }, ASK_EVERY_MS)
  })
  // The histogram has no sample while the loop is blocked: the longest gap between 10 ms ticks shows a stall whole.
  let lastTick = performance.now()
  let longestStall = 0
  const ticks = setInterval(() => {
    const now = performance.now()
    longestStall = Math.max(longestStall, now - lastTick - 10)
    lastTick = now
  }, 10)
  delay.enable()
  const started = performance.now()
  switchOver()
  await live.refresh()
  const swapMs = performance.now() - started
  swapped = true
  delay.disable()
  const stallDuring = longestStall
  longestStall = 0
  const loopDuring = delay
  const delayAfter = monitorEventLoopDelay({ resolution: 10 })
  delayAfter.enable()
  await asking
  delayAfter.disable()
  clearInterval(ticks)
  live.close()
  const loop = (histogram: typeof delay) => ({ p50: round(histogram.percentile(50) / 1e6), p99: round(histogram.percentile(99) / 1e6), max: round(histogram.max / 1e6) })
  return {
    chunks: live.current.chunks.length,
    servedBuild: live.current.buildId,
    swapSeconds: round(swapMs / 1000),
    /** questions asked while loading: one every ASK_EVERY_MS if the loop never stalls */
    during: { asked: Math.round(swapMs / ASK_EVERY_MS), answers: during.length, latencyMs: percentiles(during), loopDelayMs: loop(loopDuring), longestStallMs: round(stallDuring) },
    after: { answers: after.length, latencyMs: percentiles(after), loopDelayMs: loop(delayAfter), longestStallMs: round(longestStall) },
  }
}
