/**
 * `npm run backup [-- <folder or file.tar.gz>]`: one archive of the running portal's SQLite
 * database and media files (src/data/backup/backup.ts), by default `backups/portal-<time>.tar.gz`.
 * Safe while the portal serves and writes. Exit 0 with the archive's path on the last line.
 * For MongoDB it prints what to do instead (exit 2).
 */
import fs from 'node:fs'
import path from 'node:path'

import { fromRoot } from '@/core/paths'

import { backup } from '../../data/backup/backup'
import { megabytes, progressLog } from '../../data/backup/progress'
import { dataLocation } from '../../data/backup/location'

const { database, mediaDir } = dataLocation('backup')
if (!fs.existsSync(database)) {
  console.error(`There is no database at ${database} (DATABASE_URI): nothing to back up.`)
  process.exit(1)
}
const argument = process.argv[2]
const name = `portal-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`
const archive = argument?.endsWith('.tar.gz')
  ? path.resolve(argument)
  : path.resolve(argument ?? 'backups', name)

const result = await backup({
  database,
  mediaDir,
  archive,
  portalVersion: (
    JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }
  ).version,
  progress: progressLog('backup'),
})
const documents = Object.values(result.manifest.documents).reduce((sum, n) => sum + n, 0)
console.log(
  `Backup complete in ${(result.ms / 1000).toFixed(1)} s: ${documents} documents, ` +
    `${result.manifest.media.files} media files, ${megabytes(result.bytes)}` +
    (result.manifest.media.vanished
      ? ` (${result.manifest.media.vanished} deleted meanwhile)`
      : ''),
)
console.log(archive)
process.exit(0)
