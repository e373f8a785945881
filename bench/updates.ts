/**
 * E-mail updates (`--only=updates`, docs/benchmark.md "E-mail updates"): an editor sends one
 * update to 10,000 confirmed subscribers, on a production server that mails an SMTP sink in this
 * process.
 *
 * 1. Unlimited rate (`UPDATES_MAILS_PER_SECOND=0`): the whole send, timed at the sink from its
 *    first mail to its last, with the server's peak RSS (`VmHWM` at the end, `VmRSS` sampled
 *    during the send) and its CPU time per mail.
 * 2. The default rate (10 mails a second, the setting left unset): readers of `/de`, an article
 *    and the HomePage GraphQL operation (4 connections each, cached) in rounds of a quiet phase
 *    (readers alone) and one with the send, medians as in the editorial scenario. The send starts
 *    with the first round's second phase (recording the recipients included); in the later quiet
 *    phases the sink holds the mail it is given, which pauses the send (one conversation at a
 *    time at a set rate). The CPU that other processes on the machine used in each phase is
 *    reported beside the figures.
 *
 * The subscribers are written into a copy of the seeded database in SQL before the server
 * starts: creating 10,000 through Payload would take minutes and measure something else.
 *
 * The sink is test/helpers/smtpSink.ts (nodemailer's smtp-server, in this process): it greets
 * each new connection only after 100 ms (smtp-server's check for clients that talk too soon) and
 * parses every mail, so the rates include a real SMTP conversation per mail, as with a provider.
 * The whole unlimited send takes minutes, which is why the scenario is not part of the full run;
 * `--subscribers=` sends fewer.
 */
import fs from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { startSmtpSink, type SmtpSink } from '../test/helpers/smtpSink'

import { homePageTarget, pageTarget } from './load'
import { figures, median, medians, runReaders, warmUp, type ReaderFigures } from './readers'
import { benchAdmin, startServer, type BenchServer } from './server'
import { copyDatabase, removeDatabase } from './sqliteFiles'

type Log = (line: string) => void

export type UnlimitedSend = {
  /** Mails to the subscribers that reached the sink, and to how many distinct addresses. */
  mails: number
  addresses: number
  /** The mails by the language of their HTML (`<html lang>`). */
  languages: Record<string, number>
  /** From the editor's "send now" (PATCH) to its acknowledgement, in ms. */
  acknowledgedMs: number
  /** From the editor's "send now" to the first mail at the sink (recording the recipients), s. */
  toFirstMailSeconds: number | null
  /** From the first mail at the sink to the last, s. */
  firstToLastSeconds: number | null
  /** Mails over that span. */
  mailsPerSecond: number | null
  /** From "send now" until the update read `sent` (polled), s; null if it never did. */
  toSentSeconds: number | null
  /** The update's status and its progress counts as the editor read them at the end. */
  finalStatus: string
  progress: {
    recipients: number | null
    sent: number | null
    waiting: number | null
    failed: number | null
  }
  /** The server's CPU time (all threads) from "send now" to the end, per mail at the sink. */
  cpuMsPerMail: number | null
  /** The CPU of everything but the server and this process (the sink) meanwhile, % of one core. */
  otherCpuPercent: number
  /** VmRSS and VmHWM of the server right before "send now", MB. */
  rssBeforeMb: number | null
  peakBeforeMb: number | null
  /** The highest VmRSS sampled (every 250 ms) during the send, MB. */
  sampledPeakRssMb: number | null
  /** VmHWM at the end: the server's peak over its whole life (start included), MB. */
  peakRssMb: number | null
  /** Mails at the sink and the server's VmRSS at each progress line (every 5 s). */
  trend: { seconds: number; mails: number; rssMb: number | null }[]
  /** Why the wait ended before the update read `sent`, or null when it did. */
  stoppedEarly: null | 'timed out' | 'server exited'
}

