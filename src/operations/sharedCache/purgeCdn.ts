import type { Payload, TaskConfig } from 'payload'

import { readEnvironment } from '@/core/env'
import type { CdnSettings } from '@/core/env/cdn'
import { runJobNow } from '@/operations/jobs/startedJobs'

import { cdnPurgeRequests } from './cdnRequests'

export const CDN_QUEUE = 'cdn'
export const PURGE_CDN_TASK = 'purgeCdn'

/** Retries with exponential backoff from 10 s: 10, 20, 40 s … about 42 minutes in all. */
export const CDN_RETRIES = 8
const CDN_BACKOFF_MS = 10_000
const CDN_TIMEOUT_MS = 10_000

let cached: { cdn?: CdnSettings } | undefined
const cdnSettings = () => (cached ??= { cdn: readEnvironment().cdn }).cdn

/**
 * Purges tags at the CDN (Payload job task): queued right after the commit of the change, before
 * the write is acknowledged, and run at once; a CDN that fails or is slow is retried by the cron
 * of the `cdn` queue with backoff, and never holds a write.
 */
export const purgeCdnTask: TaskConfig<{
  input: { tags: string[] }
  output: { requests: number }
}> = {
  slug: PURGE_CDN_TASK,
  label: 'Purge tags at the CDN',
  inputSchema: [{ name: 'tags', type: 'json', required: true }],
  outputSchema: [{ name: 'requests', type: 'number' }],
  retries: { attempts: CDN_RETRIES, backoff: { type: 'exponential', delay: CDN_BACKOFF_MS } },
  handler: async ({ input }) => {
    const cdn = cdnSettings()
    if (!cdn) return { output: { requests: 0 } }
    const requests = cdnPurgeRequests(cdn, input.tags)
    for (const { url, init } of requests) {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(CDN_TIMEOUT_MS) })
      const answer = await res.text()
      if (!res.ok) throw new Error(`the CDN answered ${res.status}: ${answer.slice(0, 300)}`)
    }
    return { output: { requests: requests.length } }
  },
}

/** Queues a purge of `tags` at the CDN and starts it at once. */
export async function queueCdnPurge(payload: Payload, tags: string[]): Promise<void> {
  const job = await payload.jobs.queue({ task: PURGE_CDN_TASK, queue: CDN_QUEUE, input: { tags } })
  runJobNow(payload, CDN_QUEUE, String(job.id))
}
