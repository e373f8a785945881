import nextEnv from '@next/env'

import { DatabaseUriError, parseDatabaseUri } from '../data/adapter/databaseUri'
import { DataLockedError } from '../data/adapter/dataLock'
import { EnvironmentError, readEnvironment, type Environment } from '../core/env'
import { projectRoot as root } from '../core/paths'
import { BootstrapError } from './bootstrapError'
import { holdDataLock } from './dataLock'

/** Refusals an operator can fix: print the message alone, without a stack trace. */
export function refuse(error: unknown): never {
  if (
    error instanceof EnvironmentError ||
    error instanceof DatabaseUriError ||
    error instanceof BootstrapError ||
    error instanceof DataLockedError
  ) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

export type Settings = { env: Environment; releaseLock: () => Promise<void> }

/**
 * The settings (from .env files and the environment). With `lock`, the data lock is held while
 * this process runs: `npm run restore` refuses to replace data in use, and a second server on the
 * same SQLite file refuses to start. A supervisor holds it for its workers, which take none.
 */
export async function readSettings({ lock }: { lock: boolean }): Promise<Settings> {
  // Next's telemetry would call out to the internet on every start; opt in explicitly if wanted.
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  // .env / .env.local / .env.production, as Next would read them, before anything reads settings.
  nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production', {
    info: () => {},
    error: console.error,
  })
  try {
    const env = readEnvironment()
    const releaseLock = lock
      ? await holdDataLock(parseDatabaseUri(env.databaseUri))
      : async () => {}
    return { env, releaseLock }
  } catch (error) {
    refuse(error)
  }
}
