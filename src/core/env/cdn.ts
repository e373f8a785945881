import { blank, type Source } from './parse'

/** A CDN in front of the portal, purged by tag through the job queue (docs/caching.md). */
export type CdnSettings =
  | { provider: 'cloudflare'; apiUrl: string; zoneId: string; apiToken: string }
  | { provider: 'fastly'; apiUrl: string; serviceId: string; apiToken: string }

const API_URLS = {
  cloudflare: 'https://api.cloudflare.com/client/v4',
  fastly: 'https://api.fastly.com',
}

/**
 * CDN_PURGE names the CDN (cloudflare or fastly; unset: none) and its two settings say where
 * and with what token; CDN_PURGE_API_URL replaces the vendor's API address (a proxy, a test).
 */
export function readCdnSettings(source: Source, problems: string[]): CdnSettings | undefined {
  const provider = source.CDN_PURGE?.trim().toLowerCase()
  if (!provider) return undefined
  const need = (name: string): string => {
    const value = source[name]?.trim()
    if (blank(value)) problems.push(`CDN_PURGE=${provider} needs ${name}`)
    return value ?? ''
  }
  if (provider !== 'cloudflare' && provider !== 'fastly') {
    problems.push(`CDN_PURGE must be cloudflare or fastly, got "${source.CDN_PURGE}"`)
    return undefined
  }
  const apiUrl = (source.CDN_PURGE_API_URL?.trim() || API_URLS[provider]).replace(/\/+$/, '')
  if (provider === 'cloudflare') {
    return {
      provider,
      apiUrl,
      zoneId: need('CLOUDFLARE_ZONE_ID'),
      apiToken: need('CLOUDFLARE_API_TOKEN'),
    }
  }
  return {
    provider,
    apiUrl,
    serviceId: need('FASTLY_SERVICE_ID'),
    apiToken: need('FASTLY_API_TOKEN'),
  }
}
