import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'

import type { BodyBudget } from './bodyBudget'

export type HeldBody =
  /** The whole body arrived within the limit; it waits, unread, for whoever reads the request. */
  | { kind: 'held'; reserved: number }
  | { kind: 'too large' }
  | { kind: 'busy' }
  | { kind: 'aborted' }

type Push = (chunk: unknown, encoding?: BufferEncoding) => boolean

type Interception = {
  /** Once true, pushes are swallowed as they come. */
  isDone: () => boolean
  chunk: (buffer: Buffer) => void
  /** Called with the inherited push back in place, so that it can replay the chunks. */
  end: () => void
}

function toBuffer(chunk: unknown, encoding?: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding)
  return Buffer.from(chunk as Uint8Array)
}

/** Pushes the held body into the request's stream as it came, and its end. */
function replay(req: IncomingMessage, held: Buffer[]): void {
  for (const buffer of held) Readable.prototype.push.call(req, buffer)
  Readable.prototype.push.call(req, null)
}

/** Takes the chunks Node's HTTP parser pushes into the request aside, instead of into its buffer. */
function interceptPushes(req: IncomingMessage, on: Interception): void {
  const stream = req as unknown as { push: Push }
  stream.push = (chunk, encoding) => {
    if (on.isDone()) return true
    if (chunk === null) {
      // The inherited push again.
      delete (stream as { push?: Push }).push
      on.end()
      return false
    }
    on.chunk(toBuffer(chunk, encoding))
    // Always "keep sending": the parser must not pause a socket nobody will resume.
    return true
  }
}

/**
 * Counts a body of undeclared length (`Transfer-Encoding: chunked`) as it arrives, without
 * reading it: Next and Payload must still find the request stream untouched.
 *
 * Node's HTTP parser hands each body chunk to the request with `push()`, and the end with
 * `push(null)`. Until the body is complete, this takes those chunks aside instead (nobody reads
 * the request yet: the next middleware runs only when this resolves). Once the end arrives
 * within `limit`, the chunks are pushed on, in order, and the stream reads exactly as it would
 * have. Past the limit, or when the budget of body bytes held across requests is spent, the
 * chunks held so far are dropped and so is everything that follows. Memory stays at the limit
 * whatever the client sends.
 */
export function holdChunkedBody(
  req: IncomingMessage,
  limit: number,
  budget: BodyBudget,
): Promise<HeldBody> {
  return new Promise((resolve) => {
    const held: Buffer[] = []
    let size = 0
    let reserved = 0
    let settled = false
    const stream = req as unknown as { push: Push }

    const settle = (result: HeldBody) => {
      if (settled) return
      settled = true
      req.off('close', onClose)
      if (result.kind !== 'held') {
        budget.release(reserved)
        held.length = 0
        // Whatever still arrives is dropped; the refusal closes the connection.
        stream.push = () => true
      }
      resolve(result)
    }
    const onClose = () => settle({ kind: 'aborted' })

    /** Counts bytes against the limit and the budget; a refusal when they do not fit. */
    const admit = (bytes: number): HeldBody | null => {
      size += bytes
      if (size > limit) return { kind: 'too large' }
      if (!budget.reserve(bytes)) return { kind: 'busy' }
      reserved += bytes
      return null
    }

    // Chunks the parser pushed before this ran (same packet as the headers) are already buffered.
    const early = admit(req.readableLength)
    if (early) return settle(early)
    if (req.complete) return settle({ kind: 'held', reserved })

    interceptPushes(req, {
      isDone: () => settled,
      chunk: (buffer) => {
        const refused = admit(buffer.length)
        if (refused) settle(refused)
        else held.push(buffer)
      },
      end: () => {
        replay(req, held)
        settle({ kind: 'held', reserved })
      },
    })
    req.once('close', onClose)
    // Chunks that arrived while earlier middleware awaited may have filled the stream's buffer,
    // and then the parser paused the socket (backpressure); nobody reads until this resolves, so
    // reading is resumed here, into the interceptor above.
    req.socket?.resume()
  })
}
