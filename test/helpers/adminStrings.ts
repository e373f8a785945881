/**
 * The admin's UI strings as the config declares them: every label, description, option, group,
 * block and collection name of the sanitized config (content values are not in it), and the
 * portal's own catalogue. Used to check that each exists in German and English and that a page
 * in one admin language shows none of the other's.
 */
import { initI18n, type I18nClient } from '@payloadcms/translations'
import type { Field, SanitizedConfig } from 'payload'

import { portalTranslations } from '@/cms/i18n/translations'

export type Language = 'de' | 'en'
export const languages: Language[] = ['de', 'en']

/** One UI string of the config, resolved in both languages (or a reason it cannot be). */
export type UiString = { where: string; de: string; en: string; problem?: string }

function resolve(value: unknown, i18n: Record<Language, I18nClient>, where: string): UiString {
  if (typeof value === 'function') {
    const [de, en] = languages.map((language) =>
      String(
        (value as (args: { i18n: I18nClient; t: I18nClient['t'] }) => unknown)({
          i18n: i18n[language],
          t: i18n[language].t,
        }),
      ),
    )
    return { where, de: de!, en: en! }
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).sort()
    if (keys.join() !== 'de,en') {
      return { where, de: '', en: '', problem: `languages ${keys.join(', ')} instead of de, en` }
    }
    return { where, de: String(record.de ?? ''), en: String(record.en ?? '') }
  }
  if (typeof value === 'string') {
    return { where, de: value, en: value, problem: `one string for both languages: "${value}"` }
  }
  return { where, de: '', en: '', problem: 'missing' }
}

type Admin = {
  hidden?: unknown
  disabled?: boolean
  description?: unknown
  components?: Record<string, unknown>
}

/** Fields Payload adds and labels itself through its own catalogue. */
const payloadOwn = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', '_status'])

function walkFields(
  fields: Field[],
  at: string,
  i18n: Record<Language, I18nClient>,
  out: UiString[],
): void {
  for (const field of fields) {
    const name = 'name' in field ? field.name : field.type
    const where = `${at}.${name}`
    const admin = (field.admin ?? {}) as Admin
    const hidden =
      ('hidden' in field && field.hidden === true) || admin.hidden === true || admin.disabled
    if (hidden) continue
    if ('name' in field && payloadOwn.has(field.name)) continue
    const presentational = field.type === 'row' || field.type === 'collapsible'
    if ('label' in field && field.label !== false && !presentational) {
      out.push(resolve(field.label, i18n, `${where} (label)`))
    } else if (!('label' in field) && 'name' in field) {
      out.push({ where: `${where} (label)`, de: '', en: '', problem: 'missing' })
    }
    if (admin.description !== undefined) {
      out.push(resolve(admin.description, i18n, `${where} (description)`))
    }
    if ('options' in field && Array.isArray(field.options)) {
      for (const option of field.options) {
        if (typeof option === 'string') {
          out.push({
            where: `${where} (option ${option})`,
            de: option,
            en: option,
            problem: 'no label',
          })
        } else {
          out.push(resolve(option.label, i18n, `${where} (option ${option.value})`))
        }
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) walkFields(field.fields, where, i18n, out)
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        out.push(resolve(tab.label, i18n, `${where} (tab)`))
        walkFields(tab.fields, where, i18n, out)
      }
    }
    if (field.type === 'blocks') {
      for (const block of field.blocks) {
        if (typeof block === 'string') continue
        out.push(resolve(block.labels?.singular, i18n, `${where}.${block.slug} (singular)`))
        out.push(resolve(block.labels?.plural, i18n, `${where}.${block.slug} (plural)`))
        walkFields(block.fields, `${where}.${block.slug}`, i18n, out)
      }
    }
    if (field.type === 'richText') {
      const blocks = richTextBlocks(field)
      for (const block of blocks) {
        out.push(resolve(block.labels?.singular, i18n, `${where}.${block.slug} (singular)`))
        out.push(resolve(block.labels?.plural, i18n, `${where}.${block.slug} (plural)`))
        walkFields(block.fields, `${where}.${block.slug}`, i18n, out)
      }
    }
  }
}

type BlockLike = {
  slug: string
  labels?: { singular?: unknown; plural?: unknown }
  fields: Field[]
}

/** The blocks a Lexical editor's BlocksFeature offers (quotes in news bodies). */
function richTextBlocks(field: Field): BlockLike[] {
  const editor = (field as { editor?: { features?: unknown[] } }).editor
  const features = (editor?.features ?? []) as {
    key?: string
    sanitizedServerFeatureProps?: unknown
    serverFeatureProps?: { blocks?: BlockLike[] }
  }[]
  return features.flatMap((feature) =>
    feature.key === 'blocks' ? (feature.serverFeatureProps?.blocks ?? []) : [],
  )
}

export async function i18nFor(config: SanitizedConfig): Promise<Record<Language, I18nClient>> {
  const [de, en] = await Promise.all(
    languages.map((language) => initI18n({ config: config.i18n, context: 'client', language })),
  )
  return { de: de!, en: en! }
}

/** Every UI string the config declares for the admin, with what is wrong with it. */
export async function configStrings(config: SanitizedConfig): Promise<UiString[]> {
  const i18n = await i18nFor(config)
  const out: UiString[] = []
  for (const collection of config.collections) {
    if (collection.slug.startsWith('payload-')) continue
    const at = `collections.${collection.slug}`
    out.push(resolve(collection.labels.singular, i18n, `${at} (singular)`))
    out.push(resolve(collection.labels.plural, i18n, `${at} (plural)`))
    if (collection.admin.group) out.push(resolve(collection.admin.group, i18n, `${at} (group)`))
    if (collection.admin.description !== undefined) {
      out.push(resolve(collection.admin.description, i18n, `${at} (description)`))
    }
    walkFields(collection.fields, at, i18n, out)
  }
  for (const global of config.globals) {
    const at = `globals.${global.slug}`
    out.push(resolve(global.label, i18n, `${at} (label)`))
    if (global.admin.group) out.push(resolve(global.admin.group, i18n, `${at} (group)`))
    walkFields(global.fields, at, i18n, out)
  }
  return out
}

/** The portal's own catalogue as UI strings. */
export function catalogueStrings(): UiString[] {
  const de = portalTranslations.de.portal as Record<string, string>
  const en = portalTranslations.en.portal as Record<string, string>
  const keys = new Set([...Object.keys(de), ...Object.keys(en)])
  return [...keys].map((key) => ({
    where: `portal:${key}`,
    de: de[key] ?? '',
    en: en[key] ?? '',
    ...(de[key] && en[key] ? {} : { problem: 'missing in one language' }),
  }))
}

/**
 * Strings that exist in one language only: shown on a page of the other language, they are a
 * string left untranslated or a mixed one. Words that are the same in both (Name, Status) are in
 * neither list.
 */
export function onlyIn(strings: UiString[]): Record<Language, Set<string>> {
  const de = new Set<string>()
  const en = new Set<string>()
  const both = new Set<string>()
  for (const s of strings) {
    if (s.de === s.en) both.add(s.de)
    else {
      de.add(s.de)
      en.add(s.en)
    }
  }
  for (const word of [...both, ...[...de].filter((w) => en.has(w))]) {
    de.delete(word)
    en.delete(word)
  }
  return { de, en }
}

/** Text that looks like an untranslated catalogue key, such as `portal:reviewSubmit`. */
export const untranslatedKey =
  /\b(?:portal|general|fields|version|error|authentication|validation|upload|operators):[a-z][A-Za-z]+\b/
