import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { fromRoot } from './paths'

/**
 * The portal's settings, read once from the environment (see `.env.example`).
 * Development works with nothing set; production refuses to start without the values that must
 * never have a working default (secrets, public URL, database).
 */
export type Environment = {
  production: boolean
  databaseUri: string
  payloadSecret: string
  previewSecret: string
  serverUrl: string
  port: number
  adminEmail?: string
  adminPassword?: string
  seed: boolean
  corsOrigins: string[]
  smtp?: { host: string; port: number; user?: string; pass?: string }
  mailFrom: string
  uploadMaxBytes: number
  /** Largest bodies at the edge (src/edge/bodyPolicy.ts, docs/limits.md). */
  jsonBodyMaxBytes: number
  formBodyMaxBytes: number
  serverActionBodyMaxBytes: number
  /** Request-body bytes all requests together may hold at once. */
  bodyBudgetBytes: number
  /** Rate limits (src/operations/rateLimiterStore.ts, src/edge/rateLimits.ts, docs/limits.md); 0 turns one off. */
  rateLimits: {
    /** Anonymous writes (logins, resets, every public form) per client address. */
    publicWritesPerMinute: number
    /** Anonymous writes per second from all addresses together: a flood from many addresses. */
    publicWritesTotalPerSecond: number
    /** Anonymous requests the read cache cannot answer, per client address. */
    uncachedPerMinute: number
    /** Extra uncached requests a client address may make once per minute. */
    uncachedBurst: number
    /**
     * Milliseconds per second that anonymous uncached requests from all addresses together may
     * take to answer (a share of the one JavaScript thread's time).
     */
    uncachedBudgetMsPerSecond: number
    /** Requests past the cache per logged-in user (keyed by user, not address). */
    userPerMinute: number
    /** Seconds between two password resets asked for the same address. */
    passwordResetSeconds: number
  }
  /** The public signature flow (src/cms/signatures/, docs/signatures.md). */
  signatures: SignatureSettings
  /** Which proxies' X-Forwarded-For express believes (its `trust proxy` setting). */
  trustProxy: boolean | number | string[]
  /** Budget of the anonymous read cache; 0 turns it off. */
  readCacheMaxBytes: number
  /** Seconds shared caches (CDNs) may keep an anonymous response; 0: they revalidate every time. */
  readCacheSharedMaxAge: number
  /** Build the in-memory search index on start (on by default); off: search answers 503. */
  searchIndex: boolean
  logLevel: LogLevel
  /** Bearer token a scraper must send to read `/metrics`; unset, there is no `/metrics`. */
  metricsToken?: string
  /** Where uploaded files live (MEDIA_DIR), absolute. */
  mediaDir: string
}

export type SignatureSettings = {
  /** Seconds a form must have been open before it may be sent (a bot's instant submit). */
  minSeconds: number
  /** Minutes a rendered form (its signed timestamp and challenge) stays valid. */
  formMaxAgeMinutes: number
  /** The proof of work: the largest counter a browser may have to try (about half on average). */
  proofOfWorkMaxNumber: number
  /**
   * Per hour; thresholds, not refusals: past them a signature asks for more proof of work (per
   * client address, per e-mail domain), a confirmation waits for moderation. 0 turns one off.
   */
  signingMoreWorkFromPerAddress: number
  signingMoreWorkFromPerDomain: number
  confirmingModerationFromPerAddress: number
  /** Hard ceilings per client address and hour that only protect the process; 0 turns one off. */
  signingCeilingPerHour: number
  confirmingCeilingPerHour: number
  withdrawingPerHour: number
  /** Confirmation mails sent again to one address (a repeated signature while pending). */
  resendingPerAddressPerHour: number
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The portal cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'EnvironmentError'
  }
}

type Source = Record<string, string | undefined>

const DEFAULT_DEV_DATABASE = 'file:./data/portal.db'

/** The shortest METRICS_TOKEN accepted: `openssl rand -hex 32` gives 64 characters. */
const METRICS_TOKEN_MIN_LENGTH = 32

/**
 * MEDIA_DIR, resolved from the project root (the working directory: the repository, or /app in
 * the image); `media/` there by default. Backups and restores read it too (src/data/backup/).
 */
export function readMediaDir(source: Source = process.env): string {
  return fromRoot(source.MEDIA_DIR?.trim() || 'media')
}

/**
 * Where the data lives, and nothing else: for `npm run backup` and `npm run restore`, which need
 * no secrets. DATABASE_URI is required in production, as for the server.
 */
export function readDataLocation(source: Source = process.env): {
  databaseUri: string
  mediaDir: string
} {
  const databaseUri = source.DATABASE_URI?.trim()
  if (!databaseUri && source.NODE_ENV === 'production') {
    throw new EnvironmentError([
      'DATABASE_URI is required in production (file:… for SQLite or mongodb://…)',
    ])
  }
  return { databaseUri: databaseUri || DEFAULT_DEV_DATABASE, mediaDir: readMediaDir(source) }
}

