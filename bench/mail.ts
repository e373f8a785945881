/**
 * `npm run bench:mail`: what mail costs the write path. Partners submit projects for review (each
 * submission mails every editor) while an editor saves news at the same moment, once with a fast
 * mail server and once with one that takes `--delay` ms (default 2000) to accept each message.
 * Reports, for each: the submission's save time, the concurrent news save's time, the longest
 * time any transaction held SQLite's writer turn, and the time from the submission's commit to
 * each mail reaching the SMTP server. The slow run is given as a ratio of the fast one in the
 * same process. A benchmark, not a test: it reports and never fails on timings.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {
  commitTransaction,
  createLocalReq,
  getPayload,
  initTransaction,
  type Payload,
} from 'payload'

import { addAdapterLayer } from '../src/data/adapter/layers'
import type { User } from '../src/payload-types'
import { startSmtpSink, type SmtpSink } from '../test/helpers/smtpSink'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback)
const delayMs = option('delay', 2000)
const submissions = option('submissions', 3)
const editors = option('editors', 3)

const started = performance.now()
const log = (line: string) =>
  console.log(
    `[bench:mail ${String(Math.round((performance.now() - started) / 1000)).padStart(3)} s] ${line}`,
  )

type Run = { save: number[]; concurrentSave: number[]; longestHold: number; commitToSink: number[] }

/** Times every transaction from the moment it holds the writer turn until its end returns. */
function watchWriterTurns(payload: Payload): { longestSince(): number } {
  const heldSince = new Map<string | number, number>()
  let longest = 0
  addAdapterLayer(payload.db, {
    name: 'bench-mail-writer-turns',
    async begin(proceed) {
      const transaction = await proceed()
      if (transaction !== null && transaction !== undefined)
        heldSince.set(transaction, performance.now())
      return transaction
    },
    async end(_outcome, transaction, proceed) {
      try {
        return await proceed()
      } finally {
        const since = transaction === undefined ? undefined : heldSince.get(transaction)
        if (since !== undefined) {
          heldSince.delete(transaction!)
          longest = Math.max(longest, performance.now() - since)
        }
      }
    },
  })
  return {
    longestSince() {
      const value = longest
      longest = 0
      return value
    },
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}
const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`

async function measure(
  payload: Payload,
  sink: SmtpSink,
  turns: ReturnType<typeof watchWriterTurns>,
  partner: User,
  editor: User,
  label: string,
): Promise<Run> {
  const run: Run = { save: [], concurrentSave: [], longestHold: 0, commitToSink: [] }
  turns.longestSince()
  for (let i = 0; i < submissions; i++) {
    const project = await payload.create({
      collection: 'projects',
      data: { title: `Messprojekt ${label} ${i}` },
      draft: true,
      overrideAccess: false,
      user: partner,
    })
    const receivedBefore = sink.received.length
    const req = await createLocalReq({ user: { ...partner, collection: 'users' } }, payload)
    const saveStarted = performance.now()
    // An editor saves news right after: does it wait for the submission's mail?
    const concurrent = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      const begun = performance.now()
      await payload.create({
        collection: 'news',
        data: { title: `Meldung ${label} ${i}` },
        draft: true,
        overrideAccess: false,
        user: editor,
      })
      return performance.now() - begun
    })()
    await initTransaction(req)
    await payload.update({
      collection: 'projects',
      id: project.id,
      draft: true,
      data: { review: { state: 'in-review' } },
      overrideAccess: false,
      req,
    })
    await commitTransaction(req)
    const committed = performance.now()
    run.save.push(committed - saveStarted)
    run.concurrentSave.push(await concurrent)
    while (sink.received.length < receivedBefore + editors) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    for (const at of sink.receivedAt.slice(receivedBefore)) run.commitToSink.push(at - committed)
  }
  run.longestHold = turns.longestSince()
  return run
}

function report(label: string, run: Run, baseline?: Run) {
  const ratio = (value: number, base: number | undefined) =>
    base ? ` (${(value / base).toFixed(2)}× fast)` : ''
  console.log(`\n${label}`)
  console.log(
    `  submission save, median / max:  ${ms(median(run.save))} / ${ms(Math.max(...run.save))}` +
      ratio(median(run.save), baseline && median(baseline.save)),
  )
  console.log(
    `  concurrent news save, median:   ${ms(median(run.concurrentSave))}` +
      ratio(median(run.concurrentSave), baseline && median(baseline.concurrentSave)),
  )
  console.log(
    `  longest writer-turn hold:       ${ms(run.longestHold)}` +
      ratio(run.longestHold, baseline?.longestHold),
  )
  const early = Math.min(...run.commitToSink) < 0
  console.log(
    `  commit → mail at SMTP, median / min / max: ${ms(median(run.commitToSink))} / ` +
      `${ms(Math.min(...run.commitToSink))} / ${ms(Math.max(...run.commitToSink))}` +
      (early ? ' (negative: mail left before the change was committed)' : ''),
  )
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'initiative-portal-bench-mail-'))
  const sink = await startSmtpSink()
  Object.assign(process.env, {
    ...sink.env,
    DATABASE_URI: `file:${path.join(dir, 'portal.db')}`,
    PAYLOAD_SECRET: 'bench-mail-secret-bench-mail-secret-0000',
    PREVIEW_SECRET: 'bench-mail-preview',
    ADMIN_EMAIL: 'bench@example.org',
    ADMIN_PASSWORD: 'bench-password-1',
    SEED: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  })
  log(`starting Payload on a fresh database in ${dir} (migrations and seed take a few seconds)`)
  const { default: config } = await import('../src/payload.config')
  const { bootstrap } = await import('../src/process/bootstrap')
  const { readEnvironment } = await import('../src/core/env')
  const payload = await getPayload({ config })
  try {
    await bootstrap(payload, readEnvironment())
    const turns = watchWriterTurns(payload)
    const organization = (
      await payload.find({
        collection: 'organizations',
        where: { slug: { equals: 'fraunhofer-iais' } },
      })
    ).docs[0]!.id
    const user = (role: User['role'], n: number, extra: Partial<User> = {}) =>
      payload.create({
        collection: 'users',
        data: {
          name: `${role} ${n}`,
          email: `${role}-${n}@bench.example`,
          password: 'bench-password-1',
          role,
          ...extra,
        } as User & { password: string },
      })
    const editorUsers: User[] = []
    for (let n = 0; n < editors; n++) editorUsers.push(await user('editor', n))
    const partner = await user('partner', 0, { organization })

    log(`fast mail server: ${submissions} submissions, ${editors} editors each`)
    const fast = await measure(payload, sink, turns, partner, editorUsers[0]!, 'schnell')
    log(`slow mail server (${delayMs} ms per message): ${submissions} submissions`)
    sink.slowDown(delayMs)
    const slow = await measure(payload, sink, turns, partner, editorUsers[0]!, 'langsam')
    sink.slowDown(0)

    report('Fast mail server', fast)
    report(`Slow mail server (${delayMs} ms per message)`, slow, fast)
  } finally {
    await payload.destroy()
    await sink.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
