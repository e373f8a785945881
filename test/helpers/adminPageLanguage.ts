import config from '@payload-config'
import type { Page } from 'playwright-core'

import {
  catalogueStrings,
  configStrings,
  i18nFor,
  languages,
  onlyIn,
  untranslatedKey,
  type Language,
  type UiString,
} from './adminStrings'

/** Payload's own admin catalogue (de/en), flattened: its strings count as UI strings as well. */
async function payloadStrings(): Promise<UiString[]> {
  const i18n = await i18nFor(await config)
  const flat = (tree: Record<string, unknown>, prefix = ''): Record<string, string> =>
    Object.fromEntries(
      Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'string'
          ? [[`${prefix}${key}`, value]]
          : Object.entries(flat(value as Record<string, unknown>, `${prefix}${key}:`)),
      ),
    )
  const de = flat(i18n.de.translations as unknown as Record<string, unknown>)
  const en = flat(i18n.en.translations as unknown as Record<string, unknown>)
  return Object.keys(en)
    .filter((key) => de[key] !== undefined && !en[key]!.includes('{{'))
    .map((key) => ({ where: key, de: de[key]!, en: en[key]! }))
}

let vocabulary: Promise<Record<Language, Set<string>>> | undefined

/** Per language, the UI strings that exist only in that language (see `onlyIn`). */
export function languageOnlyStrings(): Promise<Record<Language, Set<string>>> {
  vocabulary ??= (async () => {
    const all = [
      ...(await configStrings(await config)),
      ...catalogueStrings(),
      ...(await payloadStrings()),
    ].filter((s) => s.de.length >= 4 && s.en.length >= 4)
    return onlyIn(all)
  })()
  return vocabulary
}

/**
 * Payload's own strings that it hard-codes in English, whatever the admin language (3.90.2): the
 * aria-labels of the version comparison's collapsible groups. Not ours to translate; listed so
 * that everything else stays checked.
 */
const payloadHardCoded = new Set(['Collapse', 'Expand'])

/**
 * The visible text of the page: text nodes, and the placeholders, labels and tooltips of visible
 * elements, and the values of date pickers (which show dates the admin formats). Content typed by
 * people (rich text, other input values) is left out, as is what is hidden (closed drawers and
 * popups).
 */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const visible = (element: Element | null) =>
      Boolean(element?.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode
      if (node.parentElement?.closest('[contenteditable], script, style, noscript')) continue
      if (!visible(node.parentElement)) continue
      const text = node.textContent?.trim()
      if (text) found.push(text)
    }
    for (const element of document.body.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (!visible(element)) continue
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name)?.trim()
        if (value) found.push(value)
      }
    }
    for (const input of document.body.querySelectorAll<HTMLInputElement>(
      '.date-time-picker input',
    )) {
      if (visible(input) && input.value.trim()) found.push(input.value.trim())
    }
    return found
  })
}

/**
 * What on the page is not in its admin language: visible text (see `visibleTexts`) that is a UI
 * string of the other language only, a catalogue key shown untranslated, or "undefined".
 */
export async function languageProblems(page: Page, language: Language): Promise<string[]> {
  const other = languages.find((l) => l !== language)!
  const foreign = (await languageOnlyStrings())[other]
  const texts = await visibleTexts(page)
  const problems = new Set<string>()
  for (const text of texts) {
    const bare = text.replace(/[:：]\s*$/, '')
    if (payloadHardCoded.has(text)) continue
    if (foreign.has(text) || foreign.has(bare)) problems.add(`${other} string: "${text}"`)
    if (untranslatedKey.test(text)) problems.add(`untranslated key: "${text}"`)
    if (/\bundefined\b/.test(text)) problems.add(`undefined shown: "${text}"`)
  }
  return [...problems]
}
