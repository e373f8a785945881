import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { artefactPaths } from '@/process/artefactPaths'

const committed = (file: string) => fs.readFileSync(path.resolve(file), 'utf8')

test('generated files match the config (else: npm run generate, and commit the result)', () => {
  // In a process of its own: GraphQL Code Generator loads its plugins in ways Jest's module
  // system does not support.
  const result = spawnSync(
    process.execPath,
    ['--conditions=development', '.server/generate.mjs', '--check'],
    {
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    },
  )
  expect(result.stderr).toBe('')
  expect(result.stdout).toContain('Generated files are up to date.')
  expect(result.status).toBe(0)
  expect(Object.values(artefactPaths)).toEqual(
    expect.arrayContaining([
      'src/payload-types.ts',
      'src/app/(payload)/admin/importMap.js',
      'schema.graphql',
      'docs/access.md',
      'src/graphql/generated.ts',
    ]),
  )
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
