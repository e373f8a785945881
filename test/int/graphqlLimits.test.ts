import { jest } from '@jest/globals'
import { getIntrospectionQuery } from 'graphql'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Payload } from 'payload'

import { LIMIT_CODE, limits } from '@/cms/apiLimits'
import { createApp } from '@/process/app'
import { edgeSettings } from '@/edge/settings'
import { readEnvironment } from '@/core/env'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { idBySlug } from '../helpers/fixtures'
import { createUser } from '../helpers/users'
import { POST as graphqlRoute } from '../../src/app/(payload)/api/graphql/route'
import { GET as playgroundRoute } from '../../src/app/(payload)/api/graphql-playground/route'

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
        await ask(`{ News(pagination: false, limit: ${limits.maxPageSize + 1}) { totalDocs } }`),
      )
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

    test('complexity: over budget is a LIMIT_EXCEEDED refusal with the score', async () => {
      // Each alias scores 33: three relationships (10 each), the list, its docs and the id.
      const chains = (n: number) =>
        `{ ${Array.from(
          { length: n },
          (_, i) =>
            `o${i}: Organizations(limit: 1) { docs { logo { organization { logo { id } } } } }`,
        ).join(' ')} }`
      const res = await ask(chains(13), {}, accept)
      refusedBy('maxComplexity')(res)
      expect(res.body.errors?.[0]?.message).toContain('complexity is 429')
      expect(res.body.data).toBeUndefined()
      const fits = await ask(chains(12), {}, accept)
      expect(fits.status).toBe(200)
      expect(fits.body.errors).toBeUndefined()
    })
  },
)

