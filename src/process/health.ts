import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { mailReadiness } from '@/operations/mail/readiness'
import { searchReadiness } from '@/cms/search/readiness'

import { isJobRunner } from '@/operations/jobs/jobRunner'
import { busTransport } from '@/replicas/bus'
import { replicaName } from '@/replicas/identity'

import { refreshReadiness } from './refreshAfterChanges'
import { warmUpReadiness } from './warmUp'

const READY_TIMEOUT_MS = 2000

/** Alive: the process answers. No database work, so an orchestrator never kills a busy server. */
export const healthz = (_req: Request, res: Response) => {
  res.setHeader('Cache-Control', 'no-store')
  res.json({ status: 'ok' })
}

/**
 * Ready: the database answers a query within two seconds; otherwise 503. The answer also says
 * whether mail can go out (`mail`), how far search and the warm-up of the read cache are: none of
 * them makes the server unready. `replica` says which process answered (`worker 2` of a
 * supervisor, or `server`), how it reaches the others, and whether it runs the job queues now.
 */
export function readyz(payload: Payload, isShuttingDown: () => boolean) {
  return async (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store')
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' })
      return
    }
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        payload.count({ collection: 'users' }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('database did not answer in time')),
            READY_TIMEOUT_MS,
          )
        }),
      ])
      // Mail and search report on their own: the server is ready while the index builds.
      res.json({
        status: 'ready',
        database: payload.db.name,
        mail: mailReadiness(payload),
        search: searchReadiness(),
        warmUp: warmUpReadiness(),
        refresh: refreshReadiness(),
        replica: {
          name: replicaName(),
          pid: process.pid,
          bus: busTransport() ?? 'none',
          jobRunner: isJobRunner(),
        },
      })
    } catch (error) {
      payload.logger.warn({ msg: 'readiness check failed', err: error })
      res.status(503).json({ status: 'unavailable', reason: (error as Error).message })
    } finally {
      clearTimeout(timer)
    }
  }
}
