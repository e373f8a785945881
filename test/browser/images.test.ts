import { jest } from '@jest/globals'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'

import { launchChromium, screenshot, seriousViolations } from '../helpers/browser'
import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'

jest.setTimeout(180_000)

let server: ProductionServer
let browser: Browser
let auth: Record<string, string>
const slug = 'erklaerung-new-wave-of-european-ai-unterzeichnet'

beforeAll(async () => {
  server = await startProductionServer()
  auth = { Authorization: `JWT ${await loginToken(server)}` }

  // A real photo-sized image, uploaded as an editor would, then set as the article's hero.
  const png = await sharp({
    create: { width: 2000, height: 1200, channels: 3, background: { r: 30, g: 90, b: 160 } },
  })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'berlin.png')
  form.append(
    '_payload',
    JSON.stringify({ alt: 'Die Unterzeichnenden in Berlin', credit: 'Foto: Test' }),
  )
  const upload = await fetch(`${server.url}/api/media`, {
    method: 'POST',
    headers: auth,
    body: form,
  })
  expect(upload.status).toBe(201)
  const media = ((await upload.json()) as { doc: { id: string } }).doc
  const news = await fetch(`${server.url}/api/news?where[slug][equals]=${slug}&depth=0`, {
    headers: auth,
  })
  const id = ((await news.json()) as { docs: { id: string }[] }).docs[0]?.id
  const patched = await fetch(`${server.url}/api/news/${id}`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ heroImage: media.id }),
  })
  expect(patched.status).toBe(200)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('an article shows its hero image at the hero size, with width, height, alt text and credit', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${server.url}/en/news/${slug}`)
  const hero = page.locator('figure.hero-image img')
  expect(await hero.getAttribute('alt')).toBe('Die Unterzeichnenden in Berlin')
  expect(await hero.getAttribute('width')).toBe('1600')
  expect(await hero.getAttribute('height')).toBe('960')
  expect(await hero.getAttribute('src')).toMatch(/-1600x960\.(png|webp|jpe?g)$/)
  // The browser really loaded it (no broken image).
  expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(
    1600,
  )
  await expect(page.locator('figure.hero-image figcaption').textContent()).resolves.toBe(
    'Image: Foto: Test',
  )
  // Cards on the home page use the smaller card size.
  await page.goto(`${server.url}/en`)
  const card = page.locator('.card-image').first()
  expect(await card.getAttribute('width')).toBe('800')
  expect(await seriousViolations(page)).toEqual([])
  await screenshot(page, 'en-home-with-image')
  await page.close()
})

test('link previews use the 1200×630 crop of the hero image', async () => {
  const html = await (await fetch(`${server.url}/de/news/${slug}`)).text()
  const meta = (property: string) =>
    new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1]
  expect(meta('og:image')).toMatch(new RegExp(`^${server.url}/api/media/file/.*-1200x630\\.`))
  expect(meta('og:image:width')).toBe('1200')
  expect(meta('og:image:height')).toBe('630')
  expect(meta('og:image:alt')).toBe('Die Unterzeichnenden in Berlin')
})
