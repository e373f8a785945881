import { defaultLocale, locales, type Locale } from '@/core/locales'

/**
 * The language a person reads the portal's mail in: one of the portal's locales, German first.
 *
 * Where it comes from, in one place so that mail and the admin agree:
 * - a user (editor, partner, admin): the `language` field of their account, which they set on
 *   their account page and admins set for anyone (`collections/Users/index.ts`). Payload keeps the
 *   admin's language only in a browser cookie, which the server cannot read when it writes to
 *   someone else (an editor hearing of a partner's submission), so the account carries it;
 * - anyone else (a signer of the declaration): the locale of the page they used.
 * Anything unknown or missing reads as German, the portal's default.
 */
export type Language = Locale

export const languages: readonly Language[] = locales.map(({ code }) => code)

export const defaultLanguage: Language = defaultLocale

/** A locale code from anywhere (a field, a URL segment, a header) as a language of the portal. */
export function asLanguage(value: unknown): Language {
  const code = typeof value === 'string' ? value.trim().toLowerCase().slice(0, 2) : ''
  return (languages as readonly string[]).includes(code) ? (code as Language) : defaultLanguage
}

/** The language of a user's mail (and admin): their account's `language`. */
export function recipientLanguage(user: { language?: string | null } | null | undefined): Language {
  return asLanguage(user?.language)
}

/** The choices of the users' `language` field, each named in its own language. */
export const languageOptions = locales.map(({ code, adminLabel }) => ({
  value: code,
  label: adminLabel,
}))
