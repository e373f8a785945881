import crypto from 'node:crypto'

/** A strong validator from the exact bytes sent, so equal ETags always mean equal bodies. */
export const etagOf = (body: Buffer): string =>
  `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/** `If-None-Match` (a list, `*`, weak or strong forms) against the response's ETag. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag.replace(/^W\//, '') === etag
  })
}
