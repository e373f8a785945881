import {
  LinkJSXConverter,
  RichText as LexicalRichText,
  type JSXConvertersFunction,
} from '@payloadcms/richtext-lexical/react'

import type { Locale } from '@/core/locales'

import { t } from '../i18n'
import { paths } from '../../cms/documentPaths'

type LinkedDoc = { relationTo?: string; value?: unknown }

/** Internal links in rich text point at documents; this is where those documents live. */
function hrefFor(locale: Locale, doc: LinkedDoc | null | undefined): string {
  const value = doc?.value
  const slug = value && typeof value === 'object' ? (value as { slug?: string }).slug : undefined
  if (!slug) return paths.home(locale)
  switch (doc?.relationTo) {
    case 'news':
      return paths.newsItem(locale, slug)
    case 'projects':
      return paths.project(locale, slug)
    case 'people':
      return paths.person(locale, slug)
    case 'events':
      return paths.event(locale, slug)
    case 'organizations':
      return paths.organization(locale, slug)
    default:
      return paths.home(locale)
  }
}

type QuoteFields = { text?: string; person?: { name?: string; slug?: string } | string | null }

function converters(locale: Locale): JSXConvertersFunction {
  return ({ defaultConverters }) => ({
    ...defaultConverters,
    ...LinkJSXConverter({
      internalDocToHref: ({ linkNode }) => hrefFor(locale, linkNode.fields.doc),
    }),
    blocks: {
      // An attributed quote; the person comes populated (the operation asks for depth 1).
      personQuote: ({ node }: { node: { fields: QuoteFields } }) => {
        const { text, person } = node.fields
        const who = person && typeof person === 'object' ? person : undefined
        return (
          <figure className="quote">
            <blockquote>
              <p>{text}</p>
            </blockquote>
            {who?.name ? (
              <figcaption>
                <span className="visually-hidden">{t(locale).quoteBy} </span>
                {who.slug ? <a href={paths.person(locale, who.slug)}>{who.name}</a> : who.name}
              </figcaption>
            ) : null}
          </figure>
        )
      },
    },
  })
}

/** Lexical rich text from the CMS as semantic HTML. */
export function RichText({ data, locale }: { data: unknown; locale: Locale }) {
  if (!data || typeof data !== 'object' || !('root' in data)) return null
  return (
    <LexicalRichText
      className="prose"
      // The JSON comes from the GraphQL `JSON` scalar; its shape is Lexical's editor state.
      data={data as Parameters<typeof LexicalRichText>[0]['data']}
      converters={converters(locale)}
    />
  )
}
