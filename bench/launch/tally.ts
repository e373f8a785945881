/**
 * What one step of the launch-day scenario counted: visitor requests by status, their latencies,
 * signatures accepted and refused (by reason), the editor's publishes. Latencies are kept whole
 * (a step holds at most some tens of thousands), so percentiles are exact.
 */
/** `more-work`: a 400 asking a busy address's signer for a harder proof, a step of signing. */
export type StatusClass = '200' | '304' | '429' | '503' | 'more-work' | 'other' | 'error'

export type StepFigures = {
  step: string
  /** New visitors a second the step started (0 for the drain after the last step). */
  visitorsPerSecond: number
  seconds: number
  visitors: number
  requests: number
  statuses: Record<StatusClass, number>
  /** Requests neither answered 200/304 nor a redirect the flow expects: refused or failed. */
  failed: number
  p50Ms: number | null
  p99Ms: number | null
  signaturesAccepted: number
  signaturesRefused: number
  /** Why signatures were refused: HTTP status and the answer's code. */
  refusals: Record<string, number>
  publishes: Record<string, number>
  /** The server's CPU over the step's wall time, as a share of one core (2 = both cores busy). */
  serverCpu: number | null
  /** The bench process's own CPU over the same time, as a share of one core. */
  clientCpu: number
  /** The attackers' process, when they run. */
  attackersCpu: number | null
  /** VmHWM at the step's end: the highest RSS since the start, in MB (processes added up). */
  peakRssMb: number | null
  /** The same for the one process with the highest (with workers: the largest worker). */
  largestProcessRssMb: number | null
}

const classOf = (status: number | 'error', moreWork: boolean): StatusClass =>
  status === 'error'
    ? 'error'
    : status === 200 || status === 304 || status === 429 || status === 503
      ? (String(status) as StatusClass)
      : moreWork
        ? 'more-work'
        : 'other'

export class Tally {
  visitors = 0
  readonly statuses: Record<StatusClass, number> = {
    '200': 0,
    '304': 0,
    '429': 0,
    '503': 0,
    'more-work': 0,
    other: 0,
    error: 0,
  }
  readonly latencies: number[] = []
  signaturesAccepted = 0
  signaturesRefused = 0
  readonly refusals: Record<string, number> = {}
  readonly publishes: Record<string, number> = {}

  request(status: number | 'error', ms: number, moreWork = false) {
    this.statuses[classOf(status, moreWork)]++
    if (status !== 'error') this.latencies.push(ms)
  }

  signature(accepted: boolean, reason: string) {
    if (accepted) this.signaturesAccepted++
    else {
      this.signaturesRefused++
      this.refusals[reason] = (this.refusals[reason] ?? 0) + 1
    }
  }

  publish(status: number | 'error') {
    this.publishes[String(status)] = (this.publishes[String(status)] ?? 0) + 1
  }

  get requests() {
    return Object.values(this.statuses).reduce((a, b) => a + b, 0)
  }
}

function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!)
}

export function stepFigures(
  tally: Tally,
  step: { name: string; visitorsPerSecond: number; seconds: number },
  usage: Pick<
    StepFigures,
    'serverCpu' | 'clientCpu' | 'attackersCpu' | 'peakRssMb' | 'largestProcessRssMb'
  >,
): StepFigures {
  const sorted = [...tally.latencies].sort((a, b) => a - b)
  const s = tally.statuses
  return {
    step: step.name,
    visitorsPerSecond: step.visitorsPerSecond,
    seconds: step.seconds,
    visitors: tally.visitors,
    requests: tally.requests,
    statuses: { ...s },
    failed: s['429'] + s['503'] + s.other + s.error,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    signaturesAccepted: tally.signaturesAccepted,
    signaturesRefused: tally.signaturesRefused,
    refusals: { ...tally.refusals },
    publishes: { ...tally.publishes },
    ...usage,
  }
}
