import { nonNegativeInt, onOff, positiveInt, type Source } from './parse'

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]

/** The shortest METRICS_TOKEN accepted: `openssl rand -hex 32` gives 64 characters. */
const METRICS_TOKEN_MIN_LENGTH = 32

/**
 * TRUST_PROXY: `loopback` (the default: a proxy on the same machine), `false` (none: the socket's
 * address is the client's), a number of proxy hops, or a comma-separated list of addresses and
 * CIDR ranges (`10.0.0.0/8,fd00::/8`) or the names `loopback`, `linklocal`, `uniquelocal`.
 * `true` would believe any client's X-Forwarded-For and is refused.
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): boolean | number | string[] {
  const value = raw?.trim()
  if (!value) return ['loopback']
  if (['false', 'none', '0'].includes(value.toLowerCase())) return false
  if (value.toLowerCase() === 'true') {
    problems.push(
      'TRUST_PROXY=true would let any client choose its address (X-Forwarded-For); name the proxies instead',
    )
    return false
  }
  if (/^\d+$/.test(value)) return Number(value)
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
}

export type OperationSettings = {
  /** Which proxies' X-Forwarded-For express believes (its `trust proxy` setting). */
  trustProxy: boolean | number | string[]
  /** Build the in-memory search index on start (on by default); off: search answers 503. */
  searchIndex: boolean
  logLevel: LogLevel
  /** Bearer token a scraper must send to read `/metrics`; unset, there is no `/metrics`. */
  metricsToken?: string
}

export type ReadCacheSettings = {
  /** Budget of the anonymous read cache; 0 turns it off. */
  readCacheMaxBytes: number
  /** Seconds shared caches (CDNs) may keep an anonymous response; 0: they revalidate every time. */
  readCacheSharedMaxAge: number
  /**
   * Render the hot pages into the cache right after a start, and the pages readers use again
   * after a change removed them (production only).
   */
  readCacheWarmUp: boolean
  /**
   * The local Varnish purged by tag right after every commit (deploy/varnish/portal.vcl), e.g.
   * http://127.0.0.1:6081/; none: no purge, shared caches keep answers for their `s-maxage`.
   */
  varnishPurgeUrl?: string
  /** How long one purge may take before the write goes on without it (logged). */
  varnishPurgeTimeoutMs: number
}

export function readCacheSettings(source: Source, problems: string[]): ReadCacheSettings {
  return {
    // 0 turns the read cache off entirely (the benchmark compares both).
    readCacheMaxBytes: nonNegativeInt(source, 'READ_CACHE_MAX_BYTES', 64 * 1024 * 1024, problems),
    readCacheSharedMaxAge: nonNegativeInt(source, 'READ_CACHE_SHARED_MAX_AGE', 0, problems),
    readCacheWarmUp: onOff(source, 'READ_CACHE_WARM_UP', true, problems),
    varnishPurgeUrl: purgeUrl(source.VARNISH_PURGE_URL, problems),
    varnishPurgeTimeoutMs: positiveInt(source, 'VARNISH_PURGE_TIMEOUT_MS', 2000, problems),
  }
}

function purgeUrl(raw: string | undefined, problems: string[]): string | undefined {
  const value = raw?.trim()
  if (!value) return undefined
  if (!/^https?:\/\/[^/]/.test(value)) {
    problems.push(
      `VARNISH_PURGE_URL must be an http(s) URL such as http://127.0.0.1:6081/, got "${value}"`,
    )
    return undefined
  }
  return value
}

/** How the running portal behaves: proxies, search index, logging and metrics. */
export function readOperationSettings(source: Source, problems: string[]): OperationSettings {
  const trustProxy = parseTrustProxy(source.TRUST_PROXY, problems)
  const searchIndex = onOff(source, 'SEARCH_INDEX', true, problems)

  const logLevel = (source.LOG_LEVEL?.trim() || 'info') as LogLevel
  if (!logLevels.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`)
  }

  const metricsToken = source.METRICS_TOKEN?.trim() || undefined
  if (metricsToken && metricsToken.length < METRICS_TOKEN_MIN_LENGTH) {
    problems.push(
      `METRICS_TOKEN must be at least ${METRICS_TOKEN_MIN_LENGTH} characters long (openssl rand -hex 32)`,
    )
  }
  return { trustProxy, searchIndex, logLevel, metricsToken }
}
