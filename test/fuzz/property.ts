import fc from 'fast-check'

import { requests, type FuzzContext } from './requests'
import { sendRaw, type RawRequest } from './send'
import { changes, openDatabase, protectedRows } from './snapshot'

export type FuzzTarget = {
  /** The running server, e.g. http://localhost:41234. */
  url: string
  /** Its SQLite file, read directly to see what requests changed. */
  database: string
  /** The partner's organization: its projects, people and media may change. */
  partnerOrganization: string
  context: FuzzContext
  /** Whether the server process is still running. */
  alive: () => boolean
}

export type FuzzOptions = {
  seed: number
  numRuns: number
  /** Called every so many runs with the number done. */
  progress?: (done: number) => void
  /** Counts answers by status, so a run shows how deep its requests got. */
  statuses?: Map<number, number>
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

const describe = (request: RawRequest) =>
  `${request.method} ${request.target} ${JSON.stringify(request.headers)}${
    request.body
      ? ` body(${request.body.length} bytes): ${request.body.toString('utf8', 0, 300)}`
      : ''
  }`

/**
 * Throws generated hostile requests at a running portal and holds it to three promises for each:
 * no 5xx answer, the process stays up (and `/healthz` answers), and nothing outside what the
 * sender may change has changed. fast-check shrinks a failing request to a small one and
 * reports it with the seed, so it can become a regression test.
 */
export async function fuzzPortal(target: FuzzTarget, options: FuzzOptions): Promise<void> {
  const base = new URL(target.url)
  const db = openDatabase(target.database)
  let done = 0
  try {
    await fc.assert(
      fc.asyncProperty(requests(target.context), async (request) => {
        const write = !READS.has(request.method)
        const before = write ? await protectedRows(db, target.partnerOrganization) : undefined
        let status: number
        let answer = ''
        try {
          const response = await sendRaw(base, request)
          status = response.status
          answer = response.body
        } catch (error) {
          throw new Error(`no answer (${(error as Error).message}) to ${describe(request)}`)
        }
        options.statuses?.set(status, (options.statuses.get(status) ?? 0) + 1)
        if (status >= 500) {
          throw new Error(`${status} for ${describe(request)}\nanswer: ${answer.slice(0, 500)}`)
        }
        if (before) {
          const changed = changes(before, await protectedRows(db, target.partnerOrganization))
          if (changed.length > 0) {
            throw new Error(
              `${describe(request)} (answered ${status}) changed what it may not: ${changed.join(', ')}`,
            )
          }
        }
        done += 1
        if (done % 25 === 0) {
          const health = await fetch(`${target.url}/healthz`).then(
            (r) => r.status,
            () => 0,
          )
          if (health !== 200 || !target.alive())
            throw new Error(`the server is down after ${describe(request)}`)
          options.progress?.(done)
        }
      }),
      { seed: options.seed, numRuns: options.numRuns, endOnFailure: false, verbose: 0 },
    )
  } finally {
    db.close()
  }
}
