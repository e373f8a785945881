/**
 * The attackers of the hostile-load scenario (bench/hostile.ts), run in a process of their own:
 * in the readers' process their request generation would slow the readers' own load generator,
 * and the scenario would measure the bench, not the portal. Prints the results as JSON.
 *
 *   node .server/bench-attackers.mjs <url> <seconds> <attack ids, comma-separated>
 */
import crypto from 'node:crypto'

import autocannon from 'autocannon'

import { oversizedBodyAttacks, sendOversizedBodies } from './oversizedBodies'

const address = (pool: number) => `203.0.113.${crypto.randomInt(pool) + 1}`
const junk = () => crypto.randomBytes(6).toString('base64url')

/** An attacker: autocannon with every request shaped anew (its address, its junk). */
type Attack = { id: string; name: string; connections: number; request: () => autocannon.Request }

function attacks(): Attack[] {
  const graphqlQuery = encodeURIComponent('{ Site { name } }')
  return [
    {
      id: 'login',
      name: 'login flood (200 addresses)',
      connections: 3,
      request: () => ({
        method: 'POST',
        path: '/api/users/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address(200) },
        body: JSON.stringify({
          email: `editor${crypto.randomInt(5)}@example.org`,
          password: junk(),
        }),
      }),
    },
    {
      id: 'busting',
      name: 'cache-busting query strings and headers',
      connections: 2,
      request: () => ({
        method: 'GET',
        path: `/de?utm_source=${junk()}&${junk()}=1`,
        headers: {
          'x-forwarded-for': address(200),
          'accept-encoding': ['gzip', 'gzip, br', 'br, gzip;q=0.5', 'deflate, gzip'][
            crypto.randomInt(4)
          ]!,
          host: `${junk()}.example`,
          'x-forwarded-host': `${junk()}.example`,
          'next-router-state-tree': junk(),
        },
      }),
    },
    {
      id: 'junk',
      name: 'junk credentials on GraphQL',
      connections: 2,
      request: () => ({
        method: 'GET',
        path: `/api/graphql?query=${graphqlQuery}`,
        headers: {
          'x-forwarded-for': address(200),
          authorization: `JWT ${junk()}.${junk()}.${junk()}`,
          origin: `https://${junk()}.example`,
        },
      }),
    },
    {
      id: 'misses',
      name: 'real misses (random tags, 50 addresses)',
      connections: 2,
      request: () => ({
        method: 'GET',
        path: `/de/news?tag=${junk()}`,
        headers: { 'x-forwarded-for': address(50) },
      }),
    },
  ]
}

/**
 * Requests per second each attacker sends. Cheap requests (answered from the cache, or refused
 * by a limit) cost the server about what a reader's hit costs: at full speed they would only
 * measure how two cores share out among connections, a flood a proxy or the network must stop.
 * At this rate the scenario measures what the portal itself decides: how much of the expensive
 * work (renders, password hashing, bodies) the attackers get to make it do.
 */
export const ATTACK_RATE = 50

function runAttack(url: string, attack: Attack, seconds: number) {
  // autocannon sends `Host: undefined:undefined` with requests it is handed whole, which the edge
  // refuses at once (400): every attacker sends the server's own host unless it sends its own.
  const host = new URL(url).host
  return autocannon({
    url,
    connections: attack.connections,
    duration: seconds,
    overallRate: ATTACK_RATE,
    requests: [
      {
        setupRequest: () => {
          const request = attack.request()
          return { ...request, headers: { host, ...request.headers } }
        },
      },
    ],
  })
}

export type AttackOutcome = {
  id: string
  name: string
  requests: number
  statuses: Record<string, number>
}

async function main() {
  const [url, seconds, ids] = process.argv.slice(2)
  const chosen = attacks().filter((attack) => (ids ?? '').split(',').includes(attack.id))
  const wanted = (ids ?? '').split(',')
  const [results, bodies] = await Promise.all([
    Promise.all(chosen.map((attack) => runAttack(url!, attack, Number(seconds)))),
    wanted.includes('bodies')
      ? Promise.all(oversizedBodyAttacks(10).map((attack) => sendOversizedBodies(url!, attack)))
      : Promise.resolve([]),
  ])
  const outcomes: AttackOutcome[] = results.map((result, i) => ({
    id: chosen[i]!.id,
    name: chosen[i]!.name,
    requests: result.requests.total,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]): [string, number] => [
        code,
        stat?.count ?? 0,
      ]),
    ),
  }))
  for (const body of bodies) {
    outcomes.push({
      id: 'bodies',
      name: `10 × 100 MB bodies, ${body.name}`,
      requests: Object.values(body.statuses).reduce((sum: number, n: number) => sum + n, 0),
      statuses: body.statuses,
    })
  }
  process.stdout.write(JSON.stringify(outcomes), () => process.exit(0))
}

await main()