/**
 * The admin's largest server-action body: its form state, Lexical included (measured, see
 * docs/limits.md), with room to spare. Next's own `serverActions.bodySizeLimit` is set from the
 * same value (next.config.ts), so Next never refuses what the edge lets through.
 */
export const DEFAULT_SERVER_ACTION_BODY_MAX_BYTES = 4 * 1024 * 1024

/** Where development secrets are generated once; `data/` is ignored by git. */
export const devSecretFile = (cwd = process.cwd()): string => path.join(cwd, 'data', '.secret')

type DevSecrets = { payloadSecret: string; previewSecret: string }

function loadOrCreateDevSecrets(file: string): DevSecrets {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevSecrets>
    if (parsed.payloadSecret && parsed.previewSecret) return parsed as DevSecrets
  } catch {
    // missing or unreadable: generate below
  }
  const secrets: DevSecrets = {
    payloadSecret: crypto.randomBytes(32).toString('hex'),
    previewSecret: crypto.randomBytes(24).toString('hex'),
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

const blank = (value: string | undefined): value is undefined => !value || value.trim() === ''

function positiveInt(source: Source, name: string, fallback: number, problems: string[]): number {
  const raw = source[name]
  if (blank(raw)) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    problems.push(`${name} must be a positive whole number, got "${raw}"`)
    return fallback
  }
  return value
}

function nonNegativeInt(
  source: Source,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const raw = source[name]
  if (blank(raw)) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) {
    problems.push(`${name} must be a whole number of 0 or more, got "${raw}"`)
    return fallback
  }
  return value
}

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

/** A switch that must say what it means: a typo must not silently turn a feature off. */
function onOff(source: Source, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = source[name]
  if (blank(raw)) return fallback
  const value = raw.trim().toLowerCase()
  if (['on', 'true', '1', 'yes'].includes(value)) return true
  if (['off', 'false', '0', 'no'].includes(value)) return false
  problems.push(`${name} must be on or off, got "${raw}"`)
  return fallback
}

function flag(raw: string | undefined, fallback: boolean): boolean {
  if (blank(raw)) return fallback
  return !['0', 'false', 'no', 'off'].includes(raw.trim().toLowerCase())
}

/**
 * Reads and checks the environment. Throws an `EnvironmentError` naming every problem at once,
 * so an operator fixes them in one go rather than one restart at a time.
 */
