/**
 * `npm run backup` and `npm run restore` on SQLite (src/data/backup/): what the archive says about
 * itself, and every archive or situation a restore must refuse before it touches the data. The
 * drill under load, with portals on both ends, is test/e2e/restoreDrill.test.ts.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as tar from 'tar'

import { backup } from '@/data/backup/backup'
import { parseManifest, type Manifest } from '@/data/backup/manifest'
import { copyIfPresent } from '@/data/backup/mediaFiles'
import { restore } from '@/data/backup/restore'
import { databaseFacts } from '@/data/backup/snapshot'
import { lockPathOf, takeDataLock } from '@/data/adapter/dataLock'
import { migrations } from '@/data/migrations'
import { holdDataLock } from '@/process/dataLock'

const sqliteLane = process.env.TEST_LANE !== 'mongodb'
const describeSqlite = sqliteLane ? describe : describe.skip

const known = migrations.map((migration) => migration.name)
const quiet = () => {}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-'))
const live = {
  database: path.join(work, 'live', 'portal.db'),
  mediaDir: path.join(work, 'live', 'media'),
}
const media: Record<string, Buffer> = {
  'foto.png': crypto.randomBytes(5000),
  'nested/dokument.pdf': crypto.randomBytes(20_000),
}
let archive: string
let manifest: Manifest

/** A new folder to restore into. */
const target = (name: string) => ({
  database: path.join(work, name, 'portal.db'),
  mediaDir: path.join(work, name, 'media'),
})

/** The archive unpacked, changed by `change`, and packed again. */
async function tampered(name: string, change: (dir: string) => void): Promise<string> {
  const dir = path.join(work, `unpacked-${name}`)
  fs.mkdirSync(dir, { recursive: true })
  await tar.extract({ file: archive, cwd: dir })
  change(dir)
  const file = path.join(work, `${name}.tar.gz`)
  await tar.create({ file, cwd: dir, gzip: true }, fs.readdirSync(dir))
  return file
}

const restoreInto = (into: { database: string; mediaDir: string }, from = archive) =>
  restore({ archive: from, ...into, knownMigrations: known, progress: quiet })

beforeAll(async () => {
  if (!sqliteLane) return
  fs.mkdirSync(path.dirname(live.database), { recursive: true })
  fs.copyFileSync(process.env.DATABASE_URI!.replace(/^file:/, ''), live.database)
  for (const [name, bytes] of Object.entries(media)) {
    fs.mkdirSync(path.dirname(path.join(live.mediaDir, name)), { recursive: true })
    fs.writeFileSync(path.join(live.mediaDir, name), bytes)
  }
  archive = path.join(work, 'archives', 'portal.tar.gz')
  manifest = (await backup({ ...live, archive, portalVersion: 'test', progress: quiet })).manifest
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describeSqlite('the archive', () => {
  test('its manifest gives the migration level, the documents, the files and their checksums', async () => {
    expect(manifest.migrations).toEqual(known)
    const facts = await databaseFacts(live.database)
    expect(manifest.documents).toEqual(facts.documents)
    expect(manifest.documents.news).toBeGreaterThan(0)
    expect(manifest.media).toEqual({ files: 2, bytes: 25_000, vanished: 0 })
    const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        { path: 'media/foto.png', bytes: 5000, sha256: sha(media['foto.png']!) },
        {
          path: 'media/nested/dokument.pdf',
          bytes: 20_000,
          sha256: sha(media['nested/dokument.pdf']!),
        },
      ]),
    )
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest)
  })

  test('a media file deleted before it could be copied is skipped, not an error', () => {
    expect(copyIfPresent(path.join(work, 'gone.png'), path.join(work, 'copy', 'gone.png'))).toBe(
      false,
    )
  })
})

