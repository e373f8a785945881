import type { NextFunction, Request, Response } from 'express'

/**
 * Headers every response gets. No Content-Security-Policy yet: the admin panel needs inline
 * scripts and styles from Next; a policy belongs with the public portal's own pages.
 */
export function securityHeaders({ https }: { https: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('X-Frame-Options', 'SAMEORIGIN')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  }
}
