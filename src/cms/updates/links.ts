import type { Locale } from '@/core/locales'

/** Where a subscriber's links lead: the pages of the flow, and the one-click endpoint (RFC 8058). */
export const subscriptionLinks = {
  confirmPage: (serverUrl: string, locale: Locale, token: string) =>
    `${serverUrl}/${locale}/updates/confirm?token=${encodeURIComponent(token)}`,
  unsubscribePage: (serverUrl: string, locale: Locale, token: string) =>
    `${serverUrl}/${locale}/updates/unsubscribe?token=${encodeURIComponent(token)}`,
  oneClick: (serverUrl: string, token: string) =>
    `${serverUrl}/api/subscribers/unsubscribe?token=${encodeURIComponent(token)}`,
}
