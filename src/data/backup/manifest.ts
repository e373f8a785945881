/**
 * What a backup archive says about itself (`manifest.json` at its root): when and from what it
 * was made, and a checksum of every file in it, so a restore can tell a complete, unaltered
 * archive from anything else before it touches the data.
 */
export const MANIFEST_FORMAT = 1
export const MANIFEST_FILE = 'manifest.json'
/** The database inside the archive; media files sit below `media/`. */
export const DATABASE_FILE = 'portal.db'
export const MEDIA_FOLDER = 'media'

export type ArchivedFile = { path: string; bytes: number; sha256: string }

export type Manifest = {
  format: typeof MANIFEST_FORMAT
  /** ISO time the snapshot of the database was taken. */
  createdAt: string
  /** The package version of the portal that wrote it. */
  portalVersion: string
  /** Every migration applied to the database, in order; the last one is its level. */
  migrations: string[]
  /** Documents per collection at the time of the snapshot. */
  documents: Record<string, number>
  media: { files: number; bytes: number; vanished: number }
  files: ArchivedFile[]
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ManifestError'
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads a manifest and checks its shape; throws `ManifestError` saying what is wrong. */
export function parseManifest(text: string): Manifest {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ManifestError('manifest.json is not JSON: this is no portal backup, or it is damaged')
  }
  if (!isRecord(value)) throw new ManifestError('manifest.json is not an object')
  if (value.format !== MANIFEST_FORMAT) {
    throw new ManifestError(
      `manifest format ${String(value.format)} is not ${MANIFEST_FORMAT}: the backup was made by another version of the portal`,
    )
  }
  const files = value.files
  if (
    !Array.isArray(files) ||
    !files.every(
      (f) =>
        isRecord(f) &&
        typeof f.path === 'string' &&
        typeof f.bytes === 'number' &&
        typeof f.sha256 === 'string',
    )
  ) {
    throw new ManifestError('manifest.json lists no valid files')
  }
  if (!files.some((f) => (f as ArchivedFile).path === DATABASE_FILE)) {
    throw new ManifestError(`manifest.json does not list the database (${DATABASE_FILE})`)
  }
  if (!Array.isArray(value.migrations) || !value.migrations.every((m) => typeof m === 'string')) {
    throw new ManifestError('manifest.json lists no migrations')
  }
  return value as unknown as Manifest
}

/**
 * Why this code must not restore an archive, or null: one made at migrations the code does not
 * have (by a newer version of the portal), whose schema the code cannot know. An older archive
 * is fine: the next start migrates it up.
 */
export function migrationProblem(archived: string[], known: string[]): string | null {
  const unknown = archived.filter((name) => !known.includes(name))
  if (unknown.length === 0) return null
  return (
    `the backup was made at newer migrations than this version of the portal has ` +
    `(${unknown.join(', ')}): restore it with the version that made it, or upgrade first`
  )
}
