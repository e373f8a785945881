import { AsyncLocalStorage } from 'node:async_hooks'
import { processSingleton } from '@/core/processSingleton'

type Scope = { reqId: string }

/**
 * The request a piece of work belongs to, for every log line written while it runs (Payload's
 * own errors included: the logger's `mixin` adds `reqId`, src/observability/logging/loggerOptions.ts). On
 * globalThis, as Next's compiled modules and the server's are separate instances and both log.
 */
const storage = () => processSingleton('request-scope', () => new AsyncLocalStorage<Scope>())

/** Runs `work` (the rest of a request's handling) as part of request `reqId`. */
export const inRequestScope = (reqId: string, work: () => void): void =>
  storage().run({ reqId }, work)

/** The request id of the work running now, if it runs for a request. */
export const currentRequestId = (): string | undefined => storage().getStore()?.reqId
