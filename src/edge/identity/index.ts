import type { NextFunction, Request, Response } from 'express'
import fs from 'node:fs'

import { fromRoot } from '@/core/paths'

import { setIdentity, type TokenUser } from '@/core/requestIdentity'

import { parseCookies } from './cookies'
import { offeredTokens, verifySessionToken } from './sessionToken'

export { identityOf, type Identity } from '@/core/requestIdentity'

/** Next's draft-mode cookies; `__prerender_bypass` carries the build's preview id. */
const DRAFT_MODE_COOKIE = '__prerender_bypass'
const LEGACY_PREVIEW_COOKIE = '__next_preview_data'

/**
 * The preview id of the production build (`.next/prerender-manifest.json`), which Next compares
 * the draft-mode cookie with; null without a build (development), where any such cookie counts.
 */
export function readPreviewModeId(
  manifest = fromRoot('.next/prerender-manifest.json'),
): string | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
      preview?: { previewModeId?: unknown }
    }
    return typeof parsed.preview?.previewModeId === 'string' ? parsed.preview.previewModeId : null
  } catch {
    return null
  }
}

export type IdentityOptions = {
  /** Payload's `secret` (the derived key it signs tokens with, not PAYLOAD_SECRET itself). */
  secret: string
  cookiePrefix: string
  /** See `readPreviewModeId`. */
  previewModeId: string | null
}

/** Verifies what a request carries once, for the cache and the rate limits after it. */
export function identifyRequests(options: IdentityOptions) {
  const key = new TextEncoder().encode(options.secret)
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    let user: TokenUser | null = null
    for (const token of offeredTokens(req.headers, options.cookiePrefix)) {
      user = await verifySessionToken(token, key)
      if (user) break
    }
    const cookies = parseCookies(req.headers.cookie)
    const bypass = cookies.get(DRAFT_MODE_COOKIE)
    const draftMode =
      cookies.has(LEGACY_PREVIEW_COOKIE) ||
      (bypass !== undefined && (options.previewModeId === null || bypass === options.previewModeId))
    setIdentity(req, { user, draftMode })
    next()
  }
}
