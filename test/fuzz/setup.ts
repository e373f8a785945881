import crypto from 'node:crypto'

import type { FuzzTarget } from './property'

type Login = { email: string; password: string }

async function login(url: string, credentials: Login): Promise<string> {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  })
  if (!response.ok) throw new Error(`login as ${credentials.email}: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

const COLLECTIONS = [
  'news',
  'projects',
  'people',
  'organizations',
  'events',
  'principles',
  'media',
  'signatories',
  'users',
]

/**
 * Readies a running portal for fuzzing: the IDs and slugs of its documents (so requests reach
 * real ones), and a partner of Fraunhofer IAIS to send requests as, created by the admin.
 */
export async function prepareFuzzTarget(server: {
  url: string
  admin: Login
  database: string
  alive: () => boolean
}): Promise<FuzzTarget> {
  const token = await login(server.url, server.admin)
  const asAdmin = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
  const ids: Record<string, string[]> = {}
  const slugs: string[] = []
  for (const collection of COLLECTIONS) {
    const { docs } = await asAdmin<{ docs: { id: string; slug?: string }[] }>(
      `/api/${collection}?limit=100&depth=0&draft=true`,
    )
    ids[collection] = docs.map((d) => d.id)
    slugs.push(...docs.flatMap((d) => (d.slug ? [d.slug] : [])))
  }
  const { docs } = await asAdmin<{ docs: { id: string }[] }>(
    '/api/organizations?where[slug][equals]=fraunhofer-iais&depth=0',
  )
  const partnerOrganization = docs[0]!.id
  const partner = {
    email: `fuzz-partner-${crypto.randomBytes(4).toString('hex')}@test.example`,
    password: crypto.randomBytes(12).toString('hex'),
  }
  await asAdmin('/api/users', {
    method: 'POST',
    body: JSON.stringify({
      ...partner,
      name: 'Fuzz Partner',
      role: 'partner',
      organization: partnerOrganization,
    }),
  })
  return {
    url: server.url,
    database: server.database,
    partnerOrganization,
    context: { ids, slugs, partnerToken: await login(server.url, partner) },
    alive: server.alive,
  }
}
