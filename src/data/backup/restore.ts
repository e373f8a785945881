import fs from 'node:fs'
import path from 'node:path'
import * as tar from 'tar'

import { takeDataLock } from '@/data/adapter/dataLock'

import { digestFile } from './digest'
import {
  DATABASE_FILE,
  MANIFEST_FILE,
  MEDIA_FOLDER,
  ManifestError,
  migrationProblem,
  parseManifest,
  type Manifest,
} from './manifest'
import { listFiles } from './mediaFiles'
import { every, megabytes, type Progress } from './progress'
import { databaseFacts, quickCheck } from './snapshot'

export type RestoreOptions = {
  archive: string
  /** The SQLite file to restore into (DATABASE_URI). */
  database: string
  /** MEDIA_DIR. */
  mediaDir: string
  /** The migrations this version of the portal has (src/data/migrations). */
  knownMigrations: string[]
  progress: Progress
}

export type RestoreResult = { manifest: Manifest; previous: string | null; ms: number }

/** A restore this archive or this data must not get; the message says why and what to do. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(`Restore refused: ${message}`)
    this.name = 'RestoreRefused'
  }
}

const WAL_FILES = ['-wal', '-shm', '-journal']
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-')

/**
 * Restores an archive of `npm run backup`: refuses while a portal runs on the data (the lock it
 * holds, src/data/adapter/dataLock.ts) and holds that lock itself meanwhile, so no portal starts
 * half-way; unpacks beside the database and checks everything before it touches the data (the
 * manifest, every checksum and size, no file the manifest does not list, the migration level
 * against the code's, SQLite's quick check). Then it moves the current database aside as
 * `<file>.before-restore-<time>` (kept, so a mistaken restore can be undone by hand), puts the
 * archived one in its place and makes the media folder hold exactly the archived files.
 */
export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  const started = Date.now()
  const { progress } = options
  fs.mkdirSync(path.dirname(options.database), { recursive: true })
  // First of all: whether a portal runs on this data, whatever the archive.
  const release = await takeDataLock(options.database, 'Restore refused', (error) => {
    throw error
  })
  if (!fs.existsSync(options.archive)) {
    await release()
    throw new RestoreRefused(`${options.archive} does not exist`)
  }
  const staging = fs.mkdtempSync(path.join(path.dirname(options.database), '.restore-'))
  try {
    progress(
      `archive: unpacking ${options.archive} (${megabytes(fs.statSync(options.archive).size)})`,
    )
    await unpack(options.archive, staging)
    const manifest = await verify(staging, options, progress)

    const previous = moveAside(options.database)
    if (previous) progress(`database: the current one is kept as ${previous}`)
    fs.renameSync(path.join(staging, DATABASE_FILE), options.database)
    progress(`database: restored to ${options.database}`)
    replaceMedia(path.join(staging, MEDIA_FOLDER), options.mediaDir, manifest, progress)
    return { manifest, previous, ms: Date.now() - started }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
    await release()
  }
}

/** Unpacks plain files and folders only: no links, devices or paths that leave the folder. */
async function unpack(archive: string, into: string): Promise<void> {
  let refused: string | undefined
  try {
    await tar.extract({
      file: archive,
      cwd: into,
      strict: true,
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : 'File'
        if (type === 'File' || type === 'Directory') return true
        refused ??= `${entryPath} (${type})`
        return false
      },
    })
  } catch (error) {
    throw new RestoreRefused(
      `${archive} is not a readable backup archive (${(error as Error).message})`,
    )
  }
  if (refused)
    throw new RestoreRefused(`the archive holds something that is no plain file: ${refused}`)
}

