/**
 * The admin speaks one language at a time: every UI string the config declares (labels,
 * descriptions, options, groups, blocks, collection names) and every string of the portal's own
 * catalogue exists in German and in English, neither mixes the two, and every catalogue key the
 * code uses exists. The browser test (test/browser/adminReview.test.ts) checks the pages too.
 */
import fs from 'node:fs'
import path from 'node:path'

import config from '@payload-config'

import { portalTranslations } from '@/cms/i18n/translations'

import { catalogueStrings, configStrings, onlyIn, type UiString } from '../helpers/adminStrings'

let strings: UiString[]
beforeAll(async () => {
  strings = [...(await configStrings(await config)), ...catalogueStrings()]
})

test('every UI string exists in German and in English', () => {
  const problems = strings
    .filter((s) => s.problem || !s.de.trim() || !s.en.trim())
    .map((s) => `${s.where}: ${s.problem ?? 'empty'}`)
  expect(problems).toEqual([])
  // The walk covers the config: labels of fields deep inside groups, arrays and blocks too.
  expect(strings.map((s) => s.where)).toEqual(
    expect.arrayContaining([
      'collections.projects.funding.grantNumber (label)',
      'collections.news.body.personQuote.text (label)',
      'globals.site.navigation.link (description)',
      'collections.people.honorific (description)',
      'collections.organizations.kind (option public-funder)',
    ]),
  )
})

test('no UI string mixes the languages', () => {
  const { de: germanOnly, en: englishOnly } = onlyIn(strings)
  const mixed = strings.flatMap((s) => {
    const found: string[] = []
    // Both languages in one string, as "Prüfungen / Review queue" was.
    if (/\s\/\s/.test(s.de) || /\s\/\s/.test(s.en)) found.push(`${s.where}: "${s.de}" | "${s.en}"`)
    if (s.de !== s.en && englishOnly.has(s.de)) found.push(`${s.where}: English in German: ${s.de}`)
    if (s.de !== s.en && germanOnly.has(s.en)) found.push(`${s.where}: German in English: ${s.en}`)
    return found
  })
  expect(mixed).toEqual([])
})

test('the catalogue has the same keys and placeholders in both languages', () => {
  const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort()
  const de = portalTranslations.de.portal as Record<string, string>
  const en = portalTranslations.en.portal as Record<string, string>
  expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort())
  for (const key of Object.keys(de)) {
    expect([key, placeholders(en[key]!)]).toEqual([key, placeholders(de[key]!)])
  }
})

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
}

test('every catalogue key the code uses exists, and every key is used', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('collections')].filter(
    (file) => !file.endsWith(path.join('i18n', 'translations.ts')),
  )
  const used = new Set(
    files.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/'portal:(\w+)'/g)].map((m) => m[1]!),
    ),
  )
  const known = new Set(Object.keys(portalTranslations.en.portal))
  expect([...used].filter((key) => !known.has(key))).toEqual([])
  expect([...known].filter((key) => !used.has(key))).toEqual([])
})
