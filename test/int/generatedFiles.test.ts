import config from '@payload-config'
import fs from 'node:fs'
import path from 'node:path'

import { artefactPaths, renderArtefacts } from '@/generated/artefacts'

const committed = (file: string) => fs.readFileSync(path.resolve(file), 'utf8')

describe('generated files match the config (run `npm run generate` and commit when this fails)', () => {
  let fresh: Awaited<ReturnType<typeof renderArtefacts>>
  beforeAll(async () => {
    fresh = await renderArtefacts(await config)
  })

  test.each(Object.entries(artefactPaths))('%s: %s', (name, file) => {
    expect(committed(file) === fresh[name as keyof typeof fresh]).toBe(true)
  })
})

test('frontends read deliberate GraphQL names', () => {
  const schema = committed(artefactPaths.schema)
  for (const [one, many] of [
    ['NewsItem', 'News'],
    ['Project', 'Projects'],
    ['Principle', 'Principles'],
    ['Event', 'Events'],
    ['MediaItem', 'Media'],
    ['Person', 'People'],
    ['Organization', 'Organizations'],
    ['Signatory', 'Signatories'],
    ['User', 'Users'],
  ]) {
    expect(schema).toMatch(new RegExp(`^type ${one} \\{`, 'm'))
    expect(schema).toMatch(new RegExp(`^  ${many}\\(`, 'm'))
    expect(schema).toMatch(new RegExp(`^  ${one}\\(id: String!`, 'm'))
  }
  expect(schema).toMatch(/^  Declaration\(/m)
  expect(schema).toMatch(/^  Site\(/m)
  // String IDs on SQLite too (uuid), as on MongoDB.
  expect(schema).toMatch(/^type NewsItem \{\n  id: String!/m)
})
