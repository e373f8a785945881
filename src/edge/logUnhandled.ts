import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

/**
 * The last resort for an error nothing else answered (a middleware or handler that threw): it
 * is logged with its request id, and the client gets a 500 in Payload's error shape with that id
 * to quote, never the error's own message or stack.
 */
export function logUnhandled(payload: Payload) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    const reqId = res.locals.requestId as string | undefined
    payload.logger.error({ msg: 'unhandled error', reqId, err })
    if (res.headersSent) return next(err)
    res.status(500).json({ errors: [{ message: 'Internal server error', requestId: reqId }] })
  }
}