export type SendingReaders = {
  /** Each round: `seconds` quiet, then `seconds` with the send; figures are medians of rounds. */
  seconds: number
  rounds: number
  quiet: ReaderFigures[]
  during: ReaderFigures[]
  ratios: Record<string, number>
  /**
   * The readers' req/s summed, per round, quiet and with the send: the medians hide a single
   * round, and the first with the send also records every recipient.
   */
  perRound: { quiet: number; during: number }[]
  /** Mails to the subscribers that reached the sink during the rounds with the send. */
  mailsDuringPhase: number
  /** Those mails over the time of those rounds. */
  mailsPerSecond: number | null
  /** From "send now" to the first mail at the sink, s (recording the recipients). */
  toFirstMailSeconds: number | null
  /**
   * The CPU the machine spent on anything but the server and this process (other people's work,
   * the hypervisor's steal), median of the rounds, in % of one core: a comparison of quiet and
   * during is only fair when the two are alike.
   */
  otherCpuPercent: { quiet: number; during: number }
  peakRssMb: number | null
}

export type UpdatesResult = {
  subscribers: number
  unlimited: UnlimitedSend
  defaultRate: SendingReaders
}

/** Readers' connections per target, as in the editorial scenario. */
const READER_CONNECTIONS = 4
const PROGRESS_EVERY_MS = 5_000
const RSS_SAMPLE_EVERY_MS = 250
/** The unlimited send gives up waiting after this long (10,000 took 3 to 9 minutes here). */
const UNLIMITED_TIMEOUT_MS = 20 * 60_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits
const subscriberAddress = /^bench-\d+@example\.org$/
const sum = (readers: ReaderFigures[]) =>
  readers.reduce((total, r) => total + r.requestsPerSecond, 0)

/** One field of /proc/<pid>/status in MB (VmRSS: now; VmHWM: the peak so far), null elsewhere. */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1])
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null
  } catch {
    return null
  }
}

/** The machine's busy CPU time so far (all cores, steal included), ms; null off Linux. */
function machineBusyMs(): number | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
    // cpu user nice system idle iowait irq softirq steal: all but idle and iowait, in ticks of 10 ms.
    const ticks = [1, 2, 3, 6, 7, 8].reduce((sum, i) => sum + Number(fields[i]), 0)
    return Number.isFinite(ticks) ? ticks * 10 : null
  } catch {
    return null
  }
}

/**
 * Starts counting the CPU of everything but the server and this process (the readers' load
 * generator and the sink run here); the returned function gives it since, in % of one core.
 */
function otherLoad(server: BenchServer): () => number {
  const ownMs = () => {
    const usage = process.cpuUsage()
    return (usage.user + usage.system) / 1000
  }
  const start = {
    machine: machineBusyMs(),
    server: server.cpuMs(),
    own: ownMs(),
    at: performance.now(),
  }
  return () => {
    const machine = machineBusyMs()
    const serverMs = server.cpuMs()
    if (machine === null || start.machine === null || serverMs === null || start.server === null)
      return NaN
    const others = machine - start.machine - (serverMs - start.server) - (ownMs() - start.own)
    return Math.max(0, Math.round((others / (performance.now() - start.at)) * 100))
  }
}

/** Samples the server's VmRSS until stopped; returns the highest value seen. */
function sampleRss(pid: number): { stop: () => number | null } {
  let peak: number | null = null
  const sample = () => {
    const rss = statusMb(pid, 'VmRSS')
    if (rss !== null) peak = Math.max(peak ?? 0, rss)
  }
  sample()
  const timer = setInterval(sample, RSS_SAMPLE_EVERY_MS)
  return {
    stop: () => {
      clearInterval(timer)
      sample()
      return peak
    },
  }
}

/**
 * A copy of the seeded database with `count` active subscribers, confirmed a day ago, half in
 * German and half in English, addresses `bench-<n>@example.org`.
 */
