import type { Request, Response } from 'express'

/**
 * How long, and how much, a refused request's connection may still deliver of a body we throw
 * away: enough for a client to finish a short send and read the answer, too little to cost the
 * process anything (draining a 100 MB body would take CPU from every reader).
 */
const LINGER_MS = 1000
const LINGER_BYTES = 1024 * 1024

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
    let drained = 0
    const close = () => req.socket?.destroy()
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length
      if (drained > LINGER_BYTES) close()
    })
    req.resume()
    setTimeout(close, LINGER_MS).unref()
  })
}

/** Whether a request comes with a body (declared, or chunked). */
export const hasBody = (req: Request): boolean =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
