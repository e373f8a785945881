import type { Payload, PayloadRequest } from 'payload'

import { holderIsGone, thisProcess, type LockHolder } from '@/data/adapter/lockHolder'
import { onReplicaMessage } from '@/replicas/bus'
import { replicaId, replicaName } from '@/replicas/identity'

import { isJobRunner, jobsStartUntil, setJobLease } from './jobRunner'
import { releaseInterruptedJobs, runJobNow, RUN_JOB_TOPIC } from './startedJobs'

const COLLECTION = 'job-leases'
const LEASE = 'job-runner'

/** A lease nobody renews for this long is free: a replica that died is replaced within it. */
export const LEASE_MS = 8_000
/** How often the holder renews, and the others try to take it. */
export const RENEW_MS = 2_000

/** How long a lease lasts and how often it is renewed; tests shorten both. */
export type LeaseTiming = { leaseMs: number; renewMs: number }

type LeaseRow = { id: string | number; holder: string; holderProcess?: unknown; expiresAt: number }

/** Whether `row` may be taken by this process now: its own, expired, or its holder died on this host. */
function isFree(row: LeaseRow, now: number): boolean {
  if (row.holder === replicaId() || row.expiresAt <= now) return true
  const holder = row.holderProcess as LockHolder | null | undefined
  return !!holder && typeof holder.host === 'string' && holderIsGone(holder)
}

/**
 * One attempt to hold the lease until `now + leaseMs`, in a transaction: on SQLite it holds the
 * writer's turn among the workers (src/replicas/writeTurn.ts), on MongoDB a rival's concurrent
 * write makes one of them fail. Resolves to whether the lease is this process's now, whether it
 * was another's before, and when (ms since the epoch) this process learned its new end.
 */
async function attempt(
  payload: Payload,
  leaseMs: number,
): Promise<{ held: boolean; takenOver: boolean; at: number }> {
  const db = payload.db
  const transactionID = await db.beginTransaction()
  const req = { payload, transactionID } as unknown as PayloadRequest
  try {
    const now = Date.now()
    const row = (await db.findOne({
      collection: COLLECTION,
      where: { name: { equals: LEASE } },
      req,
    })) as LeaseRow | null
    const data = { holder: replicaId(), holderProcess: thisProcess(), expiresAt: now + leaseMs }
    if (row && !isFree(row, now)) {
      if (transactionID) await db.rollbackTransaction(transactionID)
      return { held: false, takenOver: false, at: Date.now() }
    }
    if (row) await db.updateOne({ collection: COLLECTION, id: row.id, data, req })
    else await db.create({ collection: COLLECTION, data: { name: LEASE, ...data }, req })
    if (transactionID) await db.commitTransaction(transactionID)
    setJobLease(data.expiresAt)
    return { held: true, takenOver: row?.holder !== replicaId(), at: Date.now() }
  } catch (error) {
    if (transactionID) await db.rollbackTransaction(transactionID).catch(() => undefined)
    throw error
  }
}

/**
 * Takes part in the job lease for as long as this server runs: one attempt now (a lone server
 * or the first worker holds it before it serves), then every `renewMs`. The holder runs the
 * job queues; the others hand jobs queued in their requests to it over the bus. Resolves to two
 * steps of a graceful stop: `stopStartingJobs` at once (no cron starts another job here), and
 * `leave` once the jobs under way have had their moment, so another replica takes over at once.
 * `afterTakeOver` runs each time this process becomes the holder, once claimed jobs are released
 * (jobs that should go on at once rather than at the next cron tick).
 */
export async function takePartInJobLease(
  payload: Payload,
  afterTakeOver: () => void,
  timing: LeaseTiming = { leaseMs: LEASE_MS, renewMs: RENEW_MS },
): Promise<{ stopStartingJobs: () => void; leave: () => Promise<void> }> {
  const log = (message: string) => payload.logger.info(`${replicaName()}: ${message}`)
  let held = false
  let stopped = false
  let attempting = false
  const tryNow = async () => {
    // One attempt at a time: a slow transaction must not pile attempts up behind it.
    if (stopped || attempting) return
    attempting = true
    // A renewal ending past the old lease's margin (a stalled thread, a wait for the writer's
    // turn) left this process not running jobs for a moment: what its requests queued then went
    // to the bus, where no other runner took it. Compared once the attempt has ended.
    const startedJobsUntil = jobsStartUntil()
    try {
      const result = await attempt(payload, timing.leaseMs)
      const lapsed = startedJobsUntil === undefined || startedJobsUntil <= result.at
      if (result.held && result.takenOver) {
        log('runs the job queues now')
        // Jobs the previous holder had claimed when it died or lost the lease: nobody else runs
        // jobs, so none of them can still be running (a mail whose SMTP conversation was cut
        // short is sent a second time: docs/mail.md).
        await releaseInterruptedJobs(payload)
        afterTakeOver()
      } else if (result.held && lapsed) {
        // Its own lease again: the jobs queued meanwhile run now, not at the next cron tick.
        afterTakeOver()
      }
      held = result.held
    } catch (error) {
      // The lease stays until its end; a holder that cannot renew stops starting jobs then.
      payload.logger.warn({ msg: 'the job lease could not be renewed or taken', err: error })
    } finally {
      attempting = false
    }
    if (!held || stopped) setJobLease(undefined)
  }
  onReplicaMessage<{ queue?: unknown; job?: unknown }>(RUN_JOB_TOPIC, ({ queue, job }) => {
    if (typeof queue !== 'string' || typeof job !== 'string') return
    if (isJobRunner()) runJobNow(payload, queue, job)
  })
  await tryNow()
  const timer = setInterval(() => void tryNow(), timing.renewMs)
  timer.unref()
  const stopStartingJobs = () => {
    stopped = true
    clearInterval(timer)
    setJobLease(undefined)
  }
  return {
    stopStartingJobs,
    leave: async () => {
      stopStartingJobs()
      if (held) await giveUp(payload)
    },
  }
}

/** Ends this process's lease now, so that another replica takes it at its next attempt. */
async function giveUp(payload: Payload): Promise<void> {
  await payload.db
    .updateMany({
      collection: COLLECTION,
      where: { and: [{ name: { equals: LEASE } }, { holder: { equals: replicaId() } }] },
      data: { expiresAt: 0 },
    })
    .catch(() => undefined)
}
