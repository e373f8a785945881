import nextEnv from '@next/env'
import next from 'next'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getPayload, type Payload } from 'payload'

import { bootstrap, BootstrapError, type AdminLogin } from './bootstrap'
import { DatabaseUriError, parseDatabaseUri } from '../data/adapter/adapter'
import { DataLockedError } from '../data/adapter/dataLock'
import { EnvironmentError, readEnvironment, type Environment } from '../core/env'
import { becomeJobRunner } from '../operations/jobs/jobRunner'
import { enableMetrics } from './metrics/enable'
import { projectRoot as root } from '../core/paths'
import { buildSearchIndex } from '../cms/search/indexer'
import { createApp } from './app'
import { readServerActions } from '../edge/methodGuard'
import { edgeSettings } from '../edge/settings'
import { readPreviewModeId } from '../edge/identity'
import { holdDataLock } from './dataLock'
import { installGracefulShutdown } from './shutdown'
import { refreshAfterChanges } from './refreshAfterChanges'
import { warmUp } from './warmUp'
import { installSharedCachePurge } from '../operations/sharedCache/install'

function banner(env: Environment, admin: AdminLogin | null, seeded: boolean): string {
  const lines = [
    '',
    `  New Wave of European AI portal is running (${env.production ? 'production' : 'development'})`,
    `  Portal:   ${env.serverUrl}/`,
    `  Admin:    ${env.serverUrl}/admin`,
    `  GraphQL:  ${env.serverUrl}/api/graphql`,
  ]
  if (admin?.password) {
    lines.push(`  Login:    ${admin.email} / ${admin.password}`)
    lines.push('            (generated now and shown only this once: change it in the admin)')
  } else if (admin) {
    lines.push(`  Login:    ${admin.email} with ADMIN_PASSWORD`)
  } else {
    lines.push('  Login:    with an existing account (passwords are never printed again)')
  }
  if (seeded) lines.push('  Content:  the initiative content was seeded into the empty database')
  return `${lines.join('\n')}\n`
}

/** Refusals an operator can fix: print the message alone, without a stack trace. */
function refuse(error: unknown): never {
  if (
    error instanceof EnvironmentError ||
    error instanceof DatabaseUriError ||
    error instanceof BootstrapError ||
    error instanceof DataLockedError
  ) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

/** The settings (from .env files and the environment), with the data lock held while this server runs. */
async function readSettings(): Promise<{ env: Environment; releaseLock: () => Promise<void> }> {
  // Next's telemetry would call out to the internet on every start; opt in explicitly if wanted.
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  // .env / .env.local / .env.production, as Next would read them, before anything reads settings.
  nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production', {
    info: () => {},
    error: console.error,
  })
  try {
    const env = readEnvironment()
    // Held while this server runs: `npm run restore` refuses to replace data in use, and a second
    // server on the same SQLite file refuses to start.
    const releaseLock = await holdDataLock(parseDatabaseUri(env.databaseUri))
    return { env, releaseLock }
  } catch (error) {
    refuse(error)
  }
}

/** The read cache's settings; none when READ_CACHE_MAX_BYTES turns it off. */
const readCacheOptions = (env: Environment) =>
  env.readCacheMaxBytes > 0
    ? {
        maxBytes: env.readCacheMaxBytes,
        sharedMaxAge: env.readCacheSharedMaxAge,
        pages: env.production,
      }
    : undefined

/** The express layer in front of Next: edge, read cache, GraphQL, health and metrics. */
function portalApp(
  payload: Payload,
  env: Environment,
  nextApp: ReturnType<typeof next>,
  isShuttingDown: () => boolean,
) {
  return createApp({
    payload,
    handle: nextApp.getRequestHandler(),
    https: env.serverUrl.startsWith('https://'),
    isShuttingDown,
    edge: edgeSettings(
      env,
      env.production
        ? { serverActions: readServerActions(), previewModeId: readPreviewModeId() }
        : {},
    ),
    metricsToken: env.metricsToken,
    readCache: readCacheOptions(env),
  })
}

export async function start(): Promise<void> {
  const { env, releaseLock } = await readSettings()

  // Payload first: one instance, cached on globalThis, that Next's routes reuse; its job runner
  // starts here with it, in this process alone.
  becomeJobRunner()
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  // Before Next serves anything, so every module instance counts into this one registry.
  if (env.metricsToken) enableMetrics(payload)
  let result: Awaited<ReturnType<typeof bootstrap>>
  try {
    result = await bootstrap(payload, env)
  } catch (error) {
    await payload.destroy().catch(() => undefined)
    refuse(error)
  }

  const nextApp = next({ dev: !env.production, dir: root, port: env.port, hostname: 'localhost' })
  await nextApp.prepare()

  await installSharedCachePurge(payload, env)

  let shuttingDown = false
  const readCache = readCacheOptions(env)
  const app = portalApp(payload, env, nextApp, () => shuttingDown)
  const server = createServer(app)
  const upgrade = nextApp.getUpgradeHandler()
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head))
  installGracefulShutdown(
    server,
    payload,
    () => {
      shuttingDown = true
    },
    releaseLock,
  )
  server.listen(env.port, () => {
    console.log(banner(env, result.admin, result.seeded))
    // In the background, once the server answers: /readyz reports it, search answers 503 until then.
    if (env.searchIndex) void buildSearchIndex(payload)
    // Pages are cached in production only: the first visitors of a launch get hits, not renders,
    // and the pages a publish removed are rendered again before the next reader asks.
    if (readCache?.pages && env.readCacheWarmUp) {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      refreshAfterChanges(origin)
      void warmUp(origin, (message) => payload.logger.info(message))
    }
  })
}
