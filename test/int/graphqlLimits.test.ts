import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Payload } from 'payload'

import { LIMIT_CODE, limits } from '@/graphql/limits'
import { createApp } from '@/server/app'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { createUser } from '../helpers/users'
import { POST as graphqlRoute } from '../../src/app/(payload)/api/graphql/route'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

/** A raw request to the GraphQL route, with a chosen Accept header. */
async function ask(
  query: string,
  variables: Record<string, unknown> = {},
  accept = 'application/json',
) {
  const response = await graphqlRoute(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: accept },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown
      errors?: { message: string; extensions?: { code?: string; limit?: string } }[]
    },
  }
}

const refusedBy = (limit: string) => (res: Awaited<ReturnType<typeof ask>>) => {
  expect(res.status).toBe(400)
  expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: LIMIT_CODE, limit })
  expect(res.body.errors?.[0]?.message).toContain(limit)
}

describe.each(['application/json', 'application/graphql-response+json'])(
  'refusals answer 400 (Accept: %s)',
  (accept) => {
    test('page size: limit 0, too large a limit, pagination false, also through variables', async () => {
      refusedBy('maxPageSize')(await ask('{ News(limit: 0) { totalDocs } }', {}, accept))
      refusedBy('maxPageSize')(
        await ask(`{ News(limit: ${limits.maxPageSize + 1}) { totalDocs } }`, {}, accept),
      )
      refusedBy('maxPageSize')(await ask('{ News(pagination: false) { totalDocs } }', {}, accept))
      refusedBy('maxPageSize')(
        await ask('query ($n: Int) { News(limit: $n) { totalDocs } }', { n: 5000 }, accept),
      )
    })

    test('depth', async () => {
      // Relationships allow any depth: an organization's logo belongs to an organization, whose logo …
      const chain = (levels: number) => {
        let inner = 'id'
        for (let i = levels - 1; i >= 0; i--)
          inner = `${i % 2 ? 'organization' : 'logo'} { ${inner} }`
        return `{ Organizations { docs { ${inner} } } }`
      }
      expect((await ask(chain(limits.maxDepth - 3), {}, accept)).status).toBe(200)
      const res = await ask(chain(limits.maxDepth), {}, accept)
      refusedBy('maxDepth')(res)
      expect(res.body.errors).toHaveLength(1)
    })

    test('aliases and root fields', async () => {
      const aliases = Array.from(
        { length: limits.maxAliases + 1 },
        (_, i) => `a${i}: Site { name }`,
      )
      const manyAliases = `{ ${aliases.slice(0, limits.maxRootFields).join(' ')} }`
      const aliasHeavy = `{ Site { ${Array.from({ length: limits.maxAliases + 1 }, (_, i) => `n${i}: name`).join(' ')} } }`
      refusedBy('maxAliases')(await ask(aliasHeavy, {}, accept))
      expect((await ask(manyAliases, {}, accept)).status).toBe(200)
      const roots = `{ ${Array.from({ length: limits.maxRootFields + 1 }, () => 'Site { name }').join(' ')} }`
      refusedBy('maxRootFields')(await ask(roots, {}, accept))
    })
  },
)

test('an ordinary query still answers 200', async () => {
  const res = await ask(
    `{ News(limit: ${limits.maxPageSize}) { totalDocs } Principles { docs { title } } }`,
  )
  expect(res.status).toBe(200)
  expect(res.body.errors).toBeUndefined()
})

test('REST refuses the same page sizes with 400, for everyone', async () => {
  const editor = await createUser(payload, 'editor')
  for (const query of ['limit=0', `limit=${limits.maxPageSize + 1}`, 'pagination=false']) {
    const anonymous = await rest('GET', `/news?${query}`)
    expect(anonymous.status).toBe(400)
    expect(JSON.stringify(anonymous.body)).toContain('maxPageSize')
    expect((await rest('GET', `/news?${query}`, { token: editor.token })).status).toBe(400)
  }
  expect((await rest('GET', `/news?limit=${limits.maxPageSize}`)).status).toBe(200)
})

test('introspection and the playground answer in development', async () => {
  const res = await ask('{ __schema { queryType { name } } }')
  expect(res.status).toBe(200)
})

describe('the request body limit', () => {
  let server: Server
  let base: string
  beforeAll(async () => {
    const app = createApp({
      payload,
      handle: (req, res) =>
        void graphqlRoute(new Request(`http://localhost${req.url}`)).then(() => res.end('next')),
      https: false,
      isShuttingDown: () => false,
    })
    server = app.listen(0)
    await new Promise((resolve) => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  test('a body over maxBodyBytes is refused with 400 before it reaches Payload', async () => {
    const query = `{ Site { name } } # ${'x'.repeat(limits.maxBodyBytes)}`
    const res = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { extensions: { limit: string } }[] }
    expect(body.errors[0]?.extensions.limit).toBe('maxBodyBytes')
  })
})

test('in production, introspection is refused and the playground is off', async () => {
  const { default: config } = await import('@payload-config')
  const { configToSchema } = await import('@payloadcms/graphql')
  const { parse, validate } = await import('graphql')
  const sanitized = await config
  const before = process.env.NODE_ENV
  // configToSchema decides by NODE_ENV when it builds the rules, as the production server does.
  Object.assign(process.env, { NODE_ENV: 'production' })
  try {
    const { schema, validationRules } = configToSchema(sanitized)
    const errors = validate(
      schema,
      parse('{ __schema { queryType { name } } }'),
      validationRules({} as never),
    )
    expect(errors.map((e) => e.message).join(' ')).toMatch(/introspection/i)
  } finally {
    Object.assign(process.env, { NODE_ENV: before })
  }
  expect(sanitized.graphQL.disablePlaygroundInProduction).toBe(true)
})
