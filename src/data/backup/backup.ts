import fs from 'node:fs'
import path from 'node:path'
import * as tar from 'tar'

import { digestFile } from './digest'
import {
  DATABASE_FILE,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MEDIA_FOLDER,
  type ArchivedFile,
  type Manifest,
} from './manifest'
import { copyIfPresent, listFiles } from './mediaFiles'
import { every, megabytes, type Progress } from './progress'
import { databaseFacts, snapshotDatabase } from './snapshot'

export type BackupOptions = {
  /** The live SQLite file. */
  database: string
  /** MEDIA_DIR. */
  mediaDir: string
  /** The archive to write (`.tar.gz`); written beside as `.partial` and renamed when complete. */
  archive: string
  portalVersion: string
  progress: Progress
}

export type BackupResult = { archive: string; manifest: Manifest; bytes: number; ms: number }

type StagedMedia = { files: ArchivedFile[]; bytes: number; vanished: number }

/** Copies the media files into the staging folder with their checksums; a file deleted meanwhile is skipped. */
async function stageMedia(
  mediaDir: string,
  staging: string,
  progress: Progress,
): Promise<StagedMedia> {
  const names = listFiles(mediaDir)
  progress(`media: ${names.length} files in ${mediaDir}`)
  const staged: StagedMedia = { files: [], bytes: 0, vanished: 0 }
  const report = every(names.length, (done) => progress(`media: ${done}/${names.length} copied`))
  for (const [index, name] of names.entries()) {
    const copy = path.join(staging, MEDIA_FOLDER, name)
    if (copyIfPresent(path.join(mediaDir, name), copy)) {
      const digest = await digestFile(copy)
      staged.files.push({ path: `${MEDIA_FOLDER}/${name}`, ...digest })
      staged.bytes += digest.bytes
    } else {
      staged.vanished += 1
      progress(`media: ${name} was deleted while the backup ran; skipped`)
    }
    report(index + 1)
  }
  return staged
}

/** Packs the staging folder into the archive, under its final name only once complete. Returns its size. */
async function writeArchive(staging: string, archive: string, progress: Progress): Promise<number> {
  progress(`archive: writing ${archive}`)
  const partial = `${archive}.partial`
  const entries = [MANIFEST_FILE, DATABASE_FILE]
  if (fs.existsSync(path.join(staging, MEDIA_FOLDER))) entries.push(MEDIA_FOLDER)
  await tar.create({ file: partial, cwd: staging, gzip: true, portable: true }, entries)
  fs.renameSync(partial, archive)
  const bytes = fs.statSync(archive).size
  progress(`archive: ${megabytes(bytes)} written`)
  return bytes
}

/**
 * Writes one archive of a running portal's data: a `VACUUM INTO` snapshot of the database, then
 * the media files (in that order: every document of the snapshot had its file before it was
 * committed, so only a file deleted since can be missing, and a deleted one is skipped), with a
 * manifest of checksums. The copies are staged in a folder beside the archive first, so the
 * checksums describe exactly the bytes archived, whatever changes in the live folders meanwhile.
 */
export async function backup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now()
  const { progress } = options
  fs.mkdirSync(path.dirname(options.archive), { recursive: true })
  const staging = fs.mkdtempSync(`${options.archive}.staging-`)
  try {
    const createdAt = new Date().toISOString()
    progress(`database: snapshot of ${options.database} (VACUUM INTO)`)
    const snapshot = path.join(staging, DATABASE_FILE)
    await snapshotDatabase(options.database, snapshot)
    const facts = await databaseFacts(snapshot)
    const dbDigest = await digestFile(snapshot)
    const total = Object.values(facts.documents).reduce((sum, n) => sum + n, 0)
    progress(
      `database: ${megabytes(dbDigest.bytes)}, ${total} documents, migration level ` +
        `${facts.migrations.at(-1) ?? 'none'}`,
    )

    const media = await stageMedia(options.mediaDir, staging, progress)
    const files: ArchivedFile[] = [{ path: DATABASE_FILE, ...dbDigest }, ...media.files]

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      createdAt,
      portalVersion: options.portalVersion,
      migrations: facts.migrations,
      documents: facts.documents,
      media: { files: media.files.length, bytes: media.bytes, vanished: media.vanished },
      files,
    }
    fs.writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)

    const bytes = await writeArchive(staging, options.archive, progress)
    return { archive: options.archive, manifest, bytes, ms: Date.now() - started }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
