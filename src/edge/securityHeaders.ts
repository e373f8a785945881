/**
 * Headers every response gets, set by the front (src/edge/front.ts). No Content-Security-Policy
 * yet: the admin panel needs inline scripts and styles from Next; a policy belongs with the
 * public portal's own pages.
 */
export function securityHeaders({ https }: { https: boolean }): [string, string][] {
  const headers: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'SAMEORIGIN'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ]
  if (https) headers.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'])
  return headers
}
