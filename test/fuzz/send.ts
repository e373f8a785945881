import http from 'node:http'

/** One request exactly as generated: the raw target, headers and body bytes. */
export type RawRequest = {
  method: string
  target: string
  headers: Record<string, string>
  body?: Buffer
}

export type RawAnswer = { status: number; body: string }

/**
 * Sends a request as it is, with Node's HTTP client rather than fetch, which would normalise the
 * target (resolve `..`, re-encode escapes) and refuse some methods and headers. Only the first
 * 2 KB of the answer are kept, for failure messages.
 */
export function sendRaw(base: URL, request: RawRequest, timeoutMs = 30_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.target,
        headers: request.body
          ? { ...request.headers, 'Content-Length': String(request.body.length) }
          : request.headers,
        timeout: timeoutMs,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (text: string) => {
          if (body.length < 2048) body += text
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: body.slice(0, 2048) }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(request.body)
  })
}
