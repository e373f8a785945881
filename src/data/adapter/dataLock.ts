import path from 'node:path'
import lockfile from 'proper-lockfile'

import type { DatabaseTarget } from './databaseUri'

/**
 * How long a lock nobody renews stays valid. The holder renews it every half of that; a process
 * killed outright (kill -9, a crash, a power cut) leaves the lock behind, and it counts as stale
 * (free) this long after the last renewal.
 */
export const LOCK_STALE_MS = 10_000

/** The SQLite file a `file:` URL names, absolute; null for an in-memory database. */
export function sqliteFile(target: DatabaseTarget): string | null {
  if (target.kind !== 'sqlite') return null
  const file = target.url.replace(/^file:(\/\/)?/, '')
  return file === ':memory:' ? null : path.resolve(file)
}

/** The lock beside the database: a directory `<file>.lock`, so it works on any filesystem. */
export const lockPathOf = (databaseFile: string): string => `${databaseFile}.lock`

export class DataLockedError extends Error {
  constructor(databaseFile: string, what: string) {
    super(
      `${what}: another process holds the lock on ${databaseFile} (${lockPathOf(databaseFile)}): ` +
        'a portal server is running on this data, or a restore is under way. Stop it first. A lock ' +
        `left by a process that was killed counts as free ${LOCK_STALE_MS / 1000} s after it died.`,
    )
    this.name = 'DataLockedError'
  }
}

const options = (databaseFile: string) => ({
  realpath: false,
  lockfilePath: lockPathOf(databaseFile),
  stale: LOCK_STALE_MS,
})

/**
 * Takes the lock on a portal's data (the SQLite file and, with it, the media folder), for as long
 * as the process runs: the server holds it while it serves, a restore while it replaces the
 * data, so neither can start while the other runs. Resolves to the function that releases it;
 * it is released on exit too. Throws `DataLockedError` when a live process holds it.
 */
export async function takeDataLock(
  databaseFile: string,
  what: string,
  onLost: (error: Error) => void,
): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(databaseFile, { ...options(databaseFile), onCompromised: onLost })
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED')
      throw new DataLockedError(databaseFile, what)
    throw error
  }
}

/** Whether a live process holds the lock on this data now (a stale lock counts as free). */
export const dataLocked = (databaseFile: string): Promise<boolean> =>
  lockfile.check(databaseFile, options(databaseFile))
