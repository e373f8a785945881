import type { Request } from 'express'

/** How long a refused form's body may take to arrive: the answer must not wait on a slow client. */
const READ_MS = 5000

/**
 * The fields of a urlencoded form body, read up to `maxBytes` (FORM_BODY_MAX_BYTES: the body
 * policy has already refused larger declared bodies); null when it is larger, slower than
 * `READ_MS`, or not a form. Only for the one case that needs it: a signer's form refused for load,
 * whose values the signing page shows again.
 */
export function readFormBody(req: Request, maxBytes: number): Promise<URLSearchParams | null> {
  const type = (req.get('content-type') ?? '').toLowerCase()
  if (!type.startsWith('application/x-www-form-urlencoded')) return Promise.resolve(null)
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (fields: URLSearchParams | null) => {
      clearTimeout(timer)
      req.removeListener('data', onData)
      req.removeListener('end', onEnd)
      req.removeListener('error', onError)
      resolve(fields)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) return done(null)
      chunks.push(chunk)
    }
    const onEnd = () => done(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
    const onError = () => done(null)
    const timer = setTimeout(() => done(null), READ_MS)
    req.on('data', onData)
    req.once('end', onEnd)
    req.once('error', onError)
  })
}
