import type { IncomingHttpHeaders } from 'node:http'

/** Next's draft-mode cookies: a visitor holding them sees previews, never the public page. */
const DRAFT_MODE_COOKIES = ['__prerender_bypass', '__next_preview_data']

function cookieNames(header: string | undefined): string[] {
  if (!header) return []
  return header.split(';').map((pair) => pair.split('=', 1)[0]!.trim())
}

/**
 * Whether a request says who sent it, so that its answer may differ from the public's: an
 * `Authorization` header (JWT, Bearer or a Payload API key), Payload's login cookie
 * (`<cookiePrefix>-token`) or Next's draft-mode cookies. Other cookies (consent, analytics) do not
 * change what Payload or the portal answer, so they do not count.
 */
export function carriesCredentials(headers: IncomingHttpHeaders, cookiePrefix: string): boolean {
  if (headers.authorization !== undefined) return true
  const names = cookieNames(headers.cookie)
  const token = `${cookiePrefix}-token`
  return names.some((name) => name === token || DRAFT_MODE_COOKIES.includes(name))
}
