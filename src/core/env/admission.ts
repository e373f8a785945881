import { onOff, positiveInt, type Source } from './parse'

/** Admission by measured load at the edge (src/edge/load/, docs/limits.md). */
export type AdmissionSettings = {
  /** On by default in production; development renders on demand and is slow by design. */
  byLoad: boolean
  /** Event-loop delay (the mean over a quarter second) from which the thread is saturated. */
  maxEventLoopDelayMs: number
  /** Event-loop utilisation, in percent, from which the thread is saturated. */
  maxUtilizationPercent: number
  /** Uncached requests that may wait for a turn at once; past it the lowest class is refused. */
  maxWaiting: number
}

export function readAdmissionSettings(
  source: Source,
  production: boolean,
  problems: string[],
): AdmissionSettings {
  const maxUtilizationPercent = positiveInt(
    source,
    'ADMISSION_MAX_UTILIZATION_PERCENT',
    98,
    problems,
  )
  if (maxUtilizationPercent > 100) {
    problems.push(
      `ADMISSION_MAX_UTILIZATION_PERCENT must be 100 or less, got ${maxUtilizationPercent}`,
    )
  }
  return {
    byLoad: onOff(source, 'ADMISSION_BY_LOAD', production, problems),
    maxEventLoopDelayMs: positiveInt(source, 'ADMISSION_MAX_EVENT_LOOP_DELAY_MS', 100, problems),
    maxUtilizationPercent,
    maxWaiting: positiveInt(source, 'ADMISSION_MAX_WAITING', 500, problems),
  }
}
