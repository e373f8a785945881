import fs from 'node:fs'
import path from 'node:path'

import { print } from 'graphql'
import type { Payload } from 'payload'

import { invalidateReadCache } from '@/data/changes/changeLog'
import { HomePageDocument, SiteChromeDocument } from '@/graphql/generated'
import { anonymousApi, today } from '@/web/api'

import { startPayload, stopPayload } from '../helpers/api'
import { postGraphQL, startCacheServer, type CacheServer } from '../helpers/cacheServer'
import { filesOf, recordStops, type Stop } from '../helpers/stopWalk'
import { walkDocument } from '../helpers/walkDocument'

/**
 * The request walk-through of docs/architecture.md, measured (issue 22): the functions of ours
 * three requests enter, in order, recorded around each one (test/helpers/stopWalk.ts). The walk is
 * written to docs/request-walk.md; this test fails when the committed file differs.
 */
const WALK_FILE = path.resolve('docs/request-walk.md')
const REGENERATE =
  'UPDATE_WALK=1 NODE_OPTIONS=--experimental-vm-modules npx jest test/int/requestWalk.test.ts'
const SITE_CHROME = print(SiteChromeDocument)

/**
 * The hit is held to the bound (at most 12 stops in 8 files: a repeat answered at the
 * front). The way to the resolver is held to the count measured (72 stops in 39 files, 2026-12-07)
 * plus the four functions entered on some runs only (see `compareWalk` below: a CI run recorded
 * 76 with all four): the target (at most 20 stops in 14 files) is not met yet,
 * docs/architecture.md says how far off it is. A change that adds stops fails here.
 */
const CEILINGS = { hit: { stops: 12, files: 8 }, toResolver: { stops: 76, files: 41 } }

/**
 * Payload's resolvers have been entered once a function of the CMS (access, hooks, fields,
 * collections) runs after the endpoint started executing: everything before the first of them is
 * the way to the resolver. CMS functions that run earlier are the edge asking the CMS something
 * (admission asks whether a request is a signing step) and count as part of the way.
 */
const toResolver = (stops: Stop[]): Stop[] => {
  const executing = stops.findIndex((stop) => stop.file.startsWith('src/graphql/execute/'))
  const first = stops.findIndex(
    (stop, i) => i > executing && /^(src\/cms|collections)\//.test(stop.file),
  )
  return executing === -1 || first === -1 ? stops : stops.slice(0, first)
}

/**
 * Coverage records every function of ours that runs while the request is handled, including work
 * that only happens to run then (the load signal's sample timer, a job poll): on a busy machine a
 * hit once read as 83 stops. Such work only ever adds stops, so a recording over `enough` is
 * taken again, up to three times in all, and the smallest counts. Each recording costs seconds
 * on a loaded machine (a breakpoint on every function entered), so one that is within `enough`
 * is kept at once.
 */
/**
 * A request sent to the server starts at its front (src/edge/front.ts): stops recorded before it
 * are other work of the test process that ran first (a SQLite statement of a background job once
 * made a miss read 55 stops in the full suite), never part of the request.
 */
const fromFront = (stops: Stop[]): Stop[] => {
  const front = stops.findIndex((stop) => stop.file === 'src/edge/front.ts')
  return front <= 0 ? stops : stops.slice(front)
}

async function fewestStops(
  request: () => Promise<unknown>,
  prepare: (() => void) | undefined,
  enough: (stops: Stop[]) => boolean,
) {
  let fewest: Stop[] | null = null
  for (let attempt = 0; attempt < 3; attempt++) {
    const stops = fromFront(await recordStops(request, prepare))
    if (!fewest || stops.length < fewest.length) fewest = stops
    if (enough(fewest)) break
  }
  return fewest!
}

/** The stops named in the failure message of a ceiling, so a failure says what was added. */
const named = (stops: Stop[]) => stops.map((stop) => `${stop.file}:${stop.name}`).join('\n')

let payload: Payload
let server: CacheServer
const walks: Record<'hit' | 'miss' | 'page', Stop[]> = { hit: [], miss: [], page: [] }

/** The home page's reads (/de), as its layout (the site chrome) and page run them in-process. */
async function pageReads() {
  const api = anonymousApi('de')
  await api.request(SiteChromeDocument, {})
  await api.request(HomePageDocument, { now: today() })
}

const post = () => postGraphQL(server.base, SITE_CHROME, { locale: 'de' })

