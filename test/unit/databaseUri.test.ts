import { DatabaseUriError, parseDatabaseUri, plainSqliteFile } from '@/data/adapter/adapter'

test('empty means the embedded SQLite default', () => {
  expect(parseDatabaseUri(undefined)).toEqual({ kind: 'sqlite', url: 'file:./data/portal.db' })
  expect(parseDatabaseUri('  ')).toEqual({ kind: 'sqlite', url: 'file:./data/portal.db' })
})

test('file: selects SQLite', () => {
  expect(parseDatabaseUri('file:/var/lib/portal/portal.db')).toEqual({
    kind: 'sqlite',
    url: 'file:/var/lib/portal/portal.db',
  })
})

test('mongodb:// and mongodb+srv:// select MongoDB', () => {
  expect(parseDatabaseUri('mongodb://localhost:27017/portal').kind).toBe('mongodb')
  expect(parseDatabaseUri('mongodb+srv://cluster.example/portal').kind).toBe('mongodb')
})

test.each(['postgres://localhost/portal', 'portal.db', 'file:', 'mongodb://', 'http://x'])(
  '%s is refused with a message saying what is accepted',
  (uri) => {
    expect(() => parseDatabaseUri(uri)).toThrow(DatabaseUriError)
    expect(() => parseDatabaseUri(uri)).toThrow(/file:<path>.*mongodb:\/\//s)
  },
)

test('credentials in a refused URI are not echoed', () => {
  expect(() => parseDatabaseUri('postgres://user:secret@db/portal')).toThrow(/\*\*\*@db/)
  expect(() => parseDatabaseUri('postgres://user:secret@db/portal')).not.toThrow(/secret/)
})

test('slugs transliterate German', async () => {
  const { slugify } = await import('@/cms/fields/transliterate')
  expect(slugify('Größere Übersicht für Ärzte & Straßen')).toBe(
    'groessere-uebersicht-fuer-aerzte-und-strassen',
  )
  expect(slugify('  „New Wave“ of European AI!  ')).toBe('new-wave-of-european-ai')
  expect(slugify('Café Señor')).toBe('cafe-senor')
})

test('transactions keep their connections only where the file is the one the client opens', () => {
  expect(plainSqliteFile('file:./data/portal.db')).toBe('./data/portal.db')
  expect(plainSqliteFile('file:/var/lib/portal/portal.db')).toBe('/var/lib/portal/portal.db')
  expect(plainSqliteFile('file:///var/lib/portal/portal.db')).toBe('/var/lib/portal/portal.db')
  // The client decodes these further; a pool opening the raw text would write to another file.
  expect(plainSqliteFile('file:///tmp/a%20b.db')).toBeNull()
  expect(plainSqliteFile('file://localhost/tmp/portal.db')).toBeNull()
  expect(plainSqliteFile('file:./portal.db?mode=ro')).toBeNull()
  expect(plainSqliteFile('file::memory:')).toBeNull()
})
