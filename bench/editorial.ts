/**
 * The editorial scenario of `npm run bench` (docs/benchmark.md, "A newsroom at work"): readers
 * of `/de`, an article and the HomePage GraphQL operation, first alone (quiet), then while
 * editors work as on a launch day: five draft autosaves a second, logins (successful and failed,
 * at the production rate limits: the total ceiling on anonymous writes, spread over addresses)
 * and one publish every 10 s of the article the readers read. After each publish the scenario
 * reads the three answers at once and records whether they show it.
 */
import crypto from 'node:crypto'

import { productionRateLimits } from './hostile'
import { homePageTarget, pageTarget, type Target } from './load'
import { figures, medians, runReaders, warmUp, type ReaderFigures } from './readers'
import { benchAdmin, startServer } from './server'

type Log = (line: string) => void

export type EditorialResult = {
  quiet: ReaderFigures[]
  editorial: ReaderFigures[]
  ratios: Record<string, number>
  /** What the editors sent during the editorial phases, and how it was answered. */
  writes: Record<string, { sent: number; statuses: Record<string, number> }>
  /**
   * Per publish: whether the very next read of each answer showed it (a read refused (429 or
   * 503) is waited out and does not count as a read), and how many were refused.
   */
  publishes: { title: string; visible: Record<string, boolean>; refused: number }[]
}

/** What the editors do: all of it by default; `--editors=autosave,login,publish` picks some. */
export const editorKinds = ['autosave', 'login', 'publish'] as const

const AUTOSAVES_PER_SECOND = 5
/** Logins a second (the old ceiling on public writes for the whole server, kept for comparison). */
const LOGINS_PER_SECOND = 5
const PUBLISH_EVERY_MS = 10_000

type Editor = { token: string; url: string }

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.250' },
    body: JSON.stringify(benchAdmin),
  })
  const body = (await res.json()) as { token?: string }
  if (!res.ok || !body.token)
    throw new Error(`editorial: the bench admin cannot log in (${res.status})`)
  return body.token
}

async function newsOnTheHomePage(editor: Editor): Promise<{ id: string; slug: string }[]> {
  const res = await fetch(`${editor.url}/api/news?sort=-publishedAt&limit=6&depth=0`, {
    headers: { authorization: `JWT ${editor.token}` },
  })
  const body = (await res.json()) as { docs: { id: string; slug: string }[] }
  return body.docs
}

/** Counts what each kind of write got back. */
class Tally {
  readonly counts: EditorialResult['writes'] = {}
  note(kind: string, status: number | 'error') {
    const entry = (this.counts[kind] ??= { sent: 0, statuses: {} })
    entry.sent++
    entry.statuses[String(status)] = (entry.statuses[String(status)] ?? 0) + 1
  }
}

function send(
  tally: Tally,
  kind: string,
  url: string,
  init: RequestInit,
): Promise<Response | null> {
  return fetch(url, init).then(
    async (res) => {
      await res.arrayBuffer()
      tally.note(kind, res.status)
      return res
    },
    () => {
      tally.note(kind, 'error')
      return null
    },
  )
}

/** Runs the editors for `seconds`: autosaves, logins, and publishes of `published`. */
async function editors(
  editor: Editor,
  drafts: { id: string }[],
  published: { id: string },
  readers: Target[],
  seconds: number,
  tally: Tally,
  publishes: EditorialResult['publishes'],
  kinds: readonly string[],
): Promise<void> {
  const json = { 'content-type': 'application/json', authorization: `JWT ${editor.token}` }
  const timers: NodeJS.Timeout[] = []
  const inFlight: Promise<unknown>[] = []
  let autosave = 0
  if (kinds.includes('autosave'))
    timers.push(
      setInterval(() => {
        const draft = drafts[autosave % drafts.length]!
        autosave++
        inFlight.push(
          send(
            tally,
            'draft autosave',
            `${editor.url}/api/news/${draft.id}?autosave=true&draft=true&locale=de`,
            {
              method: 'PATCH',
              headers: json,
              body: JSON.stringify({ excerpt: `Entwurf, Fassung ${autosave}` }),
            },
          ),
        )
      }, 1000 / AUTOSAVES_PER_SECOND),
    )
  // Logins spread over addresses so that no one address meets its own limit: every other login
  // fails (a wrong password).
  const loginsPerSecond = LOGINS_PER_SECOND
  let logins = 0
  if (kinds.includes('login'))
    timers.push(
      setInterval(() => {
        logins++
        const wrong = logins % 2 === 0
        inFlight.push(
          send(tally, wrong ? 'failed login' : 'login', `${editor.url}/api/users/login`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': `198.51.100.${(logins % 200) + 1}`,
            },
            body: JSON.stringify({
              email: benchAdmin.email,
              password: wrong ? crypto.randomBytes(9).toString('base64url') : benchAdmin.password,
            }),
          }),
        )
      }, 1000 / loginsPerSecond),
    )
  const publish = async () => {
    const title = `Veröffentlicht, Fassung ${publishes.length + 1}-${crypto.randomInt(1e6)}`
    const res = await send(tally, 'publish', `${editor.url}/api/news/${published.id}?locale=de`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({ title, _status: 'published' }),
    })
    if (!res?.ok) return
    // The very next read of each answer, as soon as the write is acknowledged.
    const visible: Record<string, boolean> = {}
    let refused = 0
    await Promise.all(
      readers.map(async (target) => {
        for (let attempt = 0; attempt < 10; attempt++) {
          const answer = await fetch(editor.url + target.path, {
            method: target.method,
            headers: target.headers,
            body: target.body,
          })
          const text = await answer.text()
          if (answer.status === 429 || answer.status === 503) {
            refused++
            await new Promise((resolve) => setTimeout(resolve, 1000))
            continue
          }
          visible[target.name] = answer.ok && text.includes(title)
          return
        }
        visible[target.name] = false
      }),
    )
    publishes.push({ title, visible, refused })
  }
  const firstPublish = setTimeout(
    () => {
      if (!kinds.includes('publish')) return
      inFlight.push(publish())
      timers.push(setInterval(() => inFlight.push(publish()), PUBLISH_EVERY_MS))
    },
    Math.min(2_000, (seconds * 1000) / 3),
  )
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  clearTimeout(firstPublish)
  for (const timer of timers) clearInterval(timer)
  await Promise.all(inFlight)
}