export function readEnvironment(
  source: Source = process.env,
  options: { cwd?: string } = {},
): Environment {
  const production = source.NODE_ENV === 'production'
  // `next build` runs with NODE_ENV=production but serves nothing: it must not need secrets.
  const building = source.NEXT_PHASE === 'phase-production-build'
  const problems: string[] = []
  const port = positiveInt(source, 'PORT', 3000, problems)

  let payloadSecret = source.PAYLOAD_SECRET?.trim()
  let previewSecret = source.PREVIEW_SECRET?.trim()
  let databaseUri = source.DATABASE_URI?.trim()
  let serverUrl = source.SERVER_URL?.trim().replace(/\/+$/, '')

  if (production && !building) {
    if (!payloadSecret)
      problems.push('PAYLOAD_SECRET is required in production (signs login tokens)')
    else if (payloadSecret.length < 32)
      problems.push('PAYLOAD_SECRET must be at least 32 characters long')
    if (!previewSecret) problems.push('PREVIEW_SECRET is required in production (draft previews)')
    if (!serverUrl) problems.push('SERVER_URL is required in production (the public base URL)')
    if (!databaseUri)
      problems.push('DATABASE_URI is required in production (file:… for SQLite or mongodb://…)')
  } else if (!payloadSecret || !previewSecret) {
    const generated = building
      ? { payloadSecret: 'build-only', previewSecret: 'build-only' }
      : loadOrCreateDevSecrets(devSecretFile(options.cwd))
    payloadSecret ||= generated.payloadSecret
    previewSecret ||= generated.previewSecret
  }
  databaseUri ||= DEFAULT_DEV_DATABASE
  serverUrl ||= `http://localhost:${port}`
  if (serverUrl && !/^https?:\/\/[^/]+/.test(serverUrl)) {
    problems.push(`SERVER_URL must be an absolute http(s) URL, got "${serverUrl}"`)
  }

  const smtpHost = source.SMTP_HOST?.trim()
  const smtp = smtpHost
    ? {
        host: smtpHost,
        port: positiveInt(source, 'SMTP_PORT', 587, problems),
        user: source.SMTP_USER || undefined,
        pass: source.SMTP_PASS || undefined,
      }
    : undefined

  const corsOrigins = (source.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)

  const uploadMaxBytes = positiveInt(source, 'UPLOAD_MAX_BYTES', 15 * 1024 * 1024, problems)
  const jsonBodyMaxBytes = positiveInt(source, 'JSON_BODY_MAX_BYTES', 2 * 1024 * 1024, problems)
  const formBodyMaxBytes = positiveInt(source, 'FORM_BODY_MAX_BYTES', 64 * 1024, problems)
  const serverActionBodyMaxBytes = positiveInt(
    source,
    'SERVER_ACTION_BODY_MAX_BYTES',
    DEFAULT_SERVER_ACTION_BODY_MAX_BYTES,
    problems,
  )
  const bodyBudgetBytes = positiveInt(source, 'BODY_BUDGET_BYTES', 64 * 1024 * 1024, problems)
  if (bodyBudgetBytes < uploadMaxBytes + jsonBodyMaxBytes) {
    problems.push(
      `BODY_BUDGET_BYTES (${bodyBudgetBytes}) must hold at least one upload: UPLOAD_MAX_BYTES + JSON_BODY_MAX_BYTES (${uploadMaxBytes + jsonBodyMaxBytes})`,
    )
  }
  // 0 turns the read cache off entirely (the benchmark compares both).
  const readCacheMaxBytes = nonNegativeInt(
    source,
    'READ_CACHE_MAX_BYTES',
    64 * 1024 * 1024,
    problems,
  )
  const readCacheSharedMaxAge = nonNegativeInt(source, 'READ_CACHE_SHARED_MAX_AGE', 0, problems)
  const rateLimits = {
    publicWritesPerMinute: nonNegativeInt(
      source,
      'RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE',
      20,
      problems,
    ),
    publicWritesTotalPerSecond: nonNegativeInt(
      source,
      'RATE_LIMIT_PUBLIC_WRITES_TOTAL_PER_SECOND',
      5,
      problems,
    ),
    uncachedPerMinute: nonNegativeInt(source, 'RATE_LIMIT_UNCACHED_PER_MINUTE', 60, problems),
    uncachedBurst: nonNegativeInt(source, 'RATE_LIMIT_UNCACHED_BURST', 60, problems),
    uncachedBudgetMsPerSecond: nonNegativeInt(
      source,
      'RATE_LIMIT_UNCACHED_BUDGET_MS_PER_SECOND',
      300,
      problems,
    ),
    userPerMinute: nonNegativeInt(source, 'RATE_LIMIT_USER_PER_MINUTE', 1200, problems),
    passwordResetSeconds: positiveInt(source, 'PASSWORD_RESET_INTERVAL_SECONDS', 15, problems),
  }
  const signatures: SignatureSettings = {
    minSeconds: nonNegativeInt(source, 'SIGNATURE_MIN_SECONDS', 3, problems),
    formMaxAgeMinutes: positiveInt(source, 'SIGNATURE_FORM_MAX_AGE_MINUTES', 60, problems),
    proofOfWorkMaxNumber: positiveInt(source, 'SIGNATURE_POW_MAX_NUMBER', 50_000, problems),
    signingMoreWorkFromPerAddress: nonNegativeInt(
      source,
      'SIGNING_MORE_WORK_FROM_PER_ADDRESS_PER_HOUR',
      10,
      problems,
    ),
    signingMoreWorkFromPerDomain: nonNegativeInt(
      source,
      'SIGNING_MORE_WORK_FROM_PER_DOMAIN_PER_HOUR',
      100,
      problems,
    ),
    confirmingModerationFromPerAddress: nonNegativeInt(
      source,
      'CONFIRMING_MODERATION_FROM_PER_ADDRESS_PER_HOUR',
      30,
      problems,
    ),
    signingCeilingPerHour: nonNegativeInt(
      source,
      'RATE_LIMIT_SIGNING_CEILING_PER_HOUR',
      1000,
      problems,
    ),
    confirmingCeilingPerHour: nonNegativeInt(
      source,
      'RATE_LIMIT_CONFIRMING_CEILING_PER_HOUR',
      1000,
      problems,
    ),
    withdrawingPerHour: nonNegativeInt(source, 'RATE_LIMIT_WITHDRAWING_PER_HOUR', 10, problems),
    resendingPerAddressPerHour: nonNegativeInt(
      source,
      'RATE_LIMIT_RESENDING_PER_ADDRESS_PER_HOUR',
      3,
      problems,
    ),
  }
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

  if (problems.length > 0) throw new EnvironmentError(problems)

  return {
    production,
    databaseUri,
    payloadSecret: payloadSecret ?? '',
    previewSecret: previewSecret ?? '',
    serverUrl,
    port,
    adminEmail: source.ADMIN_EMAIL?.trim() || undefined,
    adminPassword: source.ADMIN_PASSWORD || undefined,
    seed: flag(source.SEED, !production),
    corsOrigins: [...new Set([serverUrl, ...corsOrigins])],
    smtp,
    mailFrom: source.MAIL_FROM?.trim() || 'New Wave of European AI <portal@localhost>',
    uploadMaxBytes,
    jsonBodyMaxBytes,
    formBodyMaxBytes,
    serverActionBodyMaxBytes,
    bodyBudgetBytes,
    readCacheMaxBytes,
    readCacheSharedMaxAge,
    rateLimits,
    signatures,
    trustProxy,
    searchIndex,
    logLevel,
    metricsToken,
    mediaDir: readMediaDir(source),
  }
}
