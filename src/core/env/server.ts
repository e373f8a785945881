import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { positiveInt, type Source } from './parse'

export const DEFAULT_DEV_DATABASE = 'file:./data/portal.db'

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

export type ServerSettings = {
  production: boolean
  port: number
  payloadSecret: string
  previewSecret: string
  databaseUri: string
  serverUrl: string
}

/**
 * The mode, secrets, database and public address: required in production, generated or defaulted
 * in development.
 */
export function readServerSettings(
  source: Source,
  cwd: string | undefined,
  problems: string[],
): ServerSettings {
  const production = source.NODE_ENV === 'production'
  // `next build` runs with NODE_ENV=production but serves nothing: it must not need secrets.
  const building = source.NEXT_PHASE === 'phase-production-build'
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
      : loadOrCreateDevSecrets(devSecretFile(cwd))
    payloadSecret ||= generated.payloadSecret
    previewSecret ||= generated.previewSecret
  }
  databaseUri ||= DEFAULT_DEV_DATABASE
  serverUrl ||= `http://localhost:${port}`
  if (serverUrl && !/^https?:\/\/[^/]+/.test(serverUrl)) {
    problems.push(`SERVER_URL must be an absolute http(s) URL, got "${serverUrl}"`)
  }
  return {
    production,
    port,
    payloadSecret: payloadSecret ?? '',
    previewSecret: previewSecret ?? '',
    databaseUri,
    serverUrl,
  }
}
