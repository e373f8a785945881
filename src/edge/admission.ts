import type { NextFunction, Request, Response } from 'express'
import fs from 'node:fs'

import { addressKey } from '@/core/clientAddress'
import { fromRoot } from '@/core/paths'
import { identityOf } from '@/core/requestIdentity'
import { isSigningFormPage, isSigningStep } from '@/cms/signatures/signingStep'
import { isUnsubscribe } from '@/cms/subscriptions/steps'
import { refuseForLoad, refuseRateLimited, type FormKeeping } from '@/edge/refusals/refuse'
import type { LoadGate } from '@/edge/load/gate'
import type { Priority } from '@/edge/load/priorities'
import { graphqlCallOf, isMutation } from '@/graphql/http/callSlot'
import type { RateLimitSettings } from '@/core/env/rateLimits'
import { RateLimitedError, sharedLimit, type Limit } from '@/operations/rateLimiterStore'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])
const SEARCH = /^\/[a-z]{2}\/search\/?$/

/** Answered without work worth limiting: Next's hashed assets, the probes, files in public/. */
function exemptPaths(): (path: string) => boolean {
  let files = new Set<string>()
  try {
    files = new Set(fs.readdirSync(fromRoot('public')).map((name) => `/${name}`))
  } catch {
    // no public/ folder: nothing to exempt there
  }
  return (path) =>
    path.startsWith('/_next/static/') ||
    path === '/healthz' ||
    path === '/readyz' ||
    files.has(path)
}

/** A per-client limit (429) for the request, or null when it meets none; and its class. */
type Verdict = {
  limit: Limit | null
  key: string
  who: 'address' | 'account'
  priority: Priority
}

/**
 * The two questions asked of a request the read cache did not answer (docs/limits.md):
 *
 * 1. Is this one client over its own limit? Then a 429 (a login flood from one address, one
 *    account's runaway script). Logged-in users are counted by user, so an office behind one
 *    address does not share a bucket; signers' steps meet the signature flow's own thresholds
 *    (more proof of work, moderation) instead of the limits meant for browsing.
 * 2. Is the process saturated? Then the request waits in line by its class, and only if the
 *    thread stays saturated is it refused, with a 503 (`src/edge/load/gate.ts`). An address past
 *    its share of uncached work this minute is not refused for that: it drops to the lowest class.
 *
 * Cache hits, static files and the probes never get here or are exempt.
 */
export function admission(settings: RateLimitSettings, gate: LoadGate | null, forms: FormKeeping) {
  const exempt = exemptPaths()
  const limit = (name: string, points: number, burst?: number) =>
    points > 0 ? sharedLimit(name, { points, seconds: 60, burst }) : null
  const users = limit('users', settings.userPerMinute)
  const publicWrites = limit('public-writes', settings.publicWritesPerMinute)
  const uncached = limit(
    'uncached',
    settings.uncachedPerMinute,
    settings.uncachedBurst || undefined,
  )
  const share = limit('uncached-share', settings.uncachedSharePerMinute)

  async function classify(req: Request): Promise<Verdict> {
    const user = identityOf(req).user
    if (user) {
      const key = `${user.collection}:${user.id}`
      return { limit: users, key, who: 'account', priority: 'signer or editor' }
    }
    const address = addressKey(req.ip)
    const own = { key: address, who: 'address' as const }
    if (isPersonsStep(req)) return { ...own, limit: null, priority: 'signer or editor' }
    if (isPublicWrite(req)) return { ...own, limit: publicWrites, priority: 'page' }
    // Next's navigations and prefetches ask for what a page view already counted.
    if (req.headers.rsc === '1') {
      const prefetch = req.headers['next-router-prefetch'] === '1'
      return { ...own, limit: null, priority: prefetch ? 'prefetch' : 'page' }
    }
    const overShare = share ? !(await taken(share, address)) : false
    const priority = readClass(req.path, overShare)
    return { ...own, limit: uncached, priority }
  }

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (exempt(req.path)) return next()
    const verdict = await classify(req)
    if (verdict.limit) {
      try {
        await verdict.limit.take(verdict.key)
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error
        return refuseRateLimited(req, res, error.retryAfterSeconds, verdict.who)
      }
    }
    if (!gate) return next()
    // A client that leaves while waiting must not keep its slot once let in.
    let left = false
    const onLeave = () => (left = true)
    res.once('close', onLeave)
    const answer = await gate.enter(verdict.priority)
    res.off('close', onLeave)
    if (!answer.admitted) {
      if (left) return
      return refuseForLoad(req, res, answer.retryAfterSeconds, verdict.priority, forms)
    }
    if (left) return answer.release()
    holdSlotUntilAnswered(res, answer.release)
    next()
  }
}

/** The class of an anonymous read past the cache. */
function readClass(path: string, overShare: boolean): Priority {
  const search = SEARCH.test(path)
  if (overShare) return search ? 'over share search' : 'over share'
  if (search) return 'search'
  // Whoever opens the signing form has decided to sign: it waits with the signers (still counted
  // per address, and demoted like any page past the address's share).
  return isSigningFormPage(path) ? 'signer or editor' : 'page'
}

/**
 * A step someone just took and waits on: a signer's (src/cms/signatures/signingStep.ts), or an
 * unsubscribe, which mailbox providers send by the thousand from a few addresses (RFC 8058).
 */
const isPersonsStep = (req: Request) => isSigningStep(req) || isUnsubscribe(req)

function isPublicWrite(req: Request): boolean {
  if (req.path === '/api/graphql') return isMutation(graphqlCallOf(req))
  return !READS.has(req.method)
}

/** Whether `key` still had a point of `limit` this window (a measure, not a refusal). */
async function taken(limit: Limit, key: string): Promise<boolean> {
  try {
    await limit.take(key)
    return true
  } catch (error) {
    if (error instanceof RateLimitedError) return false
    throw error
  }
}

/**
 * How long the slot of a request whose client left stays taken if its handler never ends the
 * answer: a render goes on after the client is gone, and must not be counted as done early.
 */
const ABANDONED_MS = 30_000

/**
 * A slot is work on this process: it ends when the handler ends the answer (`res.end`), not
 * when the client goes away. Released on close only once the answer was ended, or, for an
 * abandoned request whose handler never ends it, after ABANDONED_MS.
 */
function holdSlotUntilAnswered(res: Response, release: () => void): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response
  res.end = ((...args: unknown[]) => {
    release()
    return end(...args)
  }) as Response['end']
  res.once('close', () => {
    if (res.writableEnded) return release()
    setTimeout(release, ABANDONED_MS).unref()
  })
}