async function withSubscribers(seeded: string, workDir: string, count: number): Promise<string> {
  const database = path.join(workDir, 'updates.db')
  copyDatabase(seeded, database)
  const client = createClient({ url: `file:${database}` })
  try {
    await client.execute({
      sql: `WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ?)
        INSERT INTO subscribers
          (id, email, status, language, source, confirmed_at, updated_at, created_at)
        SELECT
          printf('%08x-0000-4000-8000-%012x', k, k),
          'bench-' || k || '@example.org',
          'active',
          CASE WHEN k % 2 = 0 THEN 'de' ELSE 'en' END,
          'form',
          strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day'),
          strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day'),
          strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days')
        FROM n`,
      args: [count],
    })
    const { rows } = await client.execute(
      `SELECT count(*) AS n FROM subscribers WHERE status = 'active'`,
    )
    const active = Number(rows[0]?.n)
    if (active !== count)
      throw new Error(`updates: ${active} active subscribers in the copy, not ${count}`)
  } finally {
    client.close()
  }
  return database
}

type Call = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; json: Record<string, unknown> }>

/** REST calls as the bench's admin (an editor may send updates too; the admin can log in here). */
async function editor(url: string): Promise<Call> {
  const res = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchAdmin),
  })
  const { token } = (await res.json()) as { token?: string }
  if (!res.ok || !token) throw new Error(`updates: the bench admin cannot log in (${res.status})`)
  return (method, path, body) =>
    fetch(`${url}/api${path}`, {
      method,
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }))
}

const paragraphs = (words: string[]) =>
  Array.from({ length: 5 }, (_, i) => `${words[i % words.length]} ${words.join(' ')}`).join('\n\n')

/** A draft update with a subject and a text of five paragraphs in both languages. */
async function draftUpdate(call: Call): Promise<string> {
  const de = await call('POST', '/updates?locale=de', {
    subject: 'Neues aus der Initiative (Benchmark)',
    body: paragraphs([
      'Die Initiative wächst:',
      'neue Unterzeichnende, neue Projekte und ein Treffen im Frühjahr,',
      'zu dem wir alle herzlich einladen.',
    ]),
  })
  const id = (de.json.doc as { id?: string } | undefined)?.id
  if (de.status !== 201 || !id)
    throw new Error(
      `updates: creating the update answered ${de.status}: ${JSON.stringify(de.json)}`,
    )
  const en = await call('PATCH', `/updates/${id}?locale=en`, {
    subject: 'News from the initiative (benchmark)',
    body: paragraphs([
      'The initiative is growing:',
      'new signatories, new projects and a meeting in the spring,',
      'to which everyone is warmly invited.',
    ]),
  })
  if (en.status !== 200)
    throw new Error(`updates: the English text answered ${en.status}: ${JSON.stringify(en.json)}`)
  return id
}

/** The editor's "send now": the status `sending`, as the admin's select sets it. */
async function sendNow(call: Call, id: string): Promise<void> {
  const res = await call('PATCH', `/updates/${id}`, { status: 'sending' })
  if (res.status !== 200)
    throw new Error(`updates: "send now" answered ${res.status}: ${JSON.stringify(res.json)}`)
}

/** The update as its editor sees it: status and progress. */
async function readUpdate(call: Call, id: string) {
  const { json } = await call('GET', `/updates/${id}?depth=0`)
  const count = (name: string) => (typeof json[name] === 'number' ? (json[name] as number) : null)
  return {
    status: String(json.status),
    recipients: count('recipients'),
    sent: count('sent'),
    waiting: count('waiting'),
    failed: count('failed'),
  }
}

/** The mails to the bench's subscribers the sink received from index `from` on, with times. */
function subscriberMails(sink: SmtpSink, from: number) {
  const mails = sink.received.slice(from)
  const times = sink.receivedAt.slice(from)
  return mails
    .map((mail, i) => ({ mail, at: times[i]! }))
    .filter(({ mail }) => mail.to.length === 1 && subscriberAddress.test(mail.to[0]!))
}

