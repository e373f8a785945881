/**
 * The restore drill (docs/operations.md): a portal under write load is backed up with
 * `npm run backup`, the archive restored with `npm run restore` into a fresh folder, and a portal
 * started on it has every document acknowledged before the backup began and every media file of
 * that time, byte for byte. A restore onto the data of a running portal is refused.
 */
import { jest } from '@jest/globals'
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'

import { templateDatabase } from '../helpers/testEnv'
import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'

jest.setTimeout(120_000)

type Run = { code: number | null; output: string }

/** Runs `.server/<script>.mjs` (what `npm run backup`/`restore` run) on the given data. */
function runCommand(script: string, args: string[], data: { dir: string }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', `.server/${script}.mjs`, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          DATABASE_URI: `file:${path.join(data.dir, 'portal.db')}`,
          MEDIA_DIR: path.join(data.dir, 'media'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

const METRICS_TOKEN = crypto.randomBytes(32).toString('hex')

const serverOn = (dir: string) =>
  startProductionServer({
    DATABASE_URI: `file:${path.join(dir, 'portal.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    SMTP_HOST: '',
    METRICS_TOKEN,
  })

/** The samples of one scrape of `/metrics`, by name with labels. */
async function scrape(server: ProductionServer): Promise<Map<string, number>> {
  const res = await fetch(`${server.url}/metrics`, {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
  })
  expect(res.status).toBe(200)
  const samples = new Map<string, number>()
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue
    const at = line.lastIndexOf(' ')
    samples.set(line.slice(0, at), Number(line.slice(at + 1)))
  }
  return samples
}

/** A small PNG of its own colour, so every upload's bytes differ. */
const png = () =>
  sharp({
    create: {
      width: 16,
      height: 16,
      channels: 3,
      background: { r: crypto.randomInt(256), g: crypto.randomInt(256), b: crypto.randomInt(256) },
    },
  })
    .png()
    .toBuffer()

type Acknowledged = { news: string[]; media: { id: string; filename: string }[] }

/**
 * Writers that keep saving until stopped: two creating published news, one uploading images.
 * Each records what the server acknowledged (a 201), at the moment it did.
 */
function startWriters(server: ProductionServer, token: string) {
  const acknowledged: Acknowledged = { news: [], media: [] }
  let running = true
  const auth = { Authorization: `JWT ${token}` }
  const news = async (writer: number) => {
    for (let i = 0; running; i++) {
      const res = await fetch(`${server.url}/api/news`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Drill ${writer}-${i}`, _status: 'published' }),
      })
      if (res.status !== 201) throw new Error(`news save: ${res.status} ${await res.text()}`)
      acknowledged.news.push(((await res.json()) as { doc: { id: string } }).doc.id)
    }
  }
  const media = async () => {
    for (let i = 0; running; i++) {
      const form = new FormData()
      form.append(
        'file',
        new Blob([new Uint8Array(await png())], { type: 'image/png' }),
        `drill-${i}.png`,
      )
      form.append('_payload', JSON.stringify({ alt: `Drill ${i}` }))
      const res = await fetch(`${server.url}/api/media`, {
        method: 'POST',
        headers: auth,
        body: form,
      })
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`)
      const { doc } = (await res.json()) as { doc: { id: string; filename: string } }
      acknowledged.media.push({ id: doc.id, filename: doc.filename })
    }
  }
  const done = Promise.all([news(1), news(2), media()])
  return {
    acknowledged,
    /** What had been acknowledged up to now (a copy). */
    snapshot: (): Acknowledged => ({
      news: [...acknowledged.news],
      media: [...acknowledged.media],
    }),
    stop: async () => {
      running = false
      await done
    },
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-drill-'))
const live = path.join(work, 'live')
const fresh = path.join(work, 'fresh')
let source: ProductionServer | undefined
let restored: ProductionServer | undefined

beforeAll(() => {
  fs.mkdirSync(path.join(live, 'media'), { recursive: true })
  fs.copyFileSync(templateDatabase, path.join(live, 'portal.db'))
})
afterAll(async () => {
  await source?.stop()
  await restored?.stop()
  fs.rmSync(work, { recursive: true, force: true })
})

test('back up under load, restore into a fresh folder, and find everything acknowledged before', async () => {
  source = await serverOn(live)
  const writers = startWriters(source, await loginToken(source))
  // Let the writers get going, so the backup meets saves and uploads in flight.
  while (writers.acknowledged.media.length < 3 || writers.acknowledged.news.length < 10)
    await new Promise((resolve) => setTimeout(resolve, 50))

  const before = writers.snapshot()
  const [backedUp, refused] = await Promise.all([
    runCommand('backup', [path.join(work, 'archives')], { dir: live }),
    // Meanwhile, a restore onto the data of the portal that runs is refused before anything else.
    runCommand('restore', [path.join(work, 'any.tar.gz')], { dir: live }),
  ])
  const during = writers.snapshot()
  await writers.stop()
  // The production server counted the load in one registry, though the saves ran in Next's
  // route handlers and the writer queue in the server's own modules.
  const adminToken = await loginToken(source)
  const tooDeep = await fetch(`${source.url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${adminToken}` },
    body: JSON.stringify({
      query: `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    }),
  })
  expect(tooDeep.status).toBe(400)
  const samples = await scrape(source)
  const sample = (name: string) => samples.get(name) ?? 0
  expect(sample('portal_sqlite_writer_wait_seconds_count')).toBeGreaterThan(during.news.length)
  expect(sample('portal_read_cache_invalidations_total{cause="news"}')).toBeGreaterThan(0)
  expect(
    sample('portal_http_request_duration_seconds_count{route="rest",status="2xx"}'),
  ).toBeGreaterThanOrEqual(during.news.length)
  expect(
    sample('portal_http_request_duration_seconds_count{route="upload",status="2xx"}'),
  ).toBeGreaterThanOrEqual(during.media.length)
  expect(sample('portal_requests_refused_total{limit="graphql_cost",rule="maxAliases"}')).toBe(1)
  expect(backedUp.code).toBe(0)
  expect(refused.code).toBe(1)
  expect(refused.output).toMatch(/Restore refused: another process holds the lock/)
  // The writers kept saving while the backup ran.
  expect(during.news.length).toBeGreaterThan(before.news.length)

  const archive = backedUp.output.trim().split('\n').at(-1)!
  const liveFiles = new Map(
    before.media.map(({ filename }) => [
      filename,
      fs.readFileSync(path.join(live, 'media', filename)),
    ]),
  )
  await source.stop()
  source = undefined

  const restoreRun = await runCommand('restore', [archive], { dir: fresh })
  expect(restoreRun.code).toBe(0)
  restored = await serverOn(fresh)
  const token = await loginToken(restored)
  const auth = { Authorization: `JWT ${token}` }

  const found = new Set<string>()
  for (let at = 0; at < before.news.length; at += 50) {
    const ids = before.news.slice(at, at + 50)
    const query = ids.map((id, i) => `where[id][in][${i}]=${id}`).join('&')
    const res = await fetch(`${restored.url}/api/news?${query}&limit=50&depth=0&draft=false`, {
      headers: auth,
    })
    expect(res.status).toBe(200)
    for (const doc of ((await res.json()) as { docs: { id: string }[] }).docs) found.add(doc.id)
  }
  expect(before.news.filter((id) => !found.has(id))).toEqual([])

  for (const { id, filename } of before.media) {
    const doc = await fetch(`${restored.url}/api/media/${id}?depth=0`, { headers: auth })
    expect(doc.status).toBe(200)
    const file = await fetch(`${restored.url}/api/media/file/${encodeURIComponent(filename)}`)
    expect(file.status).toBe(200)
    const bytes = Buffer.from(await file.arrayBuffer())
    expect(bytes.equals(liveFiles.get(filename)!)).toBe(true)
  }
})
