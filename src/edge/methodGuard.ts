import type { NextFunction, Request, Response } from 'express'
import fs from 'node:fs'

import { countRefusal } from '@/observability/metrics/count'
import { fromRoot } from '@/core/paths'

import { requesterLanguage } from './refusals/language'
import { refusalBody } from './refusals/unread'
import { wordsIn } from './refusals/wording'

/** Where `next build` lists the server actions it compiled, with the routes that serve each. */
const MANIFEST = '.next/server/server-reference-manifest.json'

type Manifest = { node?: Record<string, { workers?: Record<string, unknown> }> }

/** `app/(payload)/admin/[[...segments]]/page` → a pattern for the paths that route serves. */
export function routePattern(worker: string): RegExp {
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/(page|route)$/, '')
    .split('/')
    // Route groups, `(name)`, are not part of the URL.
    .filter((segment) => !/^\(.*\)$/.test(segment))
  let pattern = ''
  for (const segment of segments) {
    if (/^\[\[\.\.\..+\]\]$/.test(segment)) pattern += '(/.*)?'
    else if (/^\[\.\.\..+\]$/.test(segment)) pattern += '/.+'
    else if (/^\[.+\]$/.test(segment)) pattern += '/[^/]+'
    else pattern += `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`
  }
  return new RegExp(`^${pattern || '/'}/?$`)
}

export type ServerActions = Map<string, RegExp[]>

/** The production build's server actions and where each may be called; null before a build. */
export function readServerActions(manifest = fromRoot(MANIFEST)): ServerActions | null {
  let parsed: Manifest
  try {
    parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Manifest
  } catch {
    return null
  }
  const actions: ServerActions = new Map()
  for (const [id, action] of Object.entries(parsed.node ?? {})) {
    actions.set(id, Object.keys(action.workers ?? {}).map(routePattern))
  }
  return actions
}

/** Routes that take writes: Payload's REST and GraphQL API. Pages and Next's assets are read-only. */
const ACCEPTS_WRITES = [/^\/api(\/|$)/]
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Next answers a write it has no handler for with a 500: a server-action request it cannot match
 * (an unknown or empty `Next-Action` id, or one posted to a page without it) and a form post to a
 * page or to `/_next/…` (it takes those for no-JavaScript server actions and fails to decode
 * them). The portal's server actions are all known from the build, and its pages take no
 * posts, so:
 * - a request naming a server action must name one of the build's, by POST, on a page that has
 *   it (404 otherwise); in development (`actions` null) Next's compiler knows them, not us;
 * - any other method than GET, HEAD and OPTIONS is accepted only where the API is (405 elsewhere,
 *   with `Allow`).
 */
export function methodGuard(actions: ServerActions | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = req.get('next-action')
    if (id !== undefined) {
      if (!actions) return next()
      const routes = actions.get(id)
      if (req.method === 'POST' && routes?.some((route) => route.test(req.path))) return next()
      countRefusal('method', 'server_action')
      res.status(404).json(refusalBody(wordsIn(requesterLanguage(req, 'en')).noServerAction))
      return
    }
    if (READS.has(req.method) || ACCEPTS_WRITES.some((route) => route.test(req.path))) return next()
    countRefusal('method', 'read_only')
    res.setHeader('Allow', 'GET, HEAD')
    const words = wordsIn(requesterLanguage(req, 'en'))
    res.status(405).json(refusalBody(words.readOnly(req.method)))
  }
}
