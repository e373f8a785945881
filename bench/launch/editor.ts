/**
 * The editor of the launch day: logged in, publishes a news update every 10 s (a new title on the
 * newest news item, published), which empties the cached answers that show it.
 */
import { benchAdmin } from '../server'

import type { Tally } from './tally'

const EDITOR_ADDRESS = '198.51.100.250'
export const PUBLISH_EVERY_MS = 10_000

export async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': EDITOR_ADDRESS },
    body: JSON.stringify(benchAdmin),
  })
  const body = (await res.json()) as { token?: string }
  if (!res.ok || !body.token)
    throw new Error(`launch: the bench admin cannot log in (${res.status})`)
  return body.token
}

/** Logs in and starts publishing; the returned function stops it and waits for the last one. */
export async function startEditor(
  url: string,
  token: string,
  current: () => Tally,
): Promise<() => Promise<void>> {
  const headers = {
    authorization: `JWT ${token}`,
    'content-type': 'application/json',
    'x-forwarded-for': EDITOR_ADDRESS,
  }
  const res = await fetch(`${url}/api/news?sort=-publishedAt&limit=1&depth=0`, { headers })
  const news = ((await res.json()) as { docs: { id: string }[] }).docs[0]
  if (!news) throw new Error('launch: no news item to publish')
  let version = 0
  let last: Promise<unknown> = Promise.resolve()
  const publish = () => {
    const tally = current()
    version++
    last = fetch(`${url}/api/news/${news.id}?locale=de&depth=0`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({
        title: `Neuigkeit zum Start, Fassung ${version}`,
        _status: 'published',
      }),
    }).then(
      async (answer) => {
        await answer.arrayBuffer()
        tally.publish(answer.status)
      },
      () => tally.publish('error'),
    )
  }
  const timer = setInterval(publish, PUBLISH_EVERY_MS)
  return async () => {
    clearInterval(timer)
    await last
  }
}

/**
 * Published news slugs per locale, as the API lists them to the editor, but the newest: that is the one
 * the editor publishes anew (its slug might follow the new title).
 */
export async function publishedSlugs(
  url: string,
  token: string,
): Promise<Record<'de' | 'en', string[]>> {
  const slugs = async (locale: string) => {
    const res = await fetch(
      `${url}/api/news?limit=30&depth=0&locale=${locale}&sort=-publishedAt&where[_status][equals]=published`,
      { headers: { authorization: `JWT ${token}`, 'x-forwarded-for': EDITOR_ADDRESS } },
    )
    if (!res.ok) throw new Error(`launch: cannot list the news (${res.status})`)
    return ((await res.json()) as { docs: { slug?: string }[] }).docs
      .map((d) => d.slug)
      .filter((s): s is string => !!s)
      .slice(1)
  }
  return { de: await slugs('de'), en: await slugs('en') }
}
