import type { NextFunction, Request, Response } from 'express'
import fs from 'node:fs'

import type { Environment } from '@/core/env'
import { fromRoot } from '@/core/paths'
import { refuseRateLimited } from '@/edge/rateLimitRefusal'
import {
  RateLimitedError,
  sharedBudget,
  sharedLimit,
  type Budget,
  type Limit,
} from '@/operations/rateLimiterStore'

import { addressKey } from '@/core/clientAddress'
import { identityOf } from '@/core/requestIdentity'
import { graphqlCallOf, isMutation } from '@/graphql/http/callSlot'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

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

/** What a request costs, and so which limits it meets. */
export type Admission = 'exempt' | 'public write' | 'uncached'

export type EdgeLimits = {
  /** Counts `req` against the limits of its kind; false when it was refused (and answered). */
  admit(req: Request, res: Response, kind: Admission): Promise<boolean>
}

async function admit(
  limit: Limit | null,
  key: string,
  req: Request,
  res: Response,
  who: string,
): Promise<boolean> {
  if (!limit) return true
  try {
    await limit.take(key)
    return true
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error
    refuseRateLimited(req, res, error.retryAfterSeconds, who)
    return false
  }
}

/**
 * The portal's rate limits at the edge (docs/limits.md), from the environment; a setting of 0
 * turns its limit off. Logged-in users are counted by user, so an office behind one address does
 * not share a bucket, and with a limit ordinary editing (autosave, the admin's own requests)
 * never meets. Cache hits are never counted: they are answered before any of this runs.
 */
export function edgeLimits(settings: Environment['rateLimits']): EdgeLimits {
  const limit = (name: string, points: number, burst?: number, seconds = 60) =>
    points > 0 ? sharedLimit(name, { points, seconds, burst }) : null
  const publicWrites = limit('public-writes', settings.publicWritesPerMinute)
  const uncached = limit(
    'uncached',
    settings.uncachedPerMinute,
    settings.uncachedBurst || undefined,
  )
  // Per second: a flood spread over many addresses must not get a minute's allowance at once.
  const publicWritesTotal = limit(
    'public-writes-total',
    settings.publicWritesTotalPerSecond,
    undefined,
    1,
  )
  // What anonymous requests past the cache may cost together: a budget of answer time, so a
  // flood of expensive renders from many addresses cannot take the thread from cached readers.
  const uncachedBudget =
    settings.uncachedBudgetMsPerSecond > 0
      ? sharedBudget('uncached-budget', { points: settings.uncachedBudgetMsPerSecond, seconds: 1 })
      : null
  const users = limit('users', settings.userPerMinute)
  return {
    admit(req, res, kind) {
      if (kind === 'exempt') return Promise.resolve(true)
      const user = identityOf(req).user
      // A logged-in user's requests, writes too, count in their own bucket.
      if (user) return admit(users, `${user.collection}:${user.id}`, req, res, 'for this account')
      if (kind === 'public write') return anonymous(publicWrites, publicWritesTotal, req, res)
      return anonymousUncached(uncached, uncachedBudget, req, res)
    },
  }
}

/** Per address by count, and all addresses together by the time their answers take. */
async function anonymousUncached(
  own: Limit | null,
  everyone: Budget | null,
  req: Request,
  res: Response,
): Promise<boolean> {
  if (!(await admit(own, addressKey(req.ip), req, res, 'from this address'))) return false
  if (!everyone) return true
  try {
    await everyone.admit('everyone')
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error
    refuseRateLimited(req, res, error.retryAfterSeconds, 'to the portal right now')
    return false
  }
  const started = process.hrtime.bigint()
  res.once('close', () => {
    void everyone.charge('everyone', Number(process.hrtime.bigint() - started) / 1e6)
  })
  return true
}

/**
 * The public is limited per address, and all addresses together: a flood spread over many
 * addresses (a botnet, or one client behind many proxies) is still a flood, and must not take the
 * CPU that readers of cached pages and logged-in editors need. A request refused by its own
 * address's limit does not count against everyone's.
 */
async function anonymous(
  own: Limit | null,
  everyone: Limit | null,
  req: Request,
  res: Response,
): Promise<boolean> {
  if (!(await admit(own, addressKey(req.ip), req, res, 'from this address'))) return false
  return admit(everyone, 'everyone', req, res, 'to the portal right now')
}

/**
 * The one place that admits a request the read cache did not answer (cache hits, static files
 * and the probes never get here or are exempt): a public write (anything but GET, HEAD and
 * OPTIONS, and a GraphQL mutation, known once the edge has read the call) meets the write limits,
 * anything else the limits of uncached work.
 */
export function admission(limits: EdgeLimits) {
  const exempt = exemptPaths()
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (await limits.admit(req, res, admissionOf(req, exempt))) next()
  }
}

function admissionOf(req: Request, exempt: (path: string) => boolean): Admission {
  if (exempt(req.path)) return 'exempt'
  if (req.path === '/api/graphql')
    return isMutation(graphqlCallOf(req)) ? 'public write' : 'uncached'
  return READS.has(req.method) ? 'uncached' : 'public write'
}
