import { jwtVerify } from 'jose'
import type { IncomingHttpHeaders } from 'node:http'

import type { TokenUser } from '@/core/requestIdentity'

import { parseCookies } from './cookies'

/** The tokens a request offers, in the order Payload looks for them (its `auth.jwtOrder`). */
export function offeredTokens(headers: IncomingHttpHeaders, cookiePrefix: string): string[] {
  const tokens: string[] = []
  const authorization = headers.authorization
  if (authorization?.startsWith('JWT ')) tokens.push(authorization.slice(4))
  else if (authorization?.startsWith('Bearer ')) tokens.push(authorization.slice(7))
  const cookie = parseCookies(headers.cookie).get(`${cookiePrefix}-token`)
  if (cookie) tokens.push(cookie)
  return tokens
}

/**
 * Checks a session token as Payload's JWT strategy does: signed (HS256) with the instance's
 * secret, not expired, naming a user. Whether its session still exists is Payload's to check;
 * a token that passes here but was logged out only costs that user's own cache bypass.
 */
export async function verifySessionToken(
  token: string,
  secret: Uint8Array,
): Promise<TokenUser | null> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] })
    const { id, collection } = payload as { id?: unknown; collection?: unknown }
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof collection !== 'string') {
      return null
    }
    return { id: String(id), collection }
  } catch {
    return null
  }
}
