import type { AdmissionSettings } from '@/core/env/admission'

import { LoadGate } from './gate'
import { measuredLoad, type LoadSignal } from './loadSignal'

/**
 * Where the adaptive limit starts and how far it may move. The floor keeps a few renders going
 * however loaded the thread is (a limit of one would idle it while a render waits on the
 * database); the ceiling bounds the memory of renders in flight at once.
 */
const LIMIT = { initial: 16, min: 2, max: 32 }

/** The edge's load gate from the settings; null when admission by load is off (development). */
export function loadGate(settings: AdmissionSettings, injected?: LoadSignal): LoadGate | null {
  if (!settings.byLoad) return null
  const thresholds = {
    maxDelayMs: settings.maxEventLoopDelayMs,
    maxUtilization: settings.maxUtilizationPercent / 100,
  }
  return new LoadGate({
    load: injected ?? measuredLoad(thresholds),
    limit: LIMIT,
    maxWaiting: settings.maxWaiting,
  })
}
