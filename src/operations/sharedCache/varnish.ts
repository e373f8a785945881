import type { Payload } from 'payload'

import type { Purger } from '@/data/changes/sharedCachePurge'

/** Tags per PURGE request: Varnish's default limit on a request header is 8 KB. */
const HEADER_BUDGET = 4000

function batches(tags: string[]): string[] {
  const out: string[] = []
  let current = ''
  for (const tag of tags) {
    if (current && current.length + tag.length + 1 > HEADER_BUDGET) {
      out.push(current)
      current = ''
    }
    current = current ? `${current} ${tag}` : tag
  }
  if (current) out.push(current)
  return out
}

/**
 * Purges by tag at a Varnish with the xkey module, as deploy/varnish/portal.vcl defines it: a
 * `PURGE` request with the tags, space-separated, in `xkey-purge`. Each request may take at most
 * `timeoutMs`: a Varnish that does not answer delays a write by that much, once, and the failure
 * is logged (its entries then live until their `s-maxage`).
 */
export function varnishPurger(
  url: string,
  timeoutMs: number,
  logger: Pick<Payload['logger'], 'error'>,
): Purger {
  return async (tags) => {
    await Promise.all(
      batches(tags).map(async (keys) => {
        try {
          const res = await fetch(url, {
            method: 'PURGE',
            headers: { 'xkey-purge': keys },
            signal: AbortSignal.timeout(timeoutMs),
          })
          await res.arrayBuffer()
          if (!res.ok) throw new Error(`Varnish answered ${res.status}`)
        } catch (error) {
          logger.error({ msg: 'purging the shared cache failed', url, tags: keys, err: error })
        }
      }),
    )
  }
}
