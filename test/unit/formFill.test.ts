/**
 * The signing form from the read cache (src/edge/formFill.ts): one rendering with placeholders
 * is kept, and every answer, a miss or a hit, carries a stamp and a challenge of its own, in the
 * markup and in the inline payload alike, never revalidated and never kept by another cache.
 */
import { jest } from '@jest/globals'
import express from 'express'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import {
  CHALLENGE_PLACEHOLDER,
  FORM_TOKEN_PLACEHOLDER,
  decodeChallenge,
  encodeChallenge,
} from '@/cms/signatures/formPlaceholders'
import { readFormToken } from '@/cms/signatures/formToken'
import { formFill } from '@/edge/formFill'
import { fillPlaceholders } from '@/edge/placeholderFill'
import { invalidateReadCache } from '@/data/changes/changeLog'
import { readCache } from '@/readCache/serve'

const secret = 'form-fill-test-secret-form-fill-test-secret'

/** A page as Next streams it: the token in an attribute, both again in a script's string. */
const page = [
  '<!DOCTYPE html><html><body><form>',
  `<input type="hidden" name="formToken" value="${FORM_TOKEN_PLACEHOLDER}"/>`,
  // Split inside a placeholder: the fill must see the whole answer, not chunk by chunk.
  `</form><script>self.__next_f.push([1,"5:{\\"formToken\\":\\"${FORM_TOKEN_PLACEHOLDER.slice(0, 30)}`,
  `${FORM_TOKEN_PLACEHOLDER.slice(30)}\\",\\"challenge\\":\\"${CHALLENGE_PLACEHOLDER}\\"}"])</script>`,
  `<p>${'padding '.repeat(200)}</p></body></html>`,
]

let server: Server
let base: string
let renders = 0
const onFailure = jest.fn()

