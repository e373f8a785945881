import fs from 'node:fs'
import path from 'node:path'

import { sqliteFile, takeDataLock } from '../data/adapter/dataLock'
import type { DatabaseTarget } from '../data/adapter/adapter'

/**
 * The server's hold on its SQLite data for as long as it runs (nothing to hold for MongoDB,
 * whose backups and restores go through its own tools). A lock lost while running (its folder
 * deleted, the disk gone) is logged loudly, and the server keeps serving.
 */
export async function holdDataLock(target: DatabaseTarget): Promise<() => Promise<void>> {
  const file = sqliteFile(target)
  if (!file) return async () => {}
  fs.mkdirSync(path.dirname(file), { recursive: true })
  return takeDataLock(file, 'The portal cannot start', (error) =>
    console.error(
      `The lock on ${file} was lost (${error.message}): a restore could now replace data in use.`,
    ),
  )
}
