import type { NextFunction, Request, Response } from 'express'

import { addressKey } from './clientAddress'

/**
 * The header that carries the client's address (as rate limits key it) from express to the
 * route handlers and GraphQL resolvers behind it, which see only a Web Request. Whatever a
 * client sends under this name is replaced: only express, after `trust proxy`, decides it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-portal-client-address'

export function passClientAddress(req: Request, _res: Response, next: NextFunction): void {
  req.headers[CLIENT_ADDRESS_HEADER] = addressKey(req.ip)
  next()
}

/** The client's address key in a route handler or resolver; 'unknown' for in-process calls. */
export const clientAddressOf = (headers: Headers): string =>
  headers.get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || 'unknown'