beforeAll(async () => {
  payload = await startPayload()
  server = await startCacheServer(payload)
  // Warm-up: every module loaded, schema built, documents parsed, statements prepared.
  for (let i = 0; i < 3; i++) {
    invalidateReadCache()
    await post()
    await post()
    await pageReads()
  }
  const answers: (string | null)[] = []
  const send = async () => answers.push((await post()).cache)
  walks.hit = await fewestStops(send, undefined, (stops) => stops.length <= CEILINGS.hit.stops)
  const hits = answers.splice(0)
  walks.miss = await fewestStops(
    send,
    invalidateReadCache,
    (stops) => toResolver(stops).length <= CEILINGS.toResolver.stops,
  )
  walks.page = await fewestStops(pageReads, undefined, () => true)
  // Each request was sent twice per recording (which functions, then in which order), always
  // with the same answer.
  expect(new Set(hits)).toEqual(new Set(['HIT']))
  expect(new Set(answers)).toEqual(new Set(['MISS']))
  // A guard against a hang: 17 s alone, 27 s in CI beside a browser file, more when re-recorded.
}, 180_000)
afterAll(async () => {
  await server.close()
  await stopPayload(payload)
})

test('a cached GraphQL hit is answered in no more stops and files than measured', () => {
  if (walks.hit.length > CEILINGS.hit.stops) console.info(named(walks.hit))
  expect(walks.hit.length).toBeLessThanOrEqual(CEILINGS.hit.stops)
  expect(filesOf(walks.hit).length).toBeLessThanOrEqual(CEILINGS.hit.files)
  // A hit never reaches the endpoint's execution or Payload.
  expect(filesOf(walks.hit).filter((file) => file.startsWith('src/graphql/execute/'))).toEqual([])
})

test('a GraphQL miss reaches the resolver in no more stops and files than measured', () => {
  const before = toResolver(walks.miss)
  expect(before.length).toBeLessThan(walks.miss.length)
  if (before.length > CEILINGS.toResolver.stops) console.info(named(before))
  expect(before.length).toBeLessThanOrEqual(CEILINGS.toResolver.stops)
  expect(filesOf(before).length).toBeLessThanOrEqual(CEILINGS.toResolver.files)
})

test("a page's GraphQL reads are in-process calls: no HTTP endpoint, no JSON in between", () => {
  const files = filesOf(walks.page)
  expect(files).toContain('src/graphql/execute/inProcess.ts')
  // The endpoint (src/graphql/http/) and graphql-http's answer (execute/answer.ts) serialise the
  // result; the request reader (request/call.ts) parses a JSON body. None of them runs.
  const serialising = /^src\/graphql\/(http\/|execute\/answer\.ts|request\/call\.ts)/
  expect(files.filter((file) => serialising.test(file))).toEqual([])
})

const counted = (stops: Stop[]) => `${stops.length} stops in ${filesOf(stops).length} files`

/**
 * A few functions are entered on some runs only (a store lookup's callback, getters of
 * graphql-http's request, the single flight's settling callback), so the walk is not yet the same
 * on every run: the comparison with the committed file runs with CHECK_WALK=1 (or UPDATE_WALK=1).
 */
const compareWalk = process.env.CHECK_WALK || process.env.UPDATE_WALK ? test : test.skip

compareWalk('docs/request-walk.md is the walk measured', () => {
  const measured = walkDocument([
    {
      title: 'A cached GraphQL hit',
      about:
        'An anonymous POST of the committed `SiteChrome` operation, answered from the read ' +
        'cache (`X-Cache: HIT`).',
      stops: walks.hit,
    },
    {
      title: 'A GraphQL miss',
      about:
        'The same POST after the cache was emptied (`X-Cache: MISS`), through Payload’s ' +
        'resolvers and back into the cache. Until the first function of the CMS (Payload’s ' +
        `resolver has been entered): ${counted(toResolver(walks.miss))}.`,
      stops: walks.miss,
    },
    {
      title: 'A page’s GraphQL reads',
      about:
        'The reads of the home page (`/de`): the layout’s `SiteChrome` and the page’s ' +
        '`HomePage`, in-process through `anonymousApi`, as the page runs them for an anonymous ' +
        'visitor. Next’s rendering, and the express leg in front of it, are not part of this ' +
        'walk (Jest runs no Next server); up to the hand-off to Next, a page miss crosses the ' +
        'edge and the read cache as the GraphQL miss does.',
      stops: walks.page,
    },
  ])
  if (process.env.UPDATE_WALK) fs.writeFileSync(WALK_FILE, measured)
  const committed = fs.existsSync(WALK_FILE) ? fs.readFileSync(WALK_FILE, 'utf8') : ''
  if (committed !== measured) {
    throw new Error(`docs/request-walk.md differs from the walk measured; run ${REGENERATE}`)
  }
})
