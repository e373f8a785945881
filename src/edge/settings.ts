import type { Environment } from '@/core/env'

import { bodySettings, type BodyLimits } from './bodyClasses'
import type { ServerActions } from './methodGuard'

/** Everything the edge (docs/limits.md) is configured with. */
export type EdgeSettings = {
  /** The body policy's limits and the budget all bodies in flight share. */
  bodies: { limits: BodyLimits; budgetBytes: number }
  /** The production build's server actions; null in development (Next compiles them). */
  serverActions: ServerActions | null
  /** The rate limits; a limit of 0 is off. */
  rateLimits: Environment['rateLimits']
  /** Admission by measured load (src/edge/load/). */
  admission: Environment['admission']
  /** TRUST_PROXY: whose X-Forwarded-For gives the client's address. */
  trustProxy: Environment['trustProxy']
  /** The production build's preview id; null in development, where any draft-mode cookie counts. */
  previewModeId: string | null
}

/** The edge's settings from the environment and, in production, from the build. */
export function edgeSettings(
  env: Environment,
  build: { serverActions?: ServerActions | null; previewModeId?: string | null } = {},
): EdgeSettings {
  return {
    bodies: bodySettings(env),
    serverActions: build.serverActions ?? null,
    rateLimits: env.rateLimits,
    admission: env.admission,
    trustProxy: env.trustProxy,
    previewModeId: build.previewModeId ?? null,
  }
}
