/**
 * `npm start` and `npm run dev`: the portal's entry. In production with more than one worker
 * (WEB_CONCURRENCY, one per core by default) this process becomes their supervisor
 * (src/process/cluster/supervisor.ts); otherwise, and in each worker, it is the portal itself:
 * express in front of Next, with Payload initialised first (src/process/start.ts).
 *
 * The portal is a bundle of its own (`.server/portal.mjs`, scripts/bundle.mjs), loaded only where
 * it serves: a supervisor loads neither Payload nor Next.
 */
import cluster from 'node:cluster'

import { supervise } from './cluster/supervisor'
import { readSettings } from './settings'

type Portal = typeof import('./start')

const loadPortal = (): Promise<Portal> =>
  import(new URL('./portal.mjs', import.meta.url).href) as Promise<Portal>

async function main(): Promise<void> {
  if (cluster.isWorker) {
    const settings = await readSettings({ lock: false })
    return (await loadPortal()).start(settings)
  }
  const settings = await readSettings({ lock: true })
  const { workers } = settings.env.replicas
  if (workers > 1) return supervise({ workers, releaseDataLock: settings.releaseLock })
  return (await loadPortal()).start(settings)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
