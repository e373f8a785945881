import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Payload } from 'payload'

import { readEnvironment } from '@/core/env'
import { LIMIT_CODE } from '@/cms/apiLimits'
import { createApp } from '@/process/app'
import { bodySettings } from '@/edge/bodyClasses'
import { edgeSettings } from '@/edge/settings'

import { startPayload, stopPayload } from '../helpers/api'

/**
 * The express layer's edge: the body policy and the URL guard, in front of a stand-in for Next
 * that reads whatever body reaches it and answers with its size and hash, so a test sees both
 * what was refused and that what passed arrived intact.
 */
let payload: Payload
let server: Server
let port: number
const reached: string[] = []

const limits = {
  graphql: 64 * 1024,
  json: 256 * 1024,
  form: 16 * 1024,
  serverAction: 128 * 1024,
  multipart: 512 * 1024,
  // The file a person may upload; the multipart limit adds room for the form data beside it.
  file: 480 * 1024,
}
const budgetBytes = 600 * 1024

beforeAll(async () => {
  payload = await startPayload()
  const app = createApp({
    payload,
    handle: (req, res) => {
      reached.push(`${req.method} ${req.originalUrl}`)
      const hash = crypto.createHash('sha256')
      let size = 0
      req.on('data', (chunk: Buffer) => {
        size += chunk.length
        hash.update(chunk)
      })
      req.on('end', () => res.json({ size, sha256: hash.digest('hex') }))
    },
    https: false,
    isShuttingDown: () => false,
    edge: { ...edgeSettings(readEnvironment()), bodies: { limits, budgetBytes } },
  })
  server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await stopPayload(payload)
})
beforeEach(() => {
  reached.length = 0
})

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/**
 * A raw request. `chunks` are written one by one (chunked unless `declare` gives a length);
 * writing stops as soon as an answer arrives, as a client would that reads while it sends.
 */
function send(
  path: string,
  options: {
    method?: string
    headers?: Record<string, string>
    chunks?: Buffer[]
    declare?: number
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers }
    if (options.declare !== undefined) headers['Content-Length'] = String(options.declare)
    const request = http.request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers },
      (response) => {
        answered = true
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (text: string) => (body += text))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        )
      },
    )
    let answered = false
    request.on('error', (error) => (answered ? undefined : reject(error)))
    const chunks = [...(options.chunks ?? [])]
    const writeNext = () => {
      if (answered) return
      const chunk = chunks.shift()
      if (!chunk) {
        // A declared length bigger than what was written: wait for the answer, send no more.
        if (options.declare === undefined) request.end()
        return
      }
      request.write(chunk, () => setImmediate(writeNext))
    }
    writeNext()
  })
}

const kib = (n: number) => Buffer.alloc(n * 1024, 'a')
const many = (count: number, size: number) => Array.from({ length: count }, () => kib(size))

