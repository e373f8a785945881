/**
 * The launch-day scenario of `npm run bench` (`--only=launch`, docs/benchmark.md): new visitors
 * at a rising rate on a production server with its default limits, an editor publishing every
 * 10 s, optionally the hostile attackers on top, and per step what the visitors got and what the
 * server spent.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'

import { productionRateLimits } from '../hostile'
import { largestPeakRssMb, treeCpuMs, treePeakRssMb } from '../processTree'
import { cpuMs, startServer, type BenchServer } from '../server'
import { waitForWorkers } from '../workers'

import { login, publishedSlugs, startEditor } from './editor'
import { stepFigures, Tally, type StepFigures } from './tally'
import { visit, type VisitorContext } from './visitor'

type Log = (line: string) => void

export type LaunchOptions = {
  /** New visitors a second, one step each. */
  steps: number[]
  stepSeconds: number
  spikeSeconds: number
  /** The hostile attackers (bench/attackers.ts) during all steps. */
  attackers: boolean
  /** SIGNATURE_POW_MAX_NUMBER of the server: see docs/benchmark.md on why it is lower here. */
  powMaxNumber: number
  /** WEB_CONCURRENCY of the server: 1 (one process) unless asked, as the earlier runs measured. */
  workers: number
}

export type LaunchResult = {
  options: LaunchOptions
  steps: StepFigures[]
  /** The first step that is saturated (docs/benchmark.md), or null when none is. */
  knee: string | null
  kneeReasons: string[]
  survived: boolean
}

