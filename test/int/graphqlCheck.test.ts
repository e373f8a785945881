import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const run = (ref?: string) =>
  spawnSync(
    process.execPath,
    ['--conditions=development', '.server/graphql-check.mjs', ...(ref ? [ref] : [])],
    {
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    },
  )

test('npm run graphql:check passes against the committed schema of HEAD', () => {
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()
  const result = run(head)
  expect(result.stdout).toContain('GraphQL schema compared with')
  expect(result.stdout).toMatch(/0 breaking/)
  expect(result.status).toBe(0)
})

test('a breaking change is listed and fails while docs/graphql-changelog.md does not record it', () => {
  // An older schema in which NewsItem had one more field: today's schema lost it.
  const older = fs
    .readFileSync('schema.graphql', 'utf8')
    .replace(/^type NewsItem \{\n/m, 'type NewsItem {\n  teaserLegacy: String\n')
  const file = path.join(os.tmpdir(), `older-schema-${process.pid}.graphql`)
  fs.writeFileSync(file, older)
  const result = run(file)
  expect(result.stdout).toMatch(/1 breaking/)
  expect(result.stdout).toContain('teaserLegacy')
  expect(result.stdout).toContain('(not in docs/graphql-changelog.md)')
  expect(result.status).toBe(1)
})
