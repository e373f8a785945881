import { preferredLocale } from '@/web/i18n'

export const dynamic = 'force-dynamic'

/** `/` sends visitors to their language (Accept-Language), German when nothing matches. */
export function GET(request: Request): Response {
  const locale = preferredLocale(request.headers.get('accept-language'))
  return new Response(null, {
    status: 307,
    headers: { Location: `/${locale}`, Vary: 'Accept-Language', 'Cache-Control': 'no-cache' },
  })
}
