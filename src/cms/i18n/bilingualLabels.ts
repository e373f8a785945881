import { initI18n, type I18nClient } from '@payloadcms/translations'
import type { Field, SanitizedConfig } from 'payload'

type Languages = { de: I18nClient; en: I18nClient }
type LabelFunction = (args: { i18n: I18nClient; t: I18nClient['t'] }) => string

const both = (label: LabelFunction, i18n: Languages) => ({
  de: label({ i18n: i18n.de, t: i18n.de.t }),
  en: label({ i18n: i18n.en, t: i18n.en.t }),
})

function resolveFields(fields: Field[], i18n: Languages): void {
  for (const field of fields) {
    const record = field as Field & { label?: unknown; options?: unknown[] }
    if (typeof record.label === 'function') {
      record.label = both(record.label as LabelFunction, i18n) as never
    }
    for (const option of record.options ?? []) {
      const choice = option as { label?: unknown }
      if (typeof choice?.label === 'function') {
        choice.label = both(choice.label as LabelFunction, i18n)
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) resolveFields(field.fields, i18n)
    if (field.type === 'tabs') for (const tab of field.tabs) resolveFields(tab.fields, i18n)
  }
}

/** Payload's own labels written as functions (createdAt, updatedAt, `_status` and its options). */
async function resolveFunctionLabels(config: SanitizedConfig): Promise<void> {
  const [de, en] = await Promise.all(
    (['de', 'en'] as const).map((language) =>
      initI18n({ config: config.i18n, context: 'client', language }),
    ),
  )
  const i18n = { de: de!, en: en! }
  for (const entity of [...config.collections, ...config.globals])
    resolveFields(entity.fields, i18n)
}

/**
 * Payload (3.90.2) keeps the version comparison's field labels for each collection from the
 * first request that builds them, in that request's language: labels it writes as functions of
 * the language (its own fields: "Aktualisiert am", "Veröffentlicht") then showed in German on an
 * English page. Resolved here, on the sanitized config (in every module world that builds it),
 * into the `{ de, en }` labels the portal's own fields have, which each request reads in its own
 * language.
 */
export async function bilingualLabels(config: SanitizedConfig): Promise<SanitizedConfig> {
  await resolveFunctionLabels(config)
  return config
}
