import type { Request } from 'express'

import { acceptedLocale, isLocale, type Locale } from '@/core/locales'

/** The admin's language, as Payload's admin keeps it (the language an editor chose). */
const ADMIN_LANGUAGE = /(?:^|;)\s*payload-lng\s*=\s*([a-z]{2})\s*(?:;|$)/

/**
 * The language a refusal speaks to whoever sent the request: the page's own (`/en/…`), else the
 * admin's (an upload from the German admin is answered in German, whatever the browser's
 * `Accept-Language`), else the first portal language `Accept-Language` ranks, else `fallback`:
 * German for a person's page, English for an API client that names none (its reader is a
 * developer, and `*` is what a script's HTTP client sends).
 */
export function requesterLanguage(req: Request, fallback: Locale): Locale {
  const segment = /^\/([a-z]{2})(?:\/|$)/.exec(req.path)?.[1]
  if (isLocale(segment)) return segment
  const admin = ADMIN_LANGUAGE.exec(req.headers.cookie ?? '')?.[1]
  if (isLocale(admin)) return admin
  return acceptedLocale(req.headers['accept-language']) ?? fallback
}