async function withSinkAndServer<T>(
  database: string,
  workDir: string,
  env: Record<string, string>,
  run: (server: BenchServer, sink: SmtpSink) => Promise<T>,
): Promise<T> {
  const sink = await startSmtpSink()
  try {
    const server = await startServer({ database, workDir, env: { ...sink.env, ...env } })
    try {
      return await run(server, sink)
    } finally {
      // A server killed by a signal (a V8 abort at its heap limit) would never report its exit
      // to stop(): only its copy of the database is left to remove.
      if (server.alive()) await server.stop()
      else removeDatabase(server.database)
    }
  } finally {
    await sink.close()
  }
}

/** Phase 1: the whole send at an unlimited rate. */
function unlimitedSend(
  database: string,
  workDir: string,
  log: Log,
  count: number,
): Promise<UnlimitedSend> {
  log('updates: unlimited rate: starting a server with UPDATES_MAILS_PER_SECOND=0 and an SMTP sink')
  return withSinkAndServer(
    database,
    workDir,
    { UPDATES_MAILS_PER_SECOND: '0' },
    async (server, sink) => {
      const call = await editor(server.url)
      const id = await draftUpdate(call)
      const rssBeforeMb = statusMb(server.pid, 'VmRSS')
      const peakBeforeMb = statusMb(server.pid, 'VmHWM')
      log(
        `updates: unlimited rate: server RSS ${rssBeforeMb ?? '?'} MB (peak so far ${peakBeforeMb ?? '?'} MB); ` +
          `sending the update to ${count} subscribers`,
      )
      const sampler = sampleRss(server.pid)
      const from = sink.received.length
      const cpuBefore = server.cpuMs()
      const load = otherLoad(server)
      const started = performance.now()
      await sendNow(call, id)
      const acknowledgedMs = performance.now() - started

      let state = {
        status: 'sending',
        recipients: null,
        sent: null,
        waiting: null,
        failed: null,
      } as Awaited<ReturnType<typeof readUpdate>>
      let toSentSeconds: number | null = null
      let stoppedEarly: UnlimitedSend['stoppedEarly'] = null
      const trend: UnlimitedSend['trend'] = []
      let lastCount = 0
      let lastLog = started
      for (;;) {
        await sleep(1_000)
        const now = performance.now()
        if (!server.alive()) {
          stoppedEarly = 'server exited'
          log('updates: unlimited rate: the server exited during the send')
          break
        }
        const got = subscriberMails(sink, from).length
        const due = now - lastLog >= PROGRESS_EVERY_MS
        // The status is read as an editor would watch it: every few seconds, then each second
        // once the sink has them all (its counts cost the server three count queries).
        if (due || got >= count) state = await readUpdate(call, id)
        if (state.status === 'sent') {
          toSentSeconds = round((performance.now() - started) / 1000)
          break
        }
        if (due) {
          const rate = Math.round(((got - lastCount) * 1000) / (now - lastLog))
          const rssMb = statusMb(server.pid, 'VmRSS')
          trend.push({ seconds: Math.round((now - started) / 1000), mails: got, rssMb })
          log(
            `updates: unlimited rate: ${got}/${count} mails at the sink (${rate}/s over the last ` +
              `${Math.round((now - lastLog) / 1000)} s), status ${state.status}, ` +
              `${state.recipients ?? '?'} recipients recorded, server RSS ${rssMb ?? '?'} MB`,
          )
          lastCount = got
          lastLog = now
        }
        if (now - started > UNLIMITED_TIMEOUT_MS) {
          stoppedEarly = 'timed out'
          log(
            `updates: unlimited rate: not sent after ${UNLIMITED_TIMEOUT_MS / 1000} s; stopping here`,
          )
          break
        }
      }
      const cpuAfter = server.cpuMs()
      const otherCpuPercent = load()
      const sampledPeakRssMb = sampler.stop()
      const peakRssMb = server.peakRssMb()
      const final = server.alive() ? await readUpdate(call, id) : state
      const mails = subscriberMails(sink, from)
      const first = mails[0]?.at
      const last = mails.at(-1)?.at
      const span = first !== undefined && last !== undefined ? (last - first) / 1000 : null
      const languages: Record<string, number> = {}
      for (const { mail } of mails) {
        const language = mail.language ?? '?'
        languages[language] = (languages[language] ?? 0) + 1
      }
      const result: UnlimitedSend = {
        mails: mails.length,
        addresses: new Set(mails.map(({ mail }) => mail.to[0])).size,
        languages,
        acknowledgedMs: Math.round(acknowledgedMs),
        toFirstMailSeconds: first === undefined ? null : round((first - started) / 1000),
        firstToLastSeconds: span === null ? null : round(span),
        mailsPerSecond: span ? Math.round(mails.length / span) : null,
        toSentSeconds,
        finalStatus: final.status,
        progress: {
          recipients: final.recipients,
          sent: final.sent,
          waiting: final.waiting,
          failed: final.failed,
        },
        cpuMsPerMail:
          cpuBefore !== null && cpuAfter !== null && mails.length
            ? round((cpuAfter - cpuBefore) / mails.length, 2)
            : null,
        otherCpuPercent,
        rssBeforeMb,
        peakBeforeMb,
        sampledPeakRssMb,
        peakRssMb,
        trend,
        stoppedEarly,
      }
      log(
        `updates: unlimited rate: ${result.mails} mails to ${result.addresses} addresses in ` +
          `${result.firstToLastSeconds ?? '?'} s from the first to the last: ${result.mailsPerSecond ?? '?'} mails/s; ` +
          `status ${result.finalStatus}; peak RSS ${peakRssMb ?? '?'} MB (sampled during the send ` +
          `${sampledPeakRssMb ?? '?'} MB); stopping the server`,
      )
      return result
    },
  )
}

