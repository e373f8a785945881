import http from 'node:http'

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/**
 * One request on a connection of its own, closed after it: under a supervisor, each such
 * request is handed to the next worker in turn (node's cluster round-robin), where a keep-alive
 * client would stay with one.
 */
export function onFreshConnection(
  url: string,
  init: {
    method?: string
    headers?: Record<string, string>
    body?: string
    timeoutMs?: number
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent: false },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    // A worker that never answers fails the test with a reason rather than at Jest's timeout.
    const timeoutMs = init.timeoutMs ?? 15_000
    request.setTimeout(timeoutMs, () =>
      request.destroy(new Error(`no answer from ${url} in ${timeoutMs} ms`)),
    )
    request.end(init.body)
  })
}
