import type { Request, Response } from 'express'

/** How long a refused request's connection may still deliver body bytes we throw away. */
const LINGER_MS = 2000

/** Payload's error shape, so a frontend reads every refusal the same way. */
export type RefusalBody = { errors: { message: string; [detail: string]: unknown }[] }

export const refusalBody = (message: string, details: Record<string, unknown> = {}) => ({
  errors: [{ message, ...details }],
})

/**
 * Answers a request whose body the portal will not read, and closes its connection: whatever the
 * client still sends is dropped, and after a short linger (so that the client can read the
 * answer rather than meet a reset) the socket goes, so a client that keeps sending holds nothing.
 */
export function refuseUnread(req: Request, res: Response, send: () => void): void {
  res.setHeader('Connection', 'close')
  send()
  res.once('finish', () => {
    req.resume()
    setTimeout(() => req.socket?.destroy(), LINGER_MS).unref()
  })
}
