import next from 'next'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getPayload, type Payload } from 'payload'

import { bootstrap, type AdminLogin } from './bootstrap'
import type { Environment } from '../core/env'
import { takePartInJobLease } from '../operations/jobs/lease'
import { runQueueNow } from '../operations/jobs/startedJobs'
import { UPDATES_QUEUE } from '../cms/updates/sendUpdate'
import { MAIL_QUEUE } from '../operations/mail/deliverMail'
import { WEBHOOK_QUEUE } from '../operations/webhooks/queue'
import { CDN_QUEUE } from '../operations/sharedCache/purgeCdn'
import { enableMetrics } from './metrics/enable'
import { projectRoot as root } from '../core/paths'
import { buildSearchIndex } from '../cms/search/indexer'
import { createApp } from './app'
import { readServerActions } from '../edge/methodGuard'
import { edgeSettings } from '../edge/settings'
import { readPreviewModeId } from '../edge/identity'
import { installGracefulShutdown } from './shutdown'
import { refreshAfterChanges } from './refreshAfterChanges'
import { warmUp } from './warmUp'
import { installSharedCachePurge } from '../operations/sharedCache/install'
import { bootstrapsTheData, replicaName } from '../replicas/identity'
import { refuse, type Settings } from './settings'
import { connectReplicas } from './replicas'
import { joinReplicasOrRefuse } from './sameBuild'

function banner(
  env: Environment,
  admin: AdminLogin | null,
  seeded: boolean,
  workers: number,
): string {
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
  if (workers > 1) lines.push(`  Workers:  ${workers} (the others start once this one listens)`)
  return `${lines.join('\n')}\n`
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

/**
 * Schema, first admin and seed where this process prepares the data (a lone server, a
 * supervisor's first worker); the other workers find it prepared.
 */
async function prepareData(payload: Payload, env: Environment) {
  if (!bootstrapsTheData()) return { admin: null, seeded: false }
  try {
    return await bootstrap(payload, env)
  } catch (error) {
    await payload.destroy().catch(() => undefined)
    refuse(error)
  }
}

/** The portal in this process: a lone server (`npm run dev`, one worker) or one of a supervisor's workers. */
export async function start({ env, releaseLock }: Settings): Promise<void> {
  // Before Payload: its limits count in the shared store.
  const replicas = connectReplicas(env)
  const leaveReplicas = await joinReplicasOrRefuse(env)

  // Payload first: one instance, cached on globalThis, that Next's routes reuse.
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  // Before Next serves anything, so every module instance counts into this one registry.
  if (env.metricsToken) enableMetrics(payload)
  const result = await prepareData(payload, env)
  // Whoever holds the job lease runs the queues. What a dead holder left claimed (a mail, a
  // webhook delivery, a purge, an update's send half done) goes on as soon as this process takes
  // it over, not at the next cron tick.
  const jobLease = await takePartInJobLease(payload, () => {
    for (const queue of [MAIL_QUEUE, WEBHOOK_QUEUE, CDN_QUEUE]) runQueueNow(payload, queue, 20)
    runQueueNow(payload, UPDATES_QUEUE, 5)
  })

  const nextApp = next({ dev: !env.production, dir: root, port: env.port, hostname: 'localhost' })
  await nextApp.prepare()

  // The start's purge of a CDN once per start of the portal, not once per worker.
  await installSharedCachePurge(payload, env, { purgeAtStart: bootstrapsTheData() })

  let shuttingDown = false
  const readCache = readCacheOptions(env)
  const app = portalApp(payload, env, nextApp, () => shuttingDown)
  const server = createServer(app)
  const upgrade = nextApp.getUpgradeHandler()
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head))
  installGracefulShutdown(server, payload, {
    onStart: () => {
      shuttingDown = true
      jobLease.stopStartingJobs()
    },
    beforeDatabaseCloses: jobLease.leave,
    afterDatabaseCloses: async () => {
      await leaveReplicas()
      await replicas.close()
      await releaseLock()
    },
  })
  replicas.listen(payload)
  server.listen(env.port, () => {
    if (bootstrapsTheData()) {
      console.log(banner(env, result.admin, result.seeded, env.replicas.workers))
    } else payload.logger.info(`${replicaName()} (pid ${process.pid}) is serving`)
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
