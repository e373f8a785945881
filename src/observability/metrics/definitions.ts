import client from 'prom-client'

/** What the job and mail queues hold, read at scrape time (src/process/metrics/queues.ts). */
export type QueueFigures = { pending: number; failed: number; oldestPendingAgeSeconds: number }
export type QueueSnapshot = {
  jobs: (QueueFigures & { queue: string })[]
  mail: QueueFigures
}

/** Seconds; from a cache hit (about a millisecond) to a slow uncached render. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
/** Seconds a save waits for the SQLite writer: nothing at all, usually. */
const WAIT_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30]

export type MetricsSources = {
  /** The read cache's size now (read at scrape time from the shared store). */
  cacheContents: () => { entries: number; bytes: number }
  /** The job and mail queues, read with a few cheap queries at scrape time. */
  queues: () => Promise<QueueSnapshot>
}

type Registers = client.Registry[]

/** A gauge whose value is read at scrape time. */
const gauge = (
  registers: Registers,
  name: string,
  help: string,
  collect: (g: client.Gauge) => unknown,
) =>
  new client.Gauge({
    name,
    help,
    registers,
    async collect() {
      await collect(this)
    },
  })

/** A gauge per job queue, read from the queues' snapshot at scrape time. */
const queueGauge = (
  registers: Registers,
  sources: MetricsSources,
  name: string,
  help: string,
  pick: (snapshot: QueueSnapshot) => { labels: Record<string, string>; value: number }[],
) =>
  new client.Gauge({
    name,
    help,
    labelNames: ['queue'],
    registers,
    async collect() {
      this.reset()
      for (const { labels, value } of pick(await sources.queues())) this.set(labels, value)
    },
  })

const requestMetrics = (registers: Registers) => ({
  requestDuration: new client.Histogram({
    name: 'portal_http_request_duration_seconds',
    help: 'Time from the request to the end of its response, by route class and status class',
    labelNames: ['route', 'status'],
    buckets: REQUEST_BUCKETS,
    registers,
  }),
})

const cacheMetrics = (registers: Registers, sources: MetricsSources) => ({
  cacheRequests: new client.Counter({
    name: 'portal_read_cache_requests_total',
    help: 'Requests the read cache looked at, by route class and result (hit, miss, bypass)',
    labelNames: ['route', 'result'],
    registers,
  }),
  cacheStores: new client.Counter({
    name: 'portal_read_cache_stores_total',
    help: 'Answers stored in the read cache',
    registers,
  }),
  cacheEvictions: new client.Counter({
    name: 'portal_read_cache_evictions_total',
    help: 'Entries evicted from the read cache to make room',
    registers,
  }),
  cacheInvalidations: new client.Counter({
    name: 'portal_read_cache_invalidations_total',
    help: 'Times the read cache was emptied, by cause (the collection or global written, or search-index)',
    labelNames: ['cause'],
    registers,
  }),
  cacheBytes: gauge(registers, 'portal_read_cache_bytes', 'Bytes the read cache holds', (g) =>
    g.set(sources.cacheContents().bytes),
  ),
  cacheEntries: gauge(registers, 'portal_read_cache_entries', 'Entries the read cache holds', (g) =>
    g.set(sources.cacheContents().entries),
  ),
})

const writerMetrics = (registers: Registers) => ({
  writerWait: new client.Histogram({
    name: 'portal_sqlite_writer_wait_seconds',
    help: 'Time a write or transaction waited for its turn at the SQLite writer',
    buckets: WAIT_BUCKETS,
    registers,
  }),
  writerQueue: new client.Gauge({
    name: 'portal_sqlite_writer_queue_length',
    help: 'Writes and transactions waiting for their turn at the SQLite writer now',
    registers,
  }),
})

const admissionMetrics = (registers: Registers) => ({
  admissionInFlight: new client.Gauge({
    name: 'portal_admission_in_flight',
    help: 'Uncached requests being answered now, as admission by load counts them',
    registers,
  }),
  admissionWaiting: new client.Gauge({
    name: 'portal_admission_waiting',
    help: 'Uncached requests waiting in line for a turn now (admission by load)',
    registers,
  }),
  admissionLimit: new client.Gauge({
    name: 'portal_admission_limit',
    help: 'The adaptive limit on uncached requests at once (admission by load)',
    registers,
  }),
})

const queueMetrics = (registers: Registers, sources: MetricsSources) => ({
  jobsPending: queueGauge(
    registers,
    sources,
    'portal_jobs_pending',
    'Jobs not completed and not failed, by queue',
    (s) => s.jobs.map((q) => ({ labels: { queue: q.queue }, value: q.pending })),
  ),
  jobsFailed: queueGauge(
    registers,
    sources,
    'portal_jobs_failed',
    'Jobs that failed for good, by queue',
    (s) => s.jobs.map((q) => ({ labels: { queue: q.queue }, value: q.failed })),
  ),
  jobsOldest: queueGauge(
    registers,
    sources,
    'portal_jobs_oldest_pending_age_seconds',
    'Age of the oldest pending job, by queue (0 when none is pending)',
    (s) => s.jobs.map((q) => ({ labels: { queue: q.queue }, value: q.oldestPendingAgeSeconds })),
  ),
  mailPending: gauge(registers, 'portal_mail_pending', 'Mails queued and not yet sent', async (g) =>
    g.set((await sources.queues()).mail.pending),
  ),
  mailFailed: gauge(
    registers,
    'portal_mail_failed',
    'Mails that failed after every retry',
    async (g) => g.set((await sources.queues()).mail.failed),
  ),
  mailOldest: gauge(
    registers,
    'portal_mail_oldest_pending_age_seconds',
    'Age of the oldest mail still queued (0 when none is)',
    async (g) => g.set((await sources.queues()).mail.oldestPendingAgeSeconds),
  ),
})

const refusalMetrics = (registers: Registers) => ({
  refusals: new client.Counter({
    name: 'portal_requests_refused_total',
    help: 'Requests refused by a limit: limit (body_size, body_budget, body_type, rate, load, graphql_cost, url, method) and rule',
    labelNames: ['limit', 'rule'],
    registers,
  }),
})

/**
 * Every metric the portal exposes at `/metrics` (docs/operations.md lists them with what to
 * watch). Label values come from small fixed sets (route classes, status classes, limit names,
 * collection slugs), never from what a client sends. Registered in this order, which is the
 * order `/metrics` lists them in.
 */
export function createPortalMetrics(sources: MetricsSources) {
  const registry = new client.Registry()
  const registers = [registry]
  // Memory, heap, GC, handles and the event loop's delay (nodejs_eventloop_lag_*).
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 })
  return {
    registry,
    ...requestMetrics(registers),
    ...cacheMetrics(registers, sources),
    ...writerMetrics(registers),
    ...admissionMetrics(registers),
    ...queueMetrics(registers, sources),
    ...refusalMetrics(registers),
  }
}

export type PortalMetrics = ReturnType<typeof createPortalMetrics>