/** Starts `rate` visits a second for `seconds`, evenly spaced; resolves when the last started. */
async function schedule(rate: number, seconds: number, start: (n: number) => void) {
  const began = performance.now()
  let started = 0
  const total = Math.round(rate * seconds)
  while (started < total) {
    const due = Math.min(total, Math.floor(((performance.now() - began) / 1000) * rate) + 1)
    while (started < due) start(started++)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

function startAttackers(url: string, seconds: number): ChildProcess {
  const ids = 'login,busting,junk,misses,bodies'
  return spawn(process.execPath, ['.server/bench-attackers.mjs', url, String(seconds), ids], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

/** CPU of the server, this process and the attackers over one step, as shares of one core. */
function usageMeter(server: BenchServer, attackers: ChildProcess | null) {
  const began = performance.now()
  // The supervisor and its workers with more than one worker; the one process otherwise.
  const server0 = treeCpuMs(server.pid)
  const client0 = process.cpuUsage()
  const attackers0 = attackers?.pid ? cpuMs(attackers.pid) : null
  return () => {
    const wallMs = performance.now() - began
    const share = (ms: number | null) =>
      ms === null ? null : Math.round((ms / wallMs) * 100) / 100
    const serverNow = treeCpuMs(server.pid)
    const client = process.cpuUsage(client0)
    const attackersNow = attackers?.pid ? cpuMs(attackers.pid) : null
    return {
      serverCpu: share(serverNow !== null && server0 !== null ? serverNow - server0 : null),
      clientCpu: share((client.user + client.system) / 1000)!,
      attackersCpu: share(
        attackersNow !== null && attackers0 !== null ? attackersNow - attackers0 : null,
      ),
      peakRssMb: treePeakRssMb(server.pid),
      largestProcessRssMb: largestPeakRssMb(server.pid),
    }
  }
}

/** The steps to run: each given rate, then the spike at twice the last. */
function plan(options: LaunchOptions) {
  const last = options.steps.at(-1) ?? 10
  return [
    ...options.steps.map((rate) => ({
      name: `${rate}/s`,
      visitorsPerSecond: rate,
      seconds: options.stepSeconds,
    })),
    { name: `spike ${last * 2}/s`, visitorsPerSecond: last * 2, seconds: options.spikeSeconds },
  ]
}

/** The server's /metrics, read by the bench only (a fresh token per run). */
const metricsToken = crypto.randomBytes(24).toString('hex')

/** Memory by kind and admission's gate now, from the server's /metrics: where RSS goes. */
async function serverState(url: string): Promise<string> {
  try {
    const res = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
      signal: AbortSignal.timeout(10_000),
    })
    const text = await res.text()
    const value = (name: string) =>
      Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN)
    const mb = (name: string) => Math.round(value(name) / 1e6)
    return (
      `RSS ${mb('process_resident_memory_bytes')} MB, heap used ${mb('nodejs_heap_size_used_bytes')} MB, ` +
      `external ${mb('nodejs_external_memory_bytes')} MB; admission in flight ` +
      `${value('portal_admission_in_flight')}, waiting ${value('portal_admission_waiting')}, ` +
      `limit ${value('portal_admission_limit')}`
    )
  } catch (error) {
    return `metrics not read (${String(error)})`
  }
}

export async function launchScenario(
  database: string,
  workDir: string,
  log: Log,
  options: LaunchOptions,
): Promise<LaunchResult> {
  log(
    `launch: server with the production defaults (limits as in src/core/env.ts), ` +
      `${options.workers} worker(s)`,
  )
  const server = await startServer({
    database,
    workDir,
    env: {
      ...productionRateLimits,
      SIGNATURE_POW_MAX_NUMBER: String(options.powMaxNumber),
      METRICS_TOKEN: metricsToken,
      WEB_CONCURRENCY: String(options.workers),
    },
  })
  // Every worker serving, its search index built, before the first visitor comes.
  if (options.workers > 1) await waitForWorkers(server.url, options.workers)
  const steps: StepFigures[] = []
  let attackers: ChildProcess | null = null
  try {
    let tally = new Tally()
    const token = await login(server.url)
    const ctx: VisitorContext = {
      url: server.url,
      run: crypto.randomBytes(4).toString('hex'),
      articles: await publishedSlugs(server.url, token),
      current: () => tally,
      active: { count: 0 },
    }
    const stopEditor = await startEditor(server.url, token, () => tally)
    const planned = plan(options)
    const totalSeconds = planned.reduce((sum, step) => sum + step.seconds, 0)
    if (options.attackers) attackers = startAttackers(server.url, totalSeconds)
    const sessions = new Set<Promise<void>>()
    let n = 0
    for (const step of planned) {
      tally = new Tally()
      const usage = usageMeter(server, attackers)
      const progress = setInterval(() => {
        const t = tally
        log(
          `launch: ${step.name}: ${t.visitors} visitors (${ctx.active.count} browsing), ` +
            `${t.requests} requests, 200 ${t.statuses['200']}, 429 ${t.statuses['429']}, ` +
            `503 ${t.statuses['503']}, more work ${t.statuses['more-work']}, other ${t.statuses.other}, errors ${t.statuses.error}, ` +
            `signatures ${t.signaturesAccepted} accepted / ${t.signaturesRefused} refused`,
        )
      }, 5000)
      log(`launch: step ${step.name} for ${step.seconds} s`)
      await schedule(step.visitorsPerSecond, step.seconds, () => {
        const session = visit(ctx, n++)
        sessions.add(session)
        void session.finally(() => sessions.delete(session))
      })
      clearInterval(progress)
      steps.push(stepFigures(tally, step, usage()))
      log(`launch: ${summaryLine(steps.at(-1)!)}`)
      log(`launch: ${step.name}: server ${await serverState(server.url)}`)
    }
    // The visitors of the last step finish their sessions: counted apart, no new visitors.
    tally = new Tally()
    const usage = usageMeter(server, attackers)
    const drainStarted = performance.now()
    log(`launch: drain: ${sessions.size} sessions finishing`)
    await Promise.all([...sessions])
    log(`launch: drain: server ${await serverState(server.url)}`)
    await stopEditor()
    const drainSeconds = Math.round((performance.now() - drainStarted) / 100) / 10
    steps.push(
      stepFigures(tally, { name: 'drain', visitorsPerSecond: 0, seconds: drainSeconds }, usage()),
    )
    if (attackers && attackers.exitCode === null) attackers.kill('SIGTERM')
    const survived = server.alive()
    const { knee, reasons } = findKnee(steps)
    return { options, steps, knee, kneeReasons: reasons, survived }
  } finally {
    if (attackers && attackers.exitCode === null) attackers.kill('SIGKILL')
    await server.stop()
  }
}

function summaryLine(s: StepFigures): string {
  return (
    `${s.step}: ${s.requests} requests, failed ${s.failed}, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, ` +
    `signatures ${s.signaturesAccepted}/${s.signaturesAccepted + s.signaturesRefused}, ` +
    `server CPU ${s.serverCpu}, client CPU ${s.clientCpu}, peak RSS ${s.peakRssMb} MB`
  )
}

/** p99 above this makes a step saturated: a page a visitor waits more than a second for. */
export const KNEE_P99_MS = 1000
/** Server CPU at or above this share of the machine's cores makes a step saturated. */
export const KNEE_CPU_SHARE = 0.95

/**
 * The knee: the first step (by rate, the drain left out) where the server is saturated, i.e. any
 * visitor request refused or failed (429, 503, error, any other non-2xx but a 400 more-work,
 * which is a step of signing), any signature refused, p99 over KNEE_P99_MS, or server CPU ≥
 * KNEE_CPU_SHARE of the cores available.
 */
export function findKnee(
  steps: StepFigures[],
  cores = 2,
): { knee: string | null; reasons: string[] } {
  for (const s of steps) {
    if (s.step === 'drain') continue
    const reasons: string[] = []
    if (s.failed) reasons.push(`${s.failed} of ${s.requests} visitor requests refused or failed`)
    if (s.signaturesRefused) reasons.push(`${s.signaturesRefused} signatures refused`)
    if (s.p99Ms !== null && s.p99Ms > KNEE_P99_MS) reasons.push(`p99 ${s.p99Ms} ms`)
    if (s.serverCpu !== null && s.serverCpu >= KNEE_CPU_SHARE * cores)
      reasons.push(`server CPU ${s.serverCpu} of ${cores} cores`)
    if (reasons.length) return { knee: s.step, reasons }
  }
  return { knee: null, reasons: [] }
}
