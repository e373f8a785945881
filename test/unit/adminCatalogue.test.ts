/**
 * The admin's German reads right: Payload's catalogue as the portal merges it (with the
 * corrections of src/cms/i18n/payloadOverrides.ts) puts no gendered word before a collection's name,
 * and the strings Payload puts together from two keys read as one phrase.
 */
import config from '@payload-config'
import { getTranslation, type I18nClient } from '@payloadcms/translations'

import { i18nFor, languages, type Language } from '../helpers/adminStrings'

let i18n: Record<Language, I18nClient>
beforeAll(async () => {
  i18n = await i18nFor(await config)
})

const flat = (tree: Record<string, unknown>, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flat(value as Record<string, unknown>, `${prefix}${key}:`),
  )

test('no German string puts an article or a gendered word before a collection name', () => {
  // "{{label}}" is any collection's name: die Meldung, das Projekt, der Benutzer.
  const gendered =
    /\b(?:der|das|dem|den|des|dieses|dieser|diesem|kein|keinen|neu|neues|neuer|ein|eines|einen)\s+(?:<\d>)?\{\{label\}\}/i
  const wrong = flat(i18n.de.translations as unknown as Record<string, unknown>)
    .filter(([, text]) => gendered.test(text))
    .map(([key, text]) => `${key}: ${text}`)
  expect(wrong).toEqual([])
  const t = i18n.de.t as unknown as (key: string, values?: Record<string, unknown>) => string
  expect(t('general:aboutToTrash', { label: 'Meldung', title: 'X' })).toBe(
    'Meldung <1>X</1> in den Papierkorb verschieben?',
  )
})

test('strings Payload puts together from two keys read as one phrase', () => {
  const t = (language: Language, key: string) =>
    (i18n[language].t as unknown as (key: string) => string)(key)
  // The duplicate button of a localized document, and the upload hint.
  expect(`${t('de', 'general:duplicate')} ${t('de', 'localization:selectedLocales')}`).toBe(
    'Duplizieren (ausgewählte Sprachen)',
  )
  expect(`${t('en', 'general:duplicate')} ${t('en', 'localization:selectedLocales')}`).toBe(
    'Duplicate (selected locales)',
  )
  expect(`${t('de', 'general:or')} ${t('de', 'upload:dragAndDrop')}`).toBe(
    'oder Datei hierher ziehen',
  )
})

test("the projects list's two status columns have different names", async () => {
  const projects = (await config).collections.find((c) => c.slug === 'projects')!
  const field = projects.fields.find((f) => 'name' in f && f.name === 'status')!
  for (const language of languages) {
    const own = getTranslation(('label' in field && field.label) as never, i18n[language])
    const publication = (i18n[language].t as unknown as (key: string) => string)('version:status')
    expect(own).not.toBe(publication)
  }
})