/** Phase 2: readers alone, then while an update goes out at the default rate, in rounds. */
function readersDuringSend(
  database: string,
  workDir: string,
  log: Log,
  seconds: number,
  rounds: number,
): Promise<SendingReaders> {
  log(
    'updates: default rate: starting a server (UPDATES_MAILS_PER_SECOND unset: 10/s) and an SMTP sink',
  )
  return withSinkAndServer(database, workDir, {}, async (server, sink) => {
    const call = await editor(server.url)
    const { json } = await call('GET', '/news?sort=-publishedAt&limit=1&depth=0')
    const article = (json.docs as { slug: string }[] | undefined)?.[0]
    if (!article) throw new Error('updates: the seeded data has no news item to read')
    const readers = [
      pageTarget('/de'),
      pageTarget(`/de/news/${article.slug}`),
      homePageTarget('post'),
    ]
    const id = await draftUpdate(call)
    await warmUp(server.url, readers)
    await runReaders(server.url, readers, 2, READER_CONNECTIONS)

    const from = sink.received.length
    let phase = 'quiet'
    let phaseStarted = performance.now()
    const ticker = setInterval(() => {
      const elapsed = Math.round((performance.now() - phaseStarted) / 1000)
      log(
        `updates: default rate: ${phase}: ${elapsed}/${seconds} s, ` +
          `${subscriberMails(sink, from).length} mails at the sink, ` +
          `server RSS ${statusMb(server.pid, 'VmRSS') ?? '?'} MB`,
      )
    }, 10_000)
    const quietRounds: ReaderFigures[][] = []
    const duringRounds: ReaderFigures[][] = []
    const others = { quiet: [] as number[], during: [] as number[] }
    const windows: [number, number][] = []
    let sentAt = 0
    try {
      for (let round = 1; round <= rounds; round++) {
        // After the first round the send runs: the sink holds the mail it is given until the
        // quiet round ends, so the one conversation waits and the server sends nothing (10 s,
        // well within nodemailer's 30 s socket timeout).
        const held = round > 1 ? sink.hold() : null
        phase = `round ${round}/${rounds}, quiet${held ? ' (the send paused at the sink)' : ''}`
        log(`updates: default rate: ${phase}, readers alone, ${seconds} s`)
        phaseStarted = performance.now()
        let load = otherLoad(server)
        quietRounds.push(
          figures(readers, await runReaders(server.url, readers, seconds, READER_CONNECTIONS)),
        )
        others.quiet.push(load())
        held?.release()
        phase = `round ${round}/${rounds}, during the send`
        log(
          `updates: default rate: ${phase}${round === 1 ? ' (sent now)' : ''}, readers, ${seconds} s`,
        )
        phaseStarted = performance.now()
        if (round === 1) sentAt = phaseStarted
        load = otherLoad(server)
        const [results] = await Promise.all([
          runReaders(server.url, readers, seconds, READER_CONNECTIONS),
          round === 1 ? sendNow(call, id) : undefined,
        ])
        others.during.push(load())
        windows.push([phaseStarted, performance.now()])
        duringRounds.push(figures(readers, results))
      }
      const quiet = medians(quietRounds)
      const during = medians(duringRounds)
      const ratios: Record<string, number> = {}
      for (const [i, reader] of during.entries())
        ratios[reader.target] = round(reader.requestsPerSecond / quiet[i]!.requestsPerSecond, 2)
      const all = subscriberMails(sink, from)
      const mails = all.filter(({ at }) => windows.some(([start, end]) => at >= start && at <= end))
      const first = all[0]?.at
      const duringSeconds = windows.reduce((sum, [start, end]) => sum + (end - start), 0) / 1000
      const result: SendingReaders = {
        seconds,
        rounds,
        quiet,
        during,
        ratios,
        perRound: quietRounds.map((quietRound, i) => ({
          quiet: sum(quietRound),
          during: sum(duringRounds[i]!),
        })),
        mailsDuringPhase: mails.length,
        mailsPerSecond: duringSeconds ? round(mails.length / duringSeconds) : null,
        toFirstMailSeconds: first === undefined ? null : round((first - sentAt) / 1000),
        otherCpuPercent: { quiet: median(others.quiet), during: median(others.during) },
        peakRssMb: server.peakRssMb(),
      }
      log(
        `updates: default rate: readers during / quiet ${Object.values(ratios).join(', ')}; ` +
          `${mails.length} mails at the sink during the ${rounds} × ${seconds} s with the send; ` +
          `stopping the server (the rest of the send stops with it)`,
      )
      return result
    } finally {
      clearInterval(ticker)
    }
  })
}