describeSqlite('a restore', () => {
  test('into a fresh folder gives the same documents and the same media bytes', async () => {
    const into = target('fresh')
    const result = await restoreInto(into)
    expect(result.previous).toBeNull()
    expect(await databaseFacts(into.database)).toEqual(await databaseFacts(live.database))
    for (const [name, bytes] of Object.entries(media))
      expect(fs.readFileSync(path.join(into.mediaDir, name)).equals(bytes)).toBe(true)
    expect(fs.existsSync(lockPathOf(into.database))).toBe(false)
  })

  test('over existing data keeps the database it replaces and leaves only the archived media', async () => {
    const into = target('existing')
    fs.mkdirSync(into.mediaDir, { recursive: true })
    fs.writeFileSync(into.database, 'the old database')
    fs.writeFileSync(path.join(into.mediaDir, 'newer.png'), 'uploaded after the backup')
    const result = await restoreInto(into)
    expect(fs.readFileSync(result.previous!, 'utf8')).toBe('the old database')
    expect(fs.existsSync(path.join(into.mediaDir, 'newer.png'))).toBe(false)
    expect(fs.existsSync(path.join(into.mediaDir, 'foto.png'))).toBe(true)
  })

  test('is refused while a portal holds the lock on the data, and the data stays as it was', async () => {
    const into = target('running')
    fs.mkdirSync(path.dirname(into.database), { recursive: true })
    fs.writeFileSync(into.database, 'in use')
    const release = await takeDataLock(into.database, 'test', quiet)
    try {
      await expect(restoreInto(into)).rejects.toThrow(/another process holds the lock/)
      expect(fs.readFileSync(into.database, 'utf8')).toBe('in use')
    } finally {
      await release()
    }
  })

  test('a second portal on the same SQLite file refuses to start while the first runs', async () => {
    const file = target('second').database
    const first = await holdDataLock({ kind: 'sqlite', url: `file:${file}` })
    try {
      await expect(holdDataLock({ kind: 'sqlite', url: `file:${file}` })).rejects.toThrow(
        /The portal cannot start: another process holds the lock/,
      )
    } finally {
      await first()
    }
    // Released on shutdown: the next start gets it.
    await (
      await holdDataLock({ kind: 'sqlite', url: `file:${file}` })
    )()
  })

  test('goes ahead over the stale lock of a portal that was killed', async () => {
    const into = target('killed')
    fs.mkdirSync(lockPathOf(into.database), { recursive: true })
    const longAgo = new Date(Date.now() - 60_000)
    fs.utimesSync(lockPathOf(into.database), longAgo, longAgo)
    await restoreInto(into)
    expect(fs.existsSync(into.database)).toBe(true)
  })

  test('is refused for an archive made at newer migrations than the code has', async () => {
    const newer = await tampered('newer', (dir) => {
      const file = path.join(dir, 'manifest.json')
      const changed = {
        ...manifest,
        migrations: [...manifest.migrations, '20991231_000000_future'],
      }
      fs.writeFileSync(file, JSON.stringify(changed))
    })
    await expect(restoreInto(target('newer'), newer)).rejects.toThrow(
      /newer migrations than this version of the portal has \(20991231_000000_future\)/,
    )
  })

  test('is refused for a damaged file, a file the manifest does not list, and a link', async () => {
    const damaged = await tampered('damaged', (dir) => {
      const file = path.join(dir, 'media', 'foto.png')
      const bytes = fs.readFileSync(file)
      bytes[100] = bytes[100]! ^ 0xff
      fs.writeFileSync(file, bytes)
    })
    await expect(restoreInto(target('damaged'), damaged)).rejects.toThrow(
      /media\/foto.png does not match its checksum/,
    )
    const extra = await tampered('extra', (dir) =>
      fs.writeFileSync(path.join(dir, 'media', 'smuggled.js'), 'alert(1)'),
    )
    await expect(restoreInto(target('extra'), extra)).rejects.toThrow(
      /files its manifest does not list: media\/smuggled.js/,
    )
    const link = await tampered('link', (dir) =>
      fs.symlinkSync('/etc/passwd', path.join(dir, 'media', 'passwd')),
    )
    await expect(restoreInto(target('link'), link)).rejects.toThrow(/no plain file: media\/passwd/)
    const junk = path.join(work, 'junk.tar.gz')
    fs.writeFileSync(junk, 'not an archive')
    await expect(restoreInto(target('junk'), junk)).rejects.toThrow(/not a readable backup archive/)
    for (const name of ['damaged', 'extra', 'link', 'junk'])
      expect(fs.existsSync(target(name).database)).toBe(false)
  })
})

describeSqlite('on MongoDB', () => {
  test('both commands say what to do instead and change nothing', async () => {
    const run = (command: string) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--conditions=production', `.server/${command}.mjs`, 'x.tar.gz'],
          {
            env: {
              PATH: process.env.PATH ?? '',
              NODE_ENV: 'production',
              DATABASE_URI: 'mongodb://db.example:27017/portal',
            },
          },
        )
        let output = ''
        child.stdout.on('data', (chunk) => (output += chunk))
        child.on('exit', (code) => resolve({ code, output }))
      })
    const [backupRun, restoreRun] = await Promise.all([run('backup'), run('restore')])
    expect(backupRun.code).toBe(2)
    expect(backupRun.output).toMatch(/mongodump .*--oplog/)
    expect(restoreRun.code).toBe(2)
    expect(restoreRun.output).toMatch(/mongorestore .*--oplogReplay/)
    for (const { output } of [backupRun, restoreRun]) expect(output).toContain('/app/media')
  })
})
