import type { LogLevel } from '@/core/env'

import { currentRequestId } from './requestScope'

/**
 * The portal's log: one JSON object a line (pino, which Payload uses), at LOG_LEVEL. Every line
 * written while a request is handled carries its `reqId`, the id the response's `X-Request-Id`
 * header shows, so an error in the log leads to its request and back.
 */
export function loggerOptions(level: LogLevel): {
  level: LogLevel
  mixin: () => Record<string, string>
} {
  return {
    level,
    mixin() {
      const reqId = currentRequestId()
      return reqId ? { reqId } : ({} as Record<string, string>)
    },
  }
}