describe('the body policy', () => {
  test('a declared length over the limit is refused with 413 before anything is read', async () => {
    const res = await send('/api/news', {
      headers: { 'Content-Type': 'application/json' },
      declare: 100 * 1024 * 1024,
      chunks: [kib(1)],
    })
    expect(res.status).toBe(413)
    const body = JSON.parse(res.body) as { errors: { message: string; limit: string }[] }
    expect(body.errors[0]?.limit).toBe('JSON_BODY_MAX_BYTES')
    // In a person's units, in English for a client that names no language.
    expect(body.errors[0]?.message).toBe(
      'The request is too large (100 MB). JSON requests may have at most 256 KB (JSON_BODY_MAX_BYTES).',
    )
    expect(res.headers.connection).toBe('close')
    expect(reached).toEqual([])
  })

  test('an upload too large for the German admin is refused in German, in MB and the file limit', async () => {
    const refused = async (headers: Record<string, string>) => {
      const res = await send('/api/media', {
        headers: { 'Content-Type': 'multipart/form-data; boundary=x', ...headers },
        declare: 20 * 1024 * 1024 + 1183,
        chunks: [kib(1)],
      })
      expect(res.status).toBe(413)
      return (JSON.parse(res.body) as { errors: { message: string }[] }).errors[0]?.message
    }
    // The admin's language wins over the browser's.
    expect(await refused({ Cookie: 'theme=dark; payload-lng=de', 'Accept-Language': 'en' })).toBe(
      'Die Datei ist zu groß (20 MB). Hochgeladen werden können Dateien bis 480 KB (UPLOAD_MAX_BYTES).',
    )
    expect(await refused({ 'Accept-Language': 'fr, de;q=0.8, en;q=0.5' })).toMatch(/^Die Datei/)
    expect(await refused({ Cookie: 'payload-lng=en', 'Accept-Language': 'de' })).toBe(
      'The file is too large (20 MB). Files of up to 480 KB can be uploaded (UPLOAD_MAX_BYTES).',
    )
    expect(reached).toEqual([])
  })

  test('a chunked body is cut off at the limit, with or without credentials', async () => {
    const variants: Record<string, string>[] = [
      { 'Content-Type': 'application/json' },
      { 'Content-Type': 'application/json', Authorization: 'JWT not-a-real-token' },
      { 'Content-Type': 'application/json', Cookie: 'payload-token=junk' },
    ]
    for (const headers of variants) {
      const res = await send('/api/news', { headers, chunks: many(400, 4) })
      expect(res.status).toBe(413)
      expect(res.body).toContain('JSON_BODY_MAX_BYTES')
    }
    expect(reached).toEqual([])
  })

  test('a body within the limit reaches the handler byte for byte, chunked or declared', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => crypto.randomBytes(1000 + i))
    const whole = Buffer.concat(chunks)
    const expected = { size: whole.length, sha256: crypto.hash('sha256', whole) }
    const headers = { 'Content-Type': 'application/json' }
    expect(JSON.parse((await send('/api/news', { headers, chunks })).body)).toEqual(expected)
    const declared = await send('/api/news', { headers, chunks: [whole], declare: whole.length })
    expect(JSON.parse(declared.body)).toEqual(expected)
    expect(reached).toHaveLength(2)
  })

  test('GraphQL keeps its own refusal: 400 with LIMIT_EXCEEDED, declared or chunked', async () => {
    const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer junk' }
    for (const res of [
      await send('/api/graphql', { headers, declare: 1024 * 1024, chunks: [kib(1)] }),
      await send('/api/graphql', { headers, chunks: many(40, 4) }),
    ]) {
      expect(res.status).toBe(400)
      const body = JSON.parse(res.body) as { errors: { extensions: Record<string, unknown> }[] }
      expect(body.errors[0]?.extensions).toMatchObject({ code: LIMIT_CODE, limit: 'maxBodyBytes' })
    }
    expect(reached).toEqual([])
  })

  test('each kind of request has its own limit', async () => {
    const cases: [string, Record<string, string>, number, string][] = [
      [
        '/api/media',
        { 'Content-Type': 'multipart/form-data; boundary=x' },
        500,
        'UPLOAD_MAX_BYTES',
      ],
      ['/admin', { 'Next-Action': 'abc', 'Content-Type': 'text/plain' }, 120, 'SERVER_ACTION'],
      ['/api/forms', { 'Content-Type': 'application/x-www-form-urlencoded' }, 15, 'FORM'],
      ['/api/other', { 'Content-Type': 'text/plain' }, 15, 'FORM'],
    ]
    for (const [path, headers, fits, setting] of cases) {
      const within = await send(path, { headers, chunks: [kib(fits)] })
      expect(within.status).toBe(200)
      const over = await send(path, { headers, chunks: many(fits + 20, 1) })
      expect(over.status).toBe(413)
      expect(over.body).toContain(setting)
    }
  })

  test('bodies in flight share one budget: past it, 503 with Retry-After, and it recovers', async () => {
    // Three declared bodies of 250 KiB that never finish hold 750 KiB > the 600 KiB budget.
    const open: http.ClientRequest[] = []
    const hold = () =>
      new Promise<void>((resolve) => {
        const request = http.request({
          host: '127.0.0.1',
          port,
          path: '/api/news',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(250 * 1024) },
        })
        request.on('error', () => undefined)
        request.write(kib(1), () => resolve())
        open.push(request)
      })
    await hold()
    await hold()
    // Let the server take both reservations.
    await new Promise((resolve) => setTimeout(resolve, 100))
    const busy = await send('/api/news', {
      headers: { 'Content-Type': 'application/json' },
      declare: 250 * 1024,
      chunks: [kib(1)],
    })
    expect(busy.status).toBe(503)
    expect(busy.headers['retry-after']).toBe('5')
    for (const request of open) request.destroy()
    await new Promise((resolve) => setTimeout(resolve, 100))
    const after = await send('/api/news', {
      headers: { 'Content-Type': 'application/json' },
      chunks: [kib(200)],
    })
    expect(after.status).toBe(200)
  })
})

