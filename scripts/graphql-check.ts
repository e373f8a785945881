/**
 * `npm run graphql:check [ref|file]`: compares the schema the config makes now with schema.graphql
 * at a git ref (default: the newest v* tag, else the version before the last change of the file)
 * or with a schema file, lists
 * breaking and dangerous changes, and fails on a breaking change that docs/graphql-changelog.md
 * does not record.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

import config from '@payload-config'

import { printGraphQLSchema } from '@/process/generatedArtefacts'
import { compareSchemas, unrecordedBreaking } from '@/graphql/schemaCheck'

const git = (...args: string[]) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()

function defaultRef(): string | null {
  try {
    return git('describe', '--tags', '--abbrev=0', '--match', 'v*')
  } catch {
    const last = git('log', '-n', '1', '--format=%H', '--', 'schema.graphql')
    return last ? `${last}^` : null
  }
}

const ref = process.argv[2] ?? defaultRef()
let before: string | null = null
try {
  if (ref && fs.existsSync(ref)) before = fs.readFileSync(ref, 'utf8')
  else before = ref ? git('show', `${ref}:schema.graphql`) : null
} catch {
  before = null
}
if (before === null) {
  console.log(`No schema.graphql at ${ref ?? '(no ref)'}: nothing to compare with.`)
  process.exit(0)
}

const findings = await compareSchemas(before, printGraphQLSchema(await config))
const changelog = fs.existsSync('docs/graphql-changelog.md')
  ? fs.readFileSync('docs/graphql-changelog.md', 'utf8')
  : ''
const missing = unrecordedBreaking(findings, changelog)
console.log(`GraphQL schema compared with ${ref}:`)
for (const level of ['breaking', 'dangerous'] as const) {
  const list = findings.filter((f) => f.level === level)
  console.log(`  ${list.length} ${level}`)
  for (const f of list)
    console.log(
      `    - ${f.message}${missing.includes(f) ? '  (not in docs/graphql-changelog.md)' : ''}`,
    )
}
console.log(`  ${findings.filter((f) => f.level === 'safe').length} safe`)
if (missing.length > 0) {
  console.error(
    `\n${missing.length} breaking change(s) are not recorded in docs/graphql-changelog.md. ` +
      'Record each (its coordinate in backticks, and what clients should do) or avoid it.',
  )
  process.exit(1)
}
process.exit(0)
