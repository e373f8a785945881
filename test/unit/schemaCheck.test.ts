import { compareSchemas, unrecordedBreaking } from '@/graphql/schemaCheck'

const base = `
  type Query { News(limit: Int): [NewsItem] }
  type NewsItem { id: String! title: String teaser: String }
  enum Status { draft published }
`

test('a removed field is breaking; adding a field is safe; an added enum value is dangerous', async () => {
  const removed = await compareSchemas(base, base.replace(' teaser: String', ''))
  expect(removed).toEqual([expect.objectContaining({ level: 'breaking', path: 'NewsItem.teaser' })])

  const added = await compareSchemas(
    base,
    base.replace('teaser: String', 'teaser: String excerpt: String'),
  )
  expect(added.map((f) => f.level)).toEqual(['safe'])

  const enumValue = await compareSchemas(
    base,
    base.replace('draft published', 'draft published archived'),
  )
  expect(enumValue.map((f) => f.level)).toEqual(['dangerous'])
})

test('a type change of an argument is breaking', async () => {
  const findings = await compareSchemas(
    base,
    base.replace('News(limit: Int)', 'News(limit: String)'),
  )
  expect(findings.some((f) => f.level === 'breaking')).toBe(true)
})

test('a breaking change passes only when the changelog names its coordinate', async () => {
  const findings = await compareSchemas(base, base.replace(' teaser: String', ''))
  expect(unrecordedBreaking(findings, '# Changelog\n\nNothing.')).toHaveLength(1)
  expect(unrecordedBreaking(findings, '- `NewsItem.teaser` removed: use `excerpt`.')).toHaveLength(
    0,
  )
  // Mentioning the word without the coordinate does not count.
  expect(unrecordedBreaking(findings, 'teaser was removed')).toHaveLength(1)
})