export async function editorialScenario(
  database: string,
  workDir: string,
  log: Log,
  seconds: number,
  rounds = 3,
  kinds: readonly string[] = editorKinds,
  /** More settings of the server (bench/replicas.ts: WEB_CONCURRENCY). */
  env: Record<string, string> = {},
): Promise<EditorialResult> {
  log('editorial: starting a server with the production rate limits')
  const server = await startServer({ database, workDir, env: { ...productionRateLimits, ...env } })
  try {
    const editor: Editor = { url: server.url, token: await login(server.url) }
    const news = await newsOnTheHomePage(editor)
    const published = news[0]!
    const drafts = news.slice(1)
    const readers = [
      pageTarget('/de'),
      pageTarget(`/de/news/${published.slug}`),
      homePageTarget('post'),
    ]
    await warmUp(server.url, readers)
    await runReaders(server.url, readers, 2, 4)

    const tally = new Tally()
    const publishes: EditorialResult['publishes'] = []
    const quietRounds: ReaderFigures[][] = []
    const editorialRounds: ReaderFigures[][] = []
    for (let round = 1; round <= rounds; round++) {
      log(`editorial: round ${round}/${rounds}: quiet, readers alone, ${seconds} s`)
      quietRounds.push(figures(readers, await runReaders(server.url, readers, seconds, 4)))
      log(`editorial: round ${round}/${rounds}: readers while editors work, ${seconds} s`)
      const [results] = await Promise.all([
        runReaders(server.url, readers, seconds, 4),
        editors(editor, drafts, published, readers, seconds, tally, publishes, kinds),
      ])
      editorialRounds.push(figures(readers, results))
    }
    const quiet = medians(quietRounds)
    const editorial = medians(editorialRounds)
    const ratios: Record<string, number> = {}
    for (const [i, reader] of editorial.entries()) {
      ratios[reader.target] =
        Math.round((reader.requestsPerSecond / quiet[i]!.requestsPerSecond) * 100) / 100
    }
    return { quiet, editorial, ratios, writes: tally.counts, publishes }
  } finally {
    await server.stop()
  }
}

/** The scenario's table for the console and docs/benchmark.md. */
export function editorialTable(result: EditorialResult): string {
  const seen = (name: string) =>
    `${result.publishes.filter((p) => p.visible[name]).length}/${result.publishes.length}`
  return [
    '| reader | quiet req/s | editors at work req/s | ratio | quiet p99 ms | editors at work p99 ms | publishes seen on the next read |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...result.editorial.map((reader, i) => {
      const quiet = result.quiet[i]!
      return `| ${reader.target} | ${quiet.requestsPerSecond} | ${reader.requestsPerSecond} | ${result.ratios[reader.target]} | ${quiet.p99Ms} | ${reader.p99Ms} | ${seen(reader.target)} |`
    }),
    '',
    '| editors sent | requests | answers by status |',
    '| --- | --- | --- |',
    ...Object.entries(result.writes).map(
      ([kind, w]) =>
        `| ${kind} | ${w.sent} | ${Object.entries(w.statuses)
          .map(([code, n]) => `${code}: ${n}`)
          .join(', ')} |`,
    ),
  ].join('\n')
}

/** The scenario's targets: readers at 0.9 of quiet or more, every publish seen at once. */
export function editorialTargets(result: EditorialResult) {
  const worst = Math.min(...Object.values(result.ratios))
  const allSeen =
    result.publishes.length > 0 &&
    result.publishes.every((p) => Object.values(p.visible).every(Boolean))
  return [
    {
      target: 'editorial: readers req/s while editors work / quiet ≥ 0.9',
      value: worst,
      pass: worst >= 0.9,
    },
    {
      target: 'editorial: every publish visible on the next read',
      value: result.publishes.length,
      pass: allSeen,
    },
  ]
}
