import fs from 'node:fs'
import path from 'node:path'
import lockfile from 'proper-lockfile'

import type { DatabaseTarget } from './databaseUri'
import { holderIsGone, readHolder, removeHolder, writeHolder } from './lockHolder'

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
        'left by a process that was killed on this host is free at once; one left by a process ' +
        `on another host (a shared disk) counts as free ${LOCK_STALE_MS / 1000} s after it died.`,
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
 * The door: held for the few milliseconds of taking, breaking or releasing the data lock, so the
 * lock folder and its holder file change together. Without it, a process that found a dead
 * holder could remove the lock another process had just taken, before that one wrote its holder.
 * A door left by a process killed in that instant goes stale after the same time as the lock;
 * whoever waits at it waits that long at most.
 */
const doorOptions = {
  realpath: false,
  stale: LOCK_STALE_MS,
  retries: { retries: 2 * (LOCK_STALE_MS / 200), factor: 1, minTimeout: 200, maxTimeout: 200 },
}

/**
 * proper-lockfile keeps one lock per path it is given in a process, so the door is named by a
 * path of its own (its folder is `<file>.lock.door.lock`), not by the database file.
 */
const enterDoor = (databaseFile: string) =>
  lockfile.lock(`${lockPathOf(databaseFile)}.door`, doorOptions)

const isLocked = (error: unknown) => (error as { code?: string }).code === 'ELOCKED'

/** Takes the lock, over the lock of a holder known to be dead (killed on this host). */
async function lockOverDeadHolder(
  databaseFile: string,
  what: string,
  onLost: (error: Error) => void,
): Promise<() => Promise<void>> {
  const lockOptions = { ...options(databaseFile), onCompromised: onLost }
  try {
    return await lockfile.lock(databaseFile, lockOptions)
  } catch (error) {
    if (!isLocked(error)) throw error
    const holder = readHolder(lockPathOf(databaseFile))
    if (!holder || !holderIsGone(holder)) throw new DataLockedError(databaseFile, what)
  }
  // Its holder died without releasing it (kill -9, out of memory): free now, not in 10 s.
  fs.rmSync(lockPathOf(databaseFile), { recursive: true, force: true })
  try {
    return await lockfile.lock(databaseFile, lockOptions)
  } catch (error) {
    throw isLocked(error) ? new DataLockedError(databaseFile, what) : error
  }
}

/**
 * Takes the lock on a portal's data (the SQLite file and, with it, the media folder), for as long
 * as the process runs: the server holds it while it serves, a restore while it replaces the
 * data, so neither can start while the other runs. Resolves to the function that releases it;
 * it is released on exit too. Throws `DataLockedError` when a live process holds it. Beside the
 * lock, a holder file says which process holds it, so a lock whose holder was killed on this host
 * is taken over at once (a supervisor restarting the portal right after `kill -9`).
 */
export async function takeDataLock(
  databaseFile: string,
  what: string,
  onLost: (error: Error) => void,
): Promise<() => Promise<void>> {
  const lockPath = lockPathOf(databaseFile)
  const leave = await enterDoor(databaseFile)
  try {
    const release = await lockOverDeadHolder(databaseFile, what, onLost)
    try {
      writeHolder(lockPath)
    } catch (error) {
      await release()
      throw error
    }
    return async () => {
      const leaveAgain = await enterDoor(databaseFile)
      try {
        removeHolder(lockPath)
        await release()
      } finally {
        await leaveAgain()
      }
    }
  } finally {
    await leave()
  }
}
