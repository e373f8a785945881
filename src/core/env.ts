import { readAdmissionSettings, type AdmissionSettings } from './env/admission'
import { readBodyLimits, type BodyLimits } from './env/bodyLimits'
import { readCdnSettings, type CdnSettings } from './env/cdn'
import { readMailSettings, type MailSettings } from './env/mail'
import {
  readCacheSettings,
  readOperationSettings,
  type OperationSettings,
  type ReadCacheSettings,
} from './env/operations'
import { EnvironmentError, flag, type Source } from './env/parse'
import { readRateLimits, type RateLimitSettings } from './env/rateLimits'
import { readReplicaSettings, type ReplicaSettings } from './env/replicas'
import { DEFAULT_DEV_DATABASE, readServerSettings, type ServerSettings } from './env/server'
import { readSignatureSettings, type SignatureSettings } from './env/signatures'
import { readWebhookSettings, type WebhookSettings } from './env/webhooks'
import {
  readDkimSettings,
  readUpdateSettings,
  type DkimSettings,
  type UpdateSettings,
} from './env/updates'
import { fromRoot } from './paths'

export { DEFAULT_SERVER_ACTION_BODY_MAX_BYTES } from './env/bodyLimits'
export type { LogLevel } from './env/operations'
export { EnvironmentError } from './env/parse'
export { devSecretFile } from './env/server'
export type { SignatureSettings } from './env/signatures'
export type { WebhookSettings } from './env/webhooks'
export type { DkimSettings, UpdateSettings } from './env/updates'
export type { ReplicaSettings } from './env/replicas'

/**
 * The portal's settings, read once from the environment (see `.env.example`).
 * Development works with nothing set; production refuses to start without the values that must
 * never have a working default (secrets, public URL, database). Each area's settings are read in
 * a file of their own under src/core/env/.
 */
export type Environment = ServerSettings &
  MailSettings &
  BodyLimits &
  ReadCacheSettings &
  OperationSettings & {
    adminEmail?: string
    adminPassword?: string
    seed: boolean
    corsOrigins: string[]
    rateLimits: RateLimitSettings
    /** Admission by measured load (src/edge/load/, docs/limits.md). */
    admission: AdmissionSettings
    /** The public signature flow (src/cms/signatures/, docs/signatures.md). */
    signatures: SignatureSettings
    /** Outgoing webhooks (src/operations/webhooks/, docs/webhooks.md). */
    webhooks: WebhookSettings
    /** E-mail updates to subscribers (docs/updates.md). */
    updates: UpdateSettings
    /** DKIM signing of outgoing mail (docs/updates.md), or null when the SMTP provider signs. */
    dkim: DkimSettings
    /** A CDN purged by tag through the job queue (docs/caching.md, "Shared caches"). */
    cdn?: CdnSettings
    /** Where uploaded files live (MEDIA_DIR), absolute. */
    mediaDir: string
    /** Worker processes and Redis (docs/operations.md, "Several processes"). */
    replicas: ReplicaSettings
  }

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
 * Reads and checks the environment. Throws an `EnvironmentError` naming every problem at once,
 * so an operator fixes them in one go rather than one restart at a time.
 */
export function readEnvironment(
  source: Source = process.env,
  options: { cwd?: string } = {},
): Environment {
  const problems: string[] = []
  // In the order their problems are listed.
  const server = readServerSettings(source, options.cwd, problems)
  const mail = readMailSettings(source, problems)
  const bodyLimits = readBodyLimits(source, problems)
  const readCache = readCacheSettings(source, problems)
  const rateLimits = readRateLimits(source, problems)
  const admission = readAdmissionSettings(source, server.production, problems)
  const signatures = readSignatureSettings(source, problems)
  const operations = readOperationSettings(source, problems)
  const webhooks = readWebhookSettings(source, problems)
  const cdn = readCdnSettings(source, problems)
  const updates = readUpdateSettings(source, problems)
  const dkim = readDkimSettings(source, problems)
  const replicas = readReplicaSettings(source, server.production, problems)
  if (problems.length > 0) throw new EnvironmentError(problems)

  const corsOrigins = (source.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  return {
    ...server,
    adminEmail: source.ADMIN_EMAIL?.trim() || undefined,
    adminPassword: source.ADMIN_PASSWORD || undefined,
    seed: flag(source.SEED, !server.production),
    corsOrigins: [...new Set([server.serverUrl, ...corsOrigins])],
    ...mail,
    ...bodyLimits,
    ...readCache,
    rateLimits,
    admission,
    signatures,
    webhooks,
    cdn,
    updates,
    dkim,
    ...operations,
    mediaDir: readMediaDir(source),
    replicas,
  }
}
