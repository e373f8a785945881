import { positiveInt, type Source } from './parse'

/**
 * The admin's largest server-action body: its form state, Lexical included (measured, see
 * docs/limits.md), with room to spare. Next's own `serverActions.bodySizeLimit` is set from the
 * same value (next.config.ts), so Next never refuses what the edge lets through.
 */
export const DEFAULT_SERVER_ACTION_BODY_MAX_BYTES = 4 * 1024 * 1024

export type BodyLimits = {
  uploadMaxBytes: number
  /** Largest bodies at the edge (src/edge/bodyPolicy.ts, docs/limits.md). */
  jsonBodyMaxBytes: number
  formBodyMaxBytes: number
  serverActionBodyMaxBytes: number
  /** Request-body bytes all requests together may hold at once. */
  bodyBudgetBytes: number
}

/** The largest request bodies, and the budget of body bytes held across requests. */
export function readBodyLimits(source: Source, problems: string[]): BodyLimits {
  const uploadMaxBytes = positiveInt(source, 'UPLOAD_MAX_BYTES', 15 * 1024 * 1024, problems)
  const jsonBodyMaxBytes = positiveInt(source, 'JSON_BODY_MAX_BYTES', 2 * 1024 * 1024, problems)
  const formBodyMaxBytes = positiveInt(source, 'FORM_BODY_MAX_BYTES', 64 * 1024, problems)
  const serverActionBodyMaxBytes = positiveInt(
    source,
    'SERVER_ACTION_BODY_MAX_BYTES',
    DEFAULT_SERVER_ACTION_BODY_MAX_BYTES,
    problems,
  )
  const bodyBudgetBytes = positiveInt(source, 'BODY_BUDGET_BYTES', 64 * 1024 * 1024, problems)
  if (bodyBudgetBytes < uploadMaxBytes + jsonBodyMaxBytes) {
    problems.push(
      `BODY_BUDGET_BYTES (${bodyBudgetBytes}) must hold at least one upload: UPLOAD_MAX_BYTES + JSON_BODY_MAX_BYTES (${uploadMaxBytes + jsonBodyMaxBytes})`,
    )
  }
  return {
    uploadMaxBytes,
    jsonBodyMaxBytes,
    formBodyMaxBytes,
    serverActionBodyMaxBytes,
    bodyBudgetBytes,
  }
}