export async function updatesScenario(
  seeded: string,
  workDir: string,
  log: Log,
  options: { subscribers: number; seconds: number; rounds: number },
): Promise<UpdatesResult> {
  log(
    `updates: writing ${options.subscribers} confirmed subscribers into a copy of the seeded data`,
  )
  const database = await withSubscribers(seeded, workDir, options.subscribers)
  try {
    const unlimited = await unlimitedSend(database, workDir, log, options.subscribers)
    const defaultRate = await readersDuringSend(
      database,
      workDir,
      log,
      options.seconds,
      options.rounds,
    )
    return { subscribers: options.subscribers, unlimited, defaultRate }
  } finally {
    removeDatabase(database)
  }
}

/** The scenario's tables for the console and docs/benchmark.md. */
export function updatesTable(result: UpdatesResult): string {
  const u = result.unlimited
  const r = result.defaultRate
  const or = (value: number | null, unit = '') => (value === null ? '?' : `${value}${unit}`)
  return [
    `| unlimited rate (UPDATES_MAILS_PER_SECOND=0), ${result.subscribers} subscribers | |`,
    '| --- | --- |',
    `| mails at the sink (distinct addresses; by language) | ${u.mails} (${u.addresses}; ${Object.entries(
      u.languages,
    )
      .map(([language, n]) => `${language} ${n}`)
      .join(', ')}) |`,
    `| **mails/s**, first to last mail at the sink | **${or(u.mailsPerSecond)}** (${or(u.firstToLastSeconds, ' s')}) |`,
    `| "send now" acknowledged; to the first mail; to status \`sent\` | ${u.acknowledgedMs} ms; ${or(u.toFirstMailSeconds, ' s')}; ${or(u.toSentSeconds, ' s')}${u.stoppedEarly ? ` (${u.stoppedEarly})` : ''} |`,
    `| the update at the end: status, recipients, sent, waiting, failed | ${u.finalStatus}, ${or(u.progress.recipients)}, ${or(u.progress.sent)}, ${or(u.progress.waiting)}, ${or(u.progress.failed)} |`,
    `| server CPU per mail (all threads); other processes' CPU meanwhile | ${or(u.cpuMsPerMail, ' ms')}; ${u.otherCpuPercent} % of a core |`,
    `| server RSS before the send; highest sampled during it | ${or(u.rssBeforeMb, ' MB')}; ${or(u.sampledPeakRssMb, ' MB')} |`,
    `| **peak RSS** (VmHWM at the end; before the send) | **${or(u.peakRssMb, ' MB')}** (${or(u.peakBeforeMb, ' MB')}) |`,
    '',
    `| reader (default rate: 10 mails/s) | quiet req/s | during a send req/s | ratio | quiet p99 ms | during a send p99 ms | non-2xx |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.during.map((reader, i) => {
      const quiet = r.quiet[i]!
      return `| ${reader.target} | ${quiet.requestsPerSecond} | ${reader.requestsPerSecond} | ${r.ratios[reader.target]} | ${quiet.p99Ms} | ${reader.p99Ms} | ${quiet.non2xx + reader.non2xx} |`
    }),
    '',
    `Medians of ${r.rounds} rounds of ${r.seconds} s quiet, then ${r.seconds} s with the send ` +
      `(started in the first; paused at the sink in the later quiet ones); the readers' req/s ` +
      `together, quiet → with the send, per round: ` +
      `${r.perRound.map((x) => `${x.quiet} → ${x.during}`).join(', ')}. Mails at the sink ` +
      `during the rounds with the send: ${r.mailsDuringPhase} (${or(r.mailsPerSecond, '/s')}; the ` +
      `first ${or(r.toFirstMailSeconds, ' s')} after "send now"). CPU of other processes on the ` +
      `machine, % of one core: quiet ${r.otherCpuPercent.quiet}, during ${r.otherCpuPercent.during}. ` +
      `Peak RSS of that server ${or(r.peakRssMb, ' MB')}.`,
  ].join('\n')
}

/** The scenario's targets: readers at 0.9 of quiet, one mail per subscriber, RSS within 500 MB. */
export function updatesTargets(result: UpdatesResult) {
  const worst = Math.min(...Object.values(result.defaultRate.ratios))
  const u = result.unlimited
  const peak = Math.max(u.peakRssMb ?? 0, result.defaultRate.peakRssMb ?? 0) || null
  return [
    {
      target: 'updates: readers req/s during a send at 10 mails/s / quiet ≥ 0.9',
      value: worst,
      pass: worst >= 0.9,
    },
    {
      target: `updates: each of the ${result.subscribers} subscribers got one mail (unlimited rate)`,
      value: u.addresses,
      pass: u.mails === result.subscribers && u.addresses === result.subscribers,
    },
    {
      target: 'updates: peak RSS ≤ 500 MB (both servers)',
      value: peak,
      pass: peak === null ? null : peak <= 500,
    },
  ]
}
