import type { Request } from 'express'
import type { IncomingHttpHeaders } from 'node:http'

/** A request header as one string ('' when absent), as cache keys and `Vary` checks need it. */
export function headerOf(headers: IncomingHttpHeaders): (name: string) => string {
  return (name) => {
    const value = headers[name]
    return Array.isArray(value) ? value.join(', ') : (value ?? '')
  }
}

/**
 * The request's absolute URL on the portal's own origin (SERVER_URL): what a route handler reads
 * of it is the path and the query, never the Host a client chose, so a junk Host neither changes
 * an answer nor slips past the cache. Null when the target makes no URL.
 */
export function absoluteUrl(req: Request, origin: string): URL | null {
  try {
    return new URL(req.originalUrl, origin)
  } catch {
    return null
  }
}

/** Connection-level headers that belong to this hop, not to the request a handler sees. */
const HOP_BY_HOP = new Set([
  'connection',
  'content-length',
  'expect',
  'http2-settings',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

/**
 * The request as a Web `Request`, for calling a Next route handler directly; `contentType`
 * replaces the request's own (a GET handed on as a POST).
 */
export function webRequest(
  req: Request,
  url: URL,
  method: string,
  body?: Buffer,
  contentType?: string,
): globalThis.Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  if (contentType) headers.set('content-type', contentType)
  return new globalThis.Request(url, { method, headers, body: body && new Uint8Array(body) })
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too large' | 'aborted' }

/** Reads the whole request body, giving up as soon as it grows past `max` bytes. */
export function readBody(req: Request, max: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (result: BodyResult) => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('aborted', onError)
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        req.pause()
        done({ ok: false, reason: 'too large' })
      } else chunks.push(chunk)
    }
    const onEnd = () => done({ ok: true, body: Buffer.concat(chunks) })
    const onError = () => done({ ok: false, reason: 'aborted' })
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('aborted', onError)
  })
}