describe('the method guard', () => {
  test('pages and assets take no writes: 405 with Allow, before the body is read', async () => {
    for (const path of ['/de', '/de/news/x', '/_next/static/x.js', '/admin']) {
      const res = await send(path, {
        headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
        chunks: [kib(1)],
      })
      expect(res.status).toBe(405)
      expect(res.headers.allow).toBe('GET, HEAD')
    }
    expect(reached).toEqual([])
  })

  test('a multipart body without a boundary and a GraphQL body that is not JSON are refused', async () => {
    const noBoundary = await send('/api/media', {
      headers: { 'Content-Type': 'multipart/form-data' },
      chunks: [kib(1)],
    })
    expect(noBoundary.status).toBe(400)
    const graphqlForm = await send('/api/graphql', {
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      chunks: [kib(1)],
    })
    expect(graphqlForm.status).toBe(415)
    expect(reached).toEqual([])
  })
})

describe('the URL guard', () => {
  test.each([
    '/%ff',
    '/de/news/%ff',
    '/api/news/%E0%A4%A',
    '/api/news?where[title][equals]=%ff',
    '/api/graphql?query=%E0%A4%A',
    '/admin/collections/news/%ED%A0%80',
    '/de/%00',
    '/de?q=%00',
    `/de/${'x'.repeat(3000)}`,
  ])('%# %s answers 400 with a message, before Next sees it', async (path) => {
    const res = await send(path, { method: 'GET' })
    expect(res.status).toBe(400)
    expect((JSON.parse(res.body) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /\w/,
    )
    expect(reached).toEqual([])
  })

  test('a Host header that is no host name answers 400', async () => {
    for (const host of ['undefined:undefined', 'x/y', 'a:b:c']) {
      const res = await send('/de', { method: 'GET', headers: { Host: host } })
      expect(res.status).toBe(400)
      expect(res.body).toMatch(/Host/)
    }
    expect(
      (await send('/de', { method: 'GET', headers: { Host: 'portal.example:8080' } })).status,
    ).toBe(200)
    expect(reached).toEqual(['GET /de'])
  })

  test('well-formed escapes pass', async () => {
    for (const path of ['/de/news/%C3%A4rger', '/de/news?tag=K%C3%BCnstliche+Intelligenz', '/de']) {
      expect((await send(path, { method: 'GET' })).status).toBe(200)
    }
    expect(reached).toHaveLength(3)
  })
})

test('the default settings match what the issue and the docs promise', () => {
  const { limits: defaults, budgetBytes: budget } = bodySettings(
    readEnvironment({ NODE_ENV: 'test', PAYLOAD_SECRET: 'x'.repeat(32), PREVIEW_SECRET: 'y' }),
  )
  expect(defaults).toEqual({
    graphql: 64 * 1024,
    json: 2 * 1024 * 1024,
    form: 64 * 1024,
    serverAction: 4 * 1024 * 1024,
    multipart: 15 * 1024 * 1024 + 2 * 1024 * 1024,
    file: 15 * 1024 * 1024,
  })
  expect(budget).toBe(64 * 1024 * 1024)
})
