import type { Request, Response } from 'express'
import { LRUCache } from 'lru-cache'

import { searchReadiness } from '@/cms/search/readiness'
import type { Partition } from '@/data/changes/changeLog'
import { redactUrl } from '@/observability/logging/redactUrl'
import { routeClassOf, type RouteClass } from '@/observability/metrics/routeClass'

import { GRAPHQL_VARY } from '../graphqlKey'
import { PAGE_KEY_HEADERS } from '../pageRequest'
import type { ReadCache } from '../store'
import type { CacheableRead } from './reads'
import { sendStored } from './send'

/**
 * The headers the cache key reads (GraphQL's and a page's): a stored answer's `Vary` is checked
 * against their values as the key has them.
 */
export const KEY_HEADERS = [...GRAPHQL_VARY, ...PAGE_KEY_HEADERS] as const

/** What the access log and the metrics say of a request answered from a repeat. */
export type Accounting = { route: RouteClass; url: string }

/** What the cache learnt of a request that passed the whole edge: where its answer is kept. */
type Learnt = Accounting & {
  partition: Partition
  key: string
  /** The request's `KEY_HEADERS` values as the key has them. */
  headers: Readonly<Record<string, string>>
}

const fingerprints = new WeakMap<object, string>()

/**
 * Repeats of requests the whole edge has passed, answered by the read cache before the rest of
 * the edge runs again (docs/architecture.md): a request's fingerprint (src/edge/fingerprint.ts)
 * holds everything the edge and the key decide on, so a fingerprint seen once maps to its key
 * for good. Only what the cache holds is answered; anything else takes the whole way.
 */
export class Repeats {
  private readonly learnt = new LRUCache<string, Learnt>({
    max: 10_000,
    // The fingerprint (URL, headers, body) and about as much again for what is kept with it.
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (_learnt, fingerprint) => 2 * fingerprint.length + 512,
  })

  constructor(
    private readonly caches: Record<Partition, ReadCache>,
    private readonly cacheControl: string,
  ) {}

  /**
   * Answers a repeat from the cache; its accounting when it did, else null (and the request
   * goes on, with a new fingerprint noted so that the cache learns it).
   */
  answer(req: Request, res: Response, fingerprint: string): Accounting | null {
    const learnt = this.learnt.get(fingerprint)
    // While the search index is being built, results pages answer 503 on the whole way.
    const usable = learnt && (learnt.partition !== 'search' || searchReadiness().state === 'ready')
    const entry = usable && this.caches[learnt.partition].lookup(learnt.key, learnt.headers)
    if (!entry) {
      // A fingerprint maps to one key for good: only a new one needs learning.
      if (!learnt) fingerprints.set(req, fingerprint)
      return null
    }
    sendStored(req, res, entry, this.cacheControl, 'HIT')
    return learnt!
  }

  /** Learns where a request's answer is kept, when the front took its fingerprint. */
  learn(req: Request, read: CacheableRead): void {
    const fingerprint = fingerprints.get(req)
    if (fingerprint === undefined) return
    const headers: Record<string, string> = {}
    for (const name of KEY_HEADERS) headers[name] = read.header(name)
    const path = req.originalUrl.split('?', 1)[0] ?? ''
    this.learnt.set(fingerprint, {
      partition: read.partition,
      key: read.key,
      headers,
      route: routeClassOf(path, req.get('content-type'), 'HIT'),
      url: redactUrl(req.originalUrl),
    })
  }
}
