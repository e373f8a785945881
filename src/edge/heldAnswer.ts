import type { Response } from 'express'
import type { OutgoingHttpHeaders } from 'node:http'

/** What a held answer's owner does before it leaves. */
export type Finisher = {
  /** Gets the whole body as the handler wrote it and gives the body to send. */
  body: (res: Response, body: Buffer) => Promise<Buffer>
  /**
   * Sets the headers last, as they leave: after anything wrapped around the response (the read
   * cache sets its Cache-Control and ETag as the headers leave) has had its say.
   */
  headers: (res: Response, body: Buffer) => void
}

type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean
type End = (chunk?: unknown, encoding?: unknown, callback?: unknown) => Response
type WriteHead = (statusCode: number, ...rest: unknown[]) => Response

const toBuffer = (chunk: unknown, encoding: unknown): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    : Buffer.from(chunk as Uint8Array)

/**
 * Holds a response back until its handler has written all of it: headers and body stay here,
 * and `finish` gets the whole body (and may still change headers) before anything leaves.
 * Whatever wraps the response later (the read cache's capture, src/readCache/serve/capture.ts)
 * sees the handler's writes as they are made, so it keeps the body as the handler wrote it.
 * A finisher that fails sends the body unchanged rather than no answer.
 */
export function holdAnswer(res: Response, finish: Finisher): void {
  const writeHead = res.writeHead as unknown as WriteHead
  const write = res.write as unknown as Write
  const end = res.end as unknown as End
  const chunks: Buffer[] = []
  let sending: Buffer | null = null

  res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
    // Node's own end calls writeHead for the implicit headers: then they go out for real.
    if (sending) {
      finish.headers(this, sending)
      return writeHead.call(this, statusCode, ...rest)
    }
    this.statusCode = statusCode
    const given = (typeof rest[0] === 'string' ? rest[1] : rest[0]) as
      OutgoingHttpHeaders | unknown[] | undefined
    if (given && !Array.isArray(given)) {
      for (const [name, value] of Object.entries(given))
        if (value !== undefined) this.setHeader(name, value)
    }
    return this
  } as typeof res.writeHead
  res.flushHeaders = () => undefined

  res.write = function (this: Response, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding))
    const done = typeof encoding === 'function' ? encoding : callback
    if (typeof done === 'function') process.nextTick(done as () => void)
    return true
  } as typeof res.write

  res.end = function (this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function')
    if (done) this.once('finish', done as () => void)
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      chunks.push(toBuffer(chunk, encoding))
    }
    const whole = Buffer.concat(chunks)
    const send = (body: Buffer) => {
      sending = body
      res.write = write as unknown as typeof res.write
      res.end = end as unknown as typeof res.end
      end.call(res, body)
    }
    finish.body(res, whole).then(send, () => send(whole))
    return this
  } as typeof res.end
}
