import type { CdnSettings } from '@/core/env/cdn'

/** Tags per request: Cloudflare takes up to 30 per purge call, Fastly up to 256 keys. */
const PER_REQUEST = { cloudflare: 30, fastly: 256 }

const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  )

/**
 * The API calls that purge `tags` at a CDN: Cloudflare's purge by tag (`Cache-Tag`), Fastly's
 * purge by surrogate key (`Surrogate-Key`). The token goes in a header, never in a URL.
 */
export type PurgeCall = { url: string; init: RequestInit }

export function cdnPurgeRequests(cdn: CdnSettings, tags: string[]): PurgeCall[] {
  return chunks(tags, PER_REQUEST[cdn.provider]).map((part): PurgeCall => {
    if (cdn.provider === 'cloudflare') {
      return {
        url: `${cdn.apiUrl}/zones/${encodeURIComponent(cdn.zoneId)}/purge_cache`,
        init: {
          method: 'POST',
          headers: { authorization: `Bearer ${cdn.apiToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ tags: part }),
        },
      }
    }
    return {
      url: `${cdn.apiUrl}/service/${encodeURIComponent(cdn.serviceId)}/purge`,
      init: {
        method: 'POST',
        headers: { 'fastly-key': cdn.apiToken, 'surrogate-key': part.join(' ') },
      },
    }
  })
}