describe('limits judge what the executor will run', () => {
  test('the largest page is exactly 100, whoever asks and however', async () => {
    // Pinned as a number: the documented page size, not whatever the constant says.
    expect((await ask('{ News(limit: 100) { totalDocs } }')).status).toBe(200)
    refusedBy('maxPageSize')(await ask('{ News(limit: 101) { totalDocs } }'))
    expect((await rest('GET', '/news?limit=100')).status).toBe(200)
    expect((await rest('GET', '/news?limit=101')).status).toBe(400)
  })

  test('a variable default counts as if it had been sent', async () => {
    refusedBy('maxPageSize')(await ask('query ($n: Int = 0) { News(limit: $n) { docs { id } } }'))
    refusedBy('maxPageSize')(
      await ask('query ($p: Boolean = false) { News(pagination: $p) { docs { id } } }'),
    )
    refusedBy('maxPageSize')(
      await ask('query ($n: Int = 5000) { News(limit: $n) { docs { id } } }'),
    )
    // A sent value replaces the default, as the executor does.
    const sent = await ask('query ($n: Int = 0) { News(limit: $n) { docs { id } } }', { n: 5 })
    expect(sent.status).toBe(200)
    expect(sent.body.errors).toBeUndefined()
  })

  test('page sizes inside fragments are judged with the operation variables', async () => {
    const query = `query ($n: Int = 0) { ...Lists }
      fragment Lists on Query { ... on Query { News(limit: $n) { totalDocs } } }`
    refusedBy('maxPageSize')(await ask(query))
    expect((await ask(query, { n: 3 })).status).toBe(200)
  })

  test('root fields spread in by fragments and inline fragments count', async () => {
    const fields = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}: Site { name }`).join(' ')
    refusedBy('maxRootFields')(
      await ask(`{ ${fields(8, 'a')} ...More } fragment More on Query { ${fields(8, 'b')} }`),
    )
    refusedBy('maxRootFields')(
      await ask(`{ ${fields(8, 'a')} ... on Query { ${fields(8, 'b')} } }`),
    )
    const fits = await ask(
      `{ ${fields(7, 'a')} ...More } fragment More on Query { ${fields(8, 'b')} }`,
    )
    expect(fits.status).toBe(200)
  })

  test('aliases inside a fragment count each time it is spread', async () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `n${i}: name`).join(' ')
    const twice = `{ a: Site { ...Names } b: Site { ...Names } } fragment Names on Site { ${aliases} }`
    refusedBy('maxAliases')(await ask(twice))
    const once = `{ a: Site { ...Names } } fragment Names on Site { ${aliases} }`
    expect((await ask(once)).status).toBe(200)
  })

  test('directives are capped', async () => {
    const many = (n: number) => `{ Site { name ${'@include(if: true) '.repeat(n)} } }`
    refusedBy('maxDirectives')(await ask(many(51)))
    expect((await ask(many(3))).status).toBe(200)
  })
})

test('a fragment that spreads itself is refused with 400, directly or through another', async () => {
  for (const query of [
    '{ ...F } fragment F on Query { ...F }',
    '{ Site { ...A } } fragment A on Site { name ...B } fragment B on Site { ...A }',
  ]) {
    const res = await ask(query)
    expect(res.status).toBe(400)
    expect(res.body.errors?.[0]?.message).toMatch(/Cannot spread fragment/)
  }
})

test('a body that is not JSON is a 400, for the public and for a logged-in user', async () => {
  const editor = await createUser(payload, 'editor')
  const callers: Record<string, string>[] = [{}, { Authorization: `JWT ${editor.token}` }]
  for (const headers of callers) {
    const response = await graphqlRoute(
      new Request('http://localhost:3000/api/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '\u0000{',
      }),
    )
    expect(response.status).toBe(400)
    expect(
      ((await response.json()) as { errors: { message: string }[] }).errors[0]?.message,
    ).toMatch(/JSON/)
  }
})

test('an ordinary query still answers 200', async () => {
  const res = await ask(
    `{ News(limit: ${limits.maxPageSize}) { totalDocs } Principles { docs { title } } }`,
  )
  expect(res.status).toBe(200)
  expect(res.body.errors).toBeUndefined()
})

test('REST refuses the same page sizes with 400; signed-in users may ask for pages of 250', async () => {
  const editor = await createUser(payload, 'editor')
  const partner = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'ki-bundesverband'),
  })
  const errors = jest.spyOn(payload.logger, 'error')
  for (const query of ['limit=0', `limit=${limits.maxPageSize + 1}`, 'pagination=false']) {
    const anonymous = await rest('GET', `/news?${query}`)
    expect(anonymous.status).toBe(400)
    expect(JSON.stringify(anonymous.body)).toContain('maxPageSize')
  }
  for (const query of ['limit=0', 'limit=251', 'pagination=false']) {
    expect((await rest('GET', `/news?${query}`, { token: editor.token })).status).toBe(400)
  }
  expect((await rest('GET', `/news?limit=${limits.maxPageSize}`)).status).toBe(200)
  // What Payload's admin asks when it lists a relationship's choices, for every role.
  for (const user of [editor, partner]) {
    const page = await rest('GET', '/organizations?limit=250&depth=0', { token: user.token })
    expect(page.status).toBe(200)
  }
  // A refused page is the client's mistake: not logged as a server error.
  expect(errors).not.toHaveBeenCalled()
  errors.mockRestore()
})

test('a bounded page without the count: pagination false with a limit up to the largest page', async () => {
  const res = await ask(`{ News(pagination: false, limit: 2) { totalDocs docs { slug } } }`)
  expect(res.status).toBe(200)
  expect(res.body.errors).toBeUndefined()
  const news = (res.body.data as { News: { totalDocs: number; docs: unknown[] } }).News
  // The seed has more than two published news: the page is bounded, and no count ran for it.
  expect(news.docs).toHaveLength(2)
  expect(news.totalDocs).toBe(2)
  const page = await rest('GET', `/news?pagination=false&limit=${limits.maxPageSize}`)
  expect(page.status).toBe(200)
  expect((await rest('GET', `/news?pagination=false&limit=x`)).status).toBe(400)
})

test('introspection and the playground answer in development', async () => {
  // The query GraphiQL and code generators send: deep (TypeRef nests ofType seven times).
  const res = await ask(getIntrospectionQuery())
  expect(res.status).toBe(200)
  expect(res.body.errors).toBeUndefined()
  expect(
    (res.body.data as { __schema: { queryType: { name: string } } }).__schema.queryType,
  ).toMatchObject({ name: 'Query' })
  const playground = await playgroundRoute(
    new Request('http://localhost:3000/api/graphql-playground'),
  )
  expect(playground.status).toBe(200)
  expect(playground.headers.get('content-type')).toContain('text/html')
  expect(await playground.text()).toContain('/api/graphql')
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
      edge: edgeSettings(readEnvironment()),
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
