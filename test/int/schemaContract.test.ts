import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { testDatabaseDir } from '../helpers/testEnv'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

/** The schema as another process prints it for a given DATABASE_URI (no server is needed). */
function schemaFor(databaseUri: string): string {
  return execFileSync(
    process.execPath,
    ['--conditions=development', '.server/test-print-schema.mjs'],
    {
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URI: databaseUri },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  )
}

test('the GraphQL schema is the same on SQLite and on MongoDB, and is the committed one', () => {
  const committed = fs.readFileSync('schema.graphql', 'utf8')
  const sqlite = schemaFor(`file:${path.join(testDatabaseDir, 'schema-only.db')}`)
  const mongodb = schemaFor('mongodb://127.0.0.1:1/schema-only')
  expect(sqlite === mongodb).toBe(true)
  expect(sqlite === committed).toBe(true)
})

describe('CORS for other teams’ browser frontends (CORS_ORIGINS)', () => {
  const preflight = async (origin: string) => {
    const handler = REST_OPTIONS(config)
    const response = await handler(
      new Request('http://localhost:3000/api/news', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
      }),
      { params: Promise.resolve({ slug: ['news'] }) },
    )
    return response.headers.get('access-control-allow-origin')
  }

  test('a listed origin is allowed, another is not', async () => {
    expect(await preflight('https://frontend.example')).toBe('https://frontend.example')
    expect(await preflight('https://evil.example')).not.toBe('https://evil.example')
  })

  test('the portal itself is always allowed', async () => {
    expect(await preflight('http://localhost:3000')).toBe('http://localhost:3000')
    const { status } = await rest('GET', '/news', {
      headers: { Origin: 'https://frontend.example' },
    })
    expect(status).toBe(200)
  })
})
