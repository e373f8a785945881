import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import { ensureAdmin } from '@/process/bootstrap'
import { deliveriesSettled } from '@/operations/mail/delivery'
import { readEnvironment } from '@/core/env'
import { seed } from '@/data/seed/seed'

import { POST as graphqlRoute } from '../../src/app/(payload)/api/graphql/route'
import * as restRoute from '../../src/app/(payload)/api/[...slug]/route'

const BASE = 'http://localhost:3000'

/**
 * The Payload instance of this test file, on its own copy of the seeded database. In the MongoDB
 * lane each test file gets its own fresh database instead, seeded here the same way.
 */
export async function startPayload(): Promise<Payload> {
  const payload = await getPayload({ config })
  if (payload.db.name === 'mongoose') {
    await ensureAdmin(payload, readEnvironment())
    await seed(payload, { log: () => undefined })
  }
  return payload
}

/**
 * Closes the database (and drops a MongoDB lane's per-file database), once the mail deliveries
 * the tests started are done.
 */
export async function stopPayload(payload: Payload): Promise<void> {
  await deliveriesSettled()
  if (payload.db.name === 'mongoose') {
    await (
      payload.db as unknown as { connection: { dropDatabase(): Promise<unknown> } }
    ).connection.dropDatabase()
  }
  await payload.destroy()
}

// The portal's own REST route: Payload's handlers with the portal's guards around them.
const handlers = {
  GET: restRoute.GET,
  POST: restRoute.POST,
  PATCH: restRoute.PATCH,
  DELETE: restRoute.DELETE,
}
// The portal's own GraphQL route (its handler over Payload's schema, with the limit status on top).
const graphqlHandler = graphqlRoute

type Init = { token?: string; body?: unknown; headers?: Record<string, string> }

function headersFor({ token, headers, body }: Init): Headers {
  const h = new Headers(headers)
  if (token) h.set('Authorization', `JWT ${token}`)
  if (body !== undefined && !(body instanceof FormData)) h.set('Content-Type', 'application/json')
  return h
}

/**
 * A REST call through the route handlers the server mounts at /api/…, so access
 * control, query parsing and error mapping are the real ones.
 */
export async function rest(
  method: keyof typeof handlers,
  path: string,
  init: Init = {},
): Promise<{
  status: number
  body: Record<string, unknown> & { docs?: Record<string, unknown>[] }
}> {
  const url = new URL(`/api${path}`, BASE)
  const body =
    init.body === undefined
      ? undefined
      : init.body instanceof FormData
        ? init.body
        : JSON.stringify(init.body)
  const request = new Request(url, { method, headers: headersFor(init), body })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {} }
}

export type GraphQLResult<T = Record<string, unknown>> = {
  status: number
  data?: T
  errors?: { message: string; extensions?: Record<string, unknown> }[]
}

/** A GraphQL request through the route handler mounted at /api/graphql. */
export async function graphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  init: Omit<Init, 'body'> = {},
): Promise<GraphQLResult<T>> {
  const request = new Request(new URL('/api/graphql', BASE), {
    method: 'POST',
    headers: headersFor({ ...init, body: {} }),
    body: JSON.stringify({ query, variables }),
  })
  const response = await graphqlHandler(request)
  const json = (await response.json()) as Omit<GraphQLResult<T>, 'status'>
  return { status: response.status, ...json }
}

/** Logs in through REST and returns the token, as a browser or frontend would. */
export async function login(email: string, password: string): Promise<string> {
  const { status, body } = await rest('POST', '/users/login', { body: { email, password } })
  if (status !== 200 || typeof body.token !== 'string') {
    throw new Error(`login of ${email} failed: ${status} ${JSON.stringify(body)}`)
  }
  return body.token
}