beforeAll(async () => {
  invalidateReadCache()
  const app = express()
  app.get(
    ['/de/declaration/sign', '/en/declaration/sign'],
    formFill({ secret, onFailure, perClient: null }),
  )
  const cache = readCache({
    maxBytes: 8 * 1024 * 1024,
    sharedMaxAge: 0,
    pages: true,
    allowedOrigins: [],
  })
  app.use(cache.serve)
  app.get('/de/declaration/sign', (req, res) => {
    renders += 1
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate')
    res.setHeader('X-Seen-Encoding', req.get('accept-encoding') ?? 'none')
    for (const chunk of page) res.write(chunk)
    res.end()
  })
  // A page whose placeholder was mangled (cut where the fill cannot find it).
  app.get('/en/declaration/sign', (_req, res) => {
    res.type('html').send(`<input name="formToken" value="${FORM_TOKEN_PLACEHOLDER.slice(0, 30)}">`)
  })
  server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const tokensIn = (html: string) =>
  [...html.matchAll(/\d{13}\.[\w-]{22}\.[\w-]{43}/g)].map((m) => m[0])

async function open(headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/de/declaration/sign`, {
    headers: { 'Accept-Encoding': 'identity', ...headers },
  })
  return { res, html: await res.text() }
}

test('every answer, the miss and the hits, has its own valid stamp and challenge in every place', async () => {
  const answers = [await open(), await open(), await open()]
  expect(answers.map((a) => a.res.headers.get('x-cache'))).toEqual(['MISS', 'HIT', 'HIT'])
  expect(renders).toBe(1)
  const stamps = answers.map(({ html }) => {
    expect(html).not.toContain(FORM_TOKEN_PLACEHOLDER.slice(0, 20))
    expect(html).not.toContain(CHALLENGE_PLACEHOLDER.slice(0, 20))
    const [inMarkup, inPayload, ...more] = tokensIn(html)
    expect(more).toEqual([])
    expect(inPayload).toBe(inMarkup)
    const stamp = readFormToken(secret, inMarkup)
    expect(stamp).not.toBeNull()
    const challenge = /\\"challenge\\":\\"([^\\]+)\\"/.exec(html)![1]!
    const json = JSON.parse(decodeChallenge(challenge)!) as {
      parameters: { data: { form: string } }
    }
    // The challenge belongs to this answer's form and no other.
    expect(json.parameters.data.form).toBe(stamp!.nonce)
    return inMarkup
  })
  expect(new Set(stamps).size).toBe(3)
  for (const { res, html } of answers) {
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('etag')).toBeNull()
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(html))
  }
})

test('a validator never gets a 304: a spent stamp is never reused', async () => {
  const first = await open()
  const again = await open({ 'If-None-Match': '*' })
  expect(again.res.status).toBe(200)
  expect(tokensIn(again.html)[0]).not.toBe(tokensIn(first.html)[0])
})

test('all encodings share one rendering, compressed here for those who accept it', async () => {
  const before = renders
  const gzip = await fetch(`${base}/de/declaration/sign`, {
    headers: { 'Accept-Encoding': 'gzip' },
  })
  // fetch decompresses; the raw size says it came compressed.
  expect(gzip.headers.get('content-encoding')).toBe('gzip')
  expect(gzip.headers.get('vary')).toMatch(/accept-encoding/i)
  const html = await gzip.text()
  expect(Number(gzip.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(html))
  // The one rendering was asked for without an encoding.
  expect(gzip.headers.get('x-seen-encoding')).toBe('none')
  expect(tokensIn(html)).toHaveLength(2)
  expect(gzip.headers.get('x-cache')).toBe('HIT')
  expect(renders).toBe(before)
})

test('a hit after a compressed miss is compressed for whoever accepts it, and only for them', async () => {
  invalidateReadCache()
  const asked = (encoding: string) =>
    fetch(`${base}/de/declaration/sign`, { headers: { 'Accept-Encoding': encoding } })
  for (const [encoding, cache, sent] of [
    ['gzip', 'MISS', 'gzip'],
    ['gzip', 'HIT', 'gzip'],
    ['identity', 'HIT', null],
    ['deflate', 'HIT', 'deflate'],
  ] as const) {
    const res = await asked(encoding)
    expect([res.headers.get('x-cache'), res.headers.get('content-encoding')]).toEqual([cache, sent])
    expect(tokensIn(await res.text())).toHaveLength(2)
  }
})

test('a form the fill cannot complete is a 503 page in its language that retries, never a form without a valid stamp', async () => {
  const res = await fetch(`${base}/en/declaration/sign`)
  expect(res.status).toBe(503)
  expect(res.headers.get('retry-after')).toBe('1')
  expect(res.headers.get('cache-control')).toBe('no-store')
  const page = await res.text()
  expect(page).not.toContain('__portal-signing-')
  // The portal's try-again page, in the form's language, going back to the form by itself.
  expect(page).toContain('<html lang="en">')
  expect(page).toContain('content="1; url=/en/declaration/sign"')
  expect(onFailure).toHaveBeenCalledTimes(1)
})

test('the fill writes over placeholders of its own length and leaves the stored answer alone', () => {
  const stored = Buffer.from(`a ${FORM_TOKEN_PLACEHOLDER} b ${FORM_TOKEN_PLACEHOLDER}`)
  const copy = Buffer.from(stored)
  const token = '1'.repeat(FORM_TOKEN_PLACEHOLDER.length)
  const filled = fillPlaceholders(stored, [[FORM_TOKEN_PLACEHOLDER, token]])
  expect(filled?.toString()).toBe(`a ${token} b ${token}`)
  expect(stored.equals(copy)).toBe(true)
  expect(
    fillPlaceholders(Buffer.from('nothing here'), [[FORM_TOKEN_PLACEHOLDER, token]]),
  ).toBeNull()
  expect(() => fillPlaceholders(stored, [[FORM_TOKEN_PLACEHOLDER, 'short']])).toThrow()
})

test('a placeholder cut between two inline payload scripts is filled piece by piece', () => {
  const token = '9'.repeat(FORM_TOKEN_PLACEHOLDER.length)
  for (const head of [1, 17, 40, FORM_TOKEN_PLACEHOLDER.length - 1]) {
    const html =
      `<script>self.__next_f.push([1,"a ${FORM_TOKEN_PLACEHOLDER.slice(0, head)}"])</script>` +
      `<div>streamed markup</div>` +
      `<script>self.__next_f.push([1,"${FORM_TOKEN_PLACEHOLDER.slice(head)} b"])</script>`
    const filled = fillPlaceholders(Buffer.from(html), [[FORM_TOKEN_PLACEHOLDER, token]])!
    expect(filled.toString()).toBe(
      `<script>self.__next_f.push([1,"a ${token.slice(0, head)}"])</script>` +
        `<div>streamed markup</div>` +
        `<script>self.__next_f.push([1,"${token.slice(head)} b"])</script>`,
    )
  }
})

test('a challenge fills its placeholder exactly and decodes back; a placeholder decodes to nothing', () => {
  const json = JSON.stringify({ parameters: { nonce: 'ab'.repeat(16), data: { form: 'x' } } })
  const text = encodeChallenge(json)
  expect(text).toHaveLength(CHALLENGE_PLACEHOLDER.length)
  expect(decodeChallenge(text)).toBe(json)
  expect(decodeChallenge(CHALLENGE_PLACEHOLDER)).toBeNull()
  expect(() => encodeChallenge('x'.repeat(CHALLENGE_PLACEHOLDER.length))).toThrow()
})
