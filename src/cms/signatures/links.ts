import type { Locale } from '@/core/locales'

/** The links a signer's mail carries, on the public base URL (never a request's Host). */
export const confirmLink = (serverUrl: string, locale: Locale, token: string) =>
  `${serverUrl}/${locale}/declaration/confirm?token=${token}`

export const withdrawLink = (serverUrl: string, locale: Locale, token: string) =>
  `${serverUrl}/${locale}/declaration/withdraw?token=${token}`
