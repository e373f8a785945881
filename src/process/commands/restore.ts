/**
 * `npm run restore <archive>`: puts an archive of `npm run backup` in place of the SQLite
 * database and media files DATABASE_URI and MEDIA_DIR name (src/data/backup/restore.ts), after
 * checking it. Refuses while a portal runs on that data. Exit 0 when restored, 1 when refused.
 * For MongoDB it prints what to do instead (exit 2).
 */
import { DataLockedError } from '@/data/adapter/dataLock'

import { megabytes, progressLog } from '../../data/backup/progress'
import { restore, RestoreRefused } from '../../data/backup/restore'
import { dataLocation } from '../../data/backup/location'

const archive = process.argv[2]
const { database, mediaDir } = dataLocation('restore')
if (!archive) {
  console.error('Usage: npm run restore <archive.tar.gz>')
  process.exit(1)
}

// Loaded only now: for MongoDB (above) the SQLite adapter the migrations import is not needed.
const { migrations } = await import('@/data/migrations')
try {
  const result = await restore({
    archive,
    database,
    mediaDir,
    knownMigrations: migrations.map((migration) => migration.name),
    progress: progressLog('restore'),
  })
  console.log(
    `Restored in ${(result.ms / 1000).toFixed(1)} s: the data of ${result.manifest.createdAt} ` +
      `(${result.manifest.media.files} media files, ${megabytes(result.manifest.media.bytes)}).` +
      (result.previous ? ` The database it replaced is kept as ${result.previous}.` : '') +
      '\nStart the portal: it migrates the database if the archive is older than the code, and ' +
      'rebuilds its search index.',
  )
  process.exit(0)
} catch (error) {
  if (error instanceof RestoreRefused || error instanceof DataLockedError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