async function verify(
  staging: string,
  options: RestoreOptions,
  progress: Progress,
): Promise<Manifest> {
  const manifestFile = path.join(staging, MANIFEST_FILE)
  if (!fs.existsSync(manifestFile)) throw new RestoreRefused('the archive has no manifest.json')
  let manifest: Manifest
  try {
    manifest = parseManifest(fs.readFileSync(manifestFile, 'utf8'))
  } catch (error) {
    if (error instanceof ManifestError) throw new RestoreRefused(error.message)
    throw error
  }
  progress(
    `manifest: made ${manifest.createdAt} by portal ${manifest.portalVersion}, migration level ` +
      `${manifest.migrations.at(-1) ?? 'none'}, ${manifest.media.files} media files`,
  )
  const newer = migrationProblem(manifest.migrations, options.knownMigrations)
  if (newer) throw new RestoreRefused(newer)

  const listed = new Set(manifest.files.map((file) => file.path))
  const present = listFiles(staging).filter((name) => name !== MANIFEST_FILE)
  const extra = present.filter((name) => !listed.has(name))
  if (extra.length > 0) {
    throw new RestoreRefused(
      `the archive holds files its manifest does not list: ${extra.slice(0, 5).join(', ')}`,
    )
  }
  const report = every(manifest.files.length, (done) =>
    progress(`checksums: ${done}/${manifest.files.length} verified`),
  )
  for (const [index, file] of manifest.files.entries()) {
    // Paths come from the manifest: only ones inside the staging folder are looked at.
    const absolute = path.resolve(staging, file.path)
    if (!absolute.startsWith(staging + path.sep)) {
      throw new RestoreRefused(`the manifest names a path outside the archive: ${file.path}`)
    }
    if (!fs.existsSync(absolute))
      throw new RestoreRefused(`${file.path} is missing from the archive`)
    const digest = await digestFile(absolute)
    if (digest.sha256 !== file.sha256 || digest.bytes !== file.bytes) {
      throw new RestoreRefused(`${file.path} does not match its checksum: the archive is damaged`)
    }
    report(index + 1)
  }
  const database = path.join(staging, DATABASE_FILE)
  const check = await quickCheck(database)
  if (check !== 'ok')
    throw new RestoreRefused(`the archived database fails SQLite's check: ${check}`)
  const facts = await databaseFacts(database)
  if (facts.migrations.join() !== manifest.migrations.join()) {
    throw new RestoreRefused('the archived database has other migrations than its manifest lists')
  }
  progress('checks: manifest, checksums, migration level and database all fine')
  return manifest
}

/** Renames the database and its WAL files aside; the name of the kept copy, or null. */
function moveAside(database: string): string | null {
  if (!fs.existsSync(database)) {
    for (const suffix of WAL_FILES) fs.rmSync(database + suffix, { force: true })
    return null
  }
  const kept = `${database}.before-restore-${stamp()}`
  fs.renameSync(database, kept)
  for (const suffix of WAL_FILES) {
    if (fs.existsSync(database + suffix)) fs.renameSync(database + suffix, kept + suffix)
  }
  return kept
}

/**
 * Makes `mediaDir` hold exactly the archived files. The folder itself stays (it is often a
 * mounted volume, which cannot be renamed); each file is written beside its place and renamed
 * into it, and files the archive does not have are removed.
 */
function replaceMedia(from: string, mediaDir: string, manifest: Manifest, progress: Progress) {
  fs.mkdirSync(mediaDir, { recursive: true })
  const archived = listFiles(from)
  const keep = new Set(archived)
  const report = every(archived.length, (done) =>
    progress(`media: ${done}/${archived.length} restored to ${mediaDir}`),
  )
  for (const [index, name] of archived.entries()) {
    const target = path.join(mediaDir, name)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const partial = `${target}.restoring`
    fs.copyFileSync(path.join(from, name), partial)
    fs.renameSync(partial, target)
    report(index + 1)
  }
  let removed = 0
  for (const name of listFiles(mediaDir)) {
    if (keep.has(name)) continue
    fs.rmSync(path.join(mediaDir, name), { force: true })
    removed += 1
  }
  if (removed > 0) progress(`media: removed ${removed} files the backup did not have`)
  if (archived.length !== manifest.media.files) {
    throw new RestoreRefused('the media files restored are not the ones the manifest lists')
  }
}
