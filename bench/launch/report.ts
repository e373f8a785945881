/** The launch-day scenario's table and targets (docs/benchmark.md, "Launch day"). */
import type { LaunchOptions, LaunchResult } from './scenario'

const cell = (v: number | null) => (v === null ? '?' : String(v))

export function launchTable(result: LaunchResult): string {
  const rows = result.steps.map((s) =>
    [
      s.step,
      s.seconds,
      s.visitors,
      s.requests,
      s.statuses['200'],
      s.statuses['304'],
      s.statuses['429'],
      s.statuses['503'],
      s.statuses['more-work'],
      s.statuses.other,
      s.statuses.error,
      cell(s.p50Ms),
      cell(s.p99Ms),
      s.signaturesAccepted,
      s.signaturesRefused,
      cell(s.serverCpu),
      s.clientCpu,
      ...(result.options.attackers ? [cell(s.attackersCpu)] : []),
      cell(s.peakRssMb),
      ...(result.options.workers > 1 ? [cell(s.largestProcessRssMb)] : []),
    ].join(' | '),
  )
  const head = [
    'step',
    's',
    'visitors',
    'requests',
    '200',
    '304',
    '429',
    '503',
    'more work',
    'other',
    'errors',
    'p50 ms',
    'p99 ms',
    'signatures ok',
    'refused',
    'server CPU',
    'bench CPU',
    ...(result.options.attackers ? ['attackers CPU'] : []),
    'peak RSS MB',
    ...(result.options.workers > 1 ? ['largest process MB'] : []),
  ]
  const refusals = result.steps
    .filter((s) => s.signaturesRefused)
    .map(
      (s) =>
        `  ${s.step}: ${Object.entries(s.refusals)
          .map(([why, n]) => `${n} × ${why}`)
          .join(', ')}`,
    )
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r} |`),
    '',
    'CPU as a share of one core (2 cores: 2.0 is the machine).',
    ...(refusals.length ? ['Signatures refused, by answer:', ...refusals] : []),
    `Publishes (status: count): ${JSON.stringify(mergedPublishes(result))}`,
    result.knee
      ? `Knee: ${result.knee} (${result.kneeReasons.join('; ')})`
      : 'Knee: not reached (no step saturated)',
    `Server ${result.survived ? 'alive' : 'DIED'} at the end.`,
  ].join('\n')
}

function mergedPublishes(result: LaunchResult): Record<string, number> {
  const sum: Record<string, number> = {}
  for (const s of result.steps)
    for (const [status, n] of Object.entries(s.publishes)) sum[status] = (sum[status] ?? 0) + n
  return sum
}

/**
 * Issue 23's target: the knee at 50 visitors a second or above, the process alive, RSS ≤ 500 MB
 * for each process (with workers, the largest of them; their sum is in the table).
 */
export function launchTargets(result: LaunchResult) {
  const kneeRate = result.knee
    ? (result.steps.find((s) => s.step === result.knee)?.visitorsPerSecond ?? 0)
    : Infinity
  const peak = Math.max(...result.steps.map((s) => s.largestProcessRssMb ?? 0))
  return [
    {
      target: 'launch: knee at ≥ 50 new visitors a second',
      value: result.knee ?? 'none',
      pass: kneeRate >= 50,
    },
    {
      target: 'launch: process alive after the spike',
      value: result.survived,
      pass: result.survived,
    },
    { target: 'launch: peak RSS of each process ≤ 500 MB', value: peak, pass: peak <= 500 },
  ]
}

/** `--steps=10,20,50,100 --step-seconds=25 --spike-seconds=10 --launch-attackers --pow-max=…` */
export function launchOptions(
  option: (name: string) => string | undefined,
  quick: boolean,
): LaunchOptions {
  const steps = (option('steps') || '10,20,50,100')
    .split(',')
    .map(Number)
    .filter((n) => n > 0)
  return {
    steps,
    stepSeconds: Number(option('step-seconds') || (quick ? 5 : 25)),
    spikeSeconds: Number(option('spike-seconds') || (quick ? 3 : 10)),
    attackers: option('launch-attackers') !== undefined,
    powMaxNumber: Number(option('pow-max') || 1000),
    workers: Number(option('launch-workers') || 1),
  }
}
