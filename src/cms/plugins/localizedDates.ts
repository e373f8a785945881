import type { Config, Field } from 'payload'

import { adminDateFormat, adminDateTimeFormat, adminTimeFormat } from '@/cms/i18n/dateLocales'

/** The localized pattern for a date field's picker appearance (see src/cms/i18n/dateLocales.ts). */
function displayFormatOf(appearance: string | undefined): string | undefined {
  if (appearance === 'dayAndTime') return adminDateTimeFormat
  if (appearance === 'timeOnly') return adminTimeFormat
  if (appearance === 'monthOnly') return 'LLLL y'
  return adminDateFormat
}

function withLocalizedDates(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'date') {
      const date = field.admin?.date ?? {}
      if (date.displayFormat) return field
      const displayFormat = displayFormatOf(date.pickerAppearance)
      return { ...field, admin: { ...field.admin, date: { ...date, displayFormat } } }
    }
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: withLocalizedDates(tab.fields) })),
      }
    }
    if (field.type === 'blocks') {
      return {
        ...field,
        blocks: field.blocks.map((block) => ({
          ...block,
          fields: withLocalizedDates(block.fields),
        })),
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) {
      return { ...field, fields: withLocalizedDates(field.fields) } as Field
    }
    return field
  })
}

/**
 * Dates in the admin as the admin language writes them: the documents' own date fields (their
 * list cells and date pickers) get the localized patterns, as Payload's own dates (`dateFormat`:
 * last modified, versions) do. A field that sets its own `displayFormat` keeps it.
 */
export function localizedDates(config: Config): Config {
  return {
    ...config,
    admin: { ...config.admin, dateFormat: config.admin?.dateFormat ?? adminDateTimeFormat },
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      fields: withLocalizedDates(collection.fields),
    })),
    globals: (config.globals ?? []).map((global) => ({
      ...global,
      fields: withLocalizedDates(global.fields),
    })),
  }
}
