/**
 * `npm run search:reindex`: rebuilds the search index, with progress.
 *
 * The index lives in the memory of the portal server, so with a server answering at SERVER_URL
 * this logs in as the admin in ADMIN_EMAIL / ADMIN_PASSWORD, asks the server to rebuild
 * (`POST /api/search/reindex`; the current index answers until the new one is complete) and
 * follows its progress on /readyz. With no server answering (or with `--local`), it builds an
 * index from DATABASE_URI in this process instead, to check that every public document can be
 * indexed and to measure the build (`--json` prints the figures as JSON; the benchmark reads
 * them, run with `node --expose-gc` for an exact heap figure): the next server start builds its
 * own.
 */
import { getPayload } from 'payload'

import { readEnvironment } from '../../core/env'
import config from '../../payload.config'
import { locales } from '../../core/locales'
import { buildEngine } from '../../cms/search/indexer'
import { publicDocuments, publicIds } from '../../cms/search/read'
import { sources } from '../../cms/search/sources'

const json = process.argv.includes('--json')
const local = process.argv.includes('--local')
const env = readEnvironment()
const say = (line: string) => {
  if (!json) console.log(line)
}

async function serverAnswers(): Promise<boolean> {
  try {
    const response = await fetch(`${env.serverUrl}/readyz`, { signal: AbortSignal.timeout(2000) })
    return response.ok
  } catch {
    return false
  }
}

type Readiness = {
  search?: { state: string; build?: { done: number; total: number }; builtAt?: string }
}

async function reindexServer(): Promise<void> {
  if (!env.adminEmail || !env.adminPassword) {
    console.error(
      `A server answers at ${env.serverUrl}: set ADMIN_EMAIL and ADMIN_PASSWORD (an admin's login) to ask it to rebuild its index.`,
    )
    process.exit(1)
  }
  const login = await fetch(`${env.serverUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: env.adminEmail, password: env.adminPassword }),
  })
  const { token } = (await login.json().catch(() => ({}))) as { token?: string }
  if (!login.ok || !token) {
    console.error(`Login as ${env.adminEmail} failed (HTTP ${login.status}).`)
    process.exit(1)
  }
  const started = Date.now()
  const answer = await fetch(`${env.serverUrl}/api/search/reindex`, {
    method: 'POST',
    headers: { Authorization: `JWT ${token}` },
  })
  if (answer.status !== 202) {
    console.error(`The server refused the rebuild (HTTP ${answer.status}): ${await answer.text()}`)
    process.exit(1)
  }
  say(`search:reindex: the server at ${env.serverUrl} is rebuilding its index`)
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const ready = (await (await fetch(`${env.serverUrl}/readyz`)).json()) as Readiness
    const search = ready.search
    if (search?.build)
      say(`search:reindex: ${search.build.done} of ${search.build.total} documents`)
    else if (search?.state === 'ready' && Date.parse(search.builtAt ?? '') >= started) break
    else if (search?.state === 'failed') {
      console.error('search:reindex: the build failed; see the server log.')
      process.exit(1)
    }
  }
  say(`search:reindex: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/** Heap in use after a full collection (with --expose-gc; else as it is). */
function heapBytes(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed
}

async function buildHere(): Promise<void> {
  say(`search:reindex: no server answers at ${env.serverUrl}; building from the database here`)
  const payload = await getPayload({ config })
  // The database layers' first reads compile and cache code of their own: read a batch of each
  // kind first, so the heap figure is the index's and not theirs.
  for (const source of sources) {
    if (source.collection) {
      await publicDocuments(payload, source, (await publicIds(payload, source)).slice(0, 100))
    }
  }
  const before = heapBytes()
  const started = Date.now()
  let lastShown = 0
  const engine = await buildEngine(payload, (done, total) => {
    if (done === total || Date.now() - lastShown > 2000) {
      lastShown = Date.now()
      say(`search:reindex: ${done} of ${total} documents`)
    }
  })
  const buildMs = Date.now() - started
  const heapMb = Math.round(((heapBytes() - before) / 2 ** 20) * 10) / 10
  const documents = Object.fromEntries(locales.map(({ code }) => [code, engine.size(code)]))
  if (json) {
    console.log(JSON.stringify({ documents, buildMs, heapMb }))
  } else {
    say(
      `search:reindex: ${JSON.stringify(documents)} documents indexed in ${buildMs} ms, ` +
        `${heapMb} MB of heap. The server builds its own index when it starts.`,
    )
  }
  await payload.destroy()
}

if (!local && (await serverAnswers())) await reindexServer()
else await buildHere()
process.exit(0)
