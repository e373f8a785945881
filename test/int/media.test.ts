import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'

import type { TestUser } from '../helpers/users'

// A small limit for this file, so the size check can be exercised with a small file. It must be
// set before the config is first imported, hence the dynamic imports.
const LIMIT = 300_000
process.env.UPLOAD_MAX_BYTES = String(LIMIT)
const { rest, startPayload, stopPayload } = await import('../helpers/api')
const { createUser } = await import('../helpers/users')

let payload: Payload
let editor: TestUser
const created: string[] = []

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
})
afterAll(async () => {
  // Deleting the documents deletes their files from media/.
  for (const id of created) await payload.delete({ collection: 'media', id })
  await stopPayload(payload)
})

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 60, b: 140 } } })
    .png()
    .toBuffer()

function upload(
  content: Buffer | string,
  filename: string,
  type: string,
  fields: Record<string, unknown>,
) {
  const form = new FormData()
  form.append(
    'file',
    new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }),
    filename,
  )
  form.append('_payload', JSON.stringify(fields))
  return rest('POST', '/media', { token: editor.token, body: form })
}

test('an image upload gets the image sizes and keeps its alt text per locale', async () => {
  const res = await upload(await png(1800, 1000), 'platzhalter.png', 'image/png', {
    alt: 'Blaue Fläche als Platzhalter',
    credit: 'generiert',
  })
  expect(res.status).toBe(201)
  const doc = res.body.doc as {
    id: string
    filename: string
    mimeType: string
    sizes: Record<string, { width: number | null; height: number | null; filename: string | null }>
  }
  created.push(doc.id)
  expect(doc.mimeType).toBe('image/png')
  expect(doc.sizes.thumbnail?.width).toBe(400)
  expect(doc.sizes.card?.width).toBe(800)
  expect(doc.sizes.hero?.width).toBe(1600)
  expect([doc.sizes.og?.width, doc.sizes.og?.height]).toEqual([1200, 630])
  expect(fs.existsSync(path.resolve('media', doc.filename))).toBe(true)
})

test('a file whose content does not match its name is refused', async () => {
  const res = await upload('<script>alert(1)</script> not an image', 'bild.png', 'image/png', {
    alt: 'x',
  })
  expect(res.status).toBe(400)
  expect(JSON.stringify(res.body)).toMatch(/file|Datei/i)
  const { totalDocs } = await payload.count({
    collection: 'media',
    where: { filename: { like: 'bild' } },
  })
  expect(totalDocs).toBe(0)
})

test('a type outside the allow-list is refused even with honest content', async () => {
  const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
  const res = await upload(gif, 'pixel.gif', 'image/gif', { alt: 'ein Pixel' })
  expect(res.status).toBe(400)
})

test('alt text is required', async () => {
  const res = await upload(await png(10, 10), 'ohne-alt.png', 'image/png', {})
  expect(res.status).toBe(400)
  expect(JSON.stringify(res.body)).toContain('alt')
})

test('a file above UPLOAD_MAX_BYTES is refused with a 4xx and nothing is stored', async () => {
  const noise = await sharp(
    Buffer.from(Array.from({ length: 400 * 400 * 3 }, () => Math.floor(Math.random() * 256))),
    {
      raw: { width: 400, height: 400, channels: 3 },
    },
  )
    .png({ compressionLevel: 0 })
    .toBuffer()
  expect(noise.length).toBeGreaterThan(LIMIT)
  const before = await payload.count({ collection: 'media' })
  const res = await upload(noise, 'gross.png', 'image/png', { alt: 'zu groß' })
  expect(res.status).toBe(413)
  expect(JSON.stringify(res.body)).toMatch(/limit/i)
  expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before.totalDocs)
})

test('the public can read media; only staff upload', async () => {
  const form = new FormData()
  form.append(
    'file',
    new Blob([new Uint8Array(await png(10, 10))], { type: 'image/png' }),
    'anonym.png',
  )
  form.append('_payload', JSON.stringify({ alt: 'anonym' }))
  expect((await rest('POST', '/media', { body: form })).status).toBe(403)
  expect((await rest('GET', '/media')).status).toBe(200)
})
