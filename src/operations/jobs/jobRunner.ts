const KEY = Symbol.for('initiative-portal.job-runner')
type Holder = { [KEY]?: true }

/**
 * Makes this process the one that runs the job queues on their crons (scheduled publishing,
 * mail retries). Payload claims a job by setting `processing` (a race between processes) and
 * never recovers one whose process died, so exactly one process may run them: the server.
 * Scripts (seed, generate, bench) that start Payload on the same database must not.
 */
export function becomeJobRunner(): void {
  ;(globalThis as Holder)[KEY] = true
}

/** The server, and each Jest test process on its own database. */
export function isJobRunner(): boolean {
  return (globalThis as Holder)[KEY] === true || process.env.NODE_ENV === 'test'
}
