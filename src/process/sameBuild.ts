import cluster from 'node:cluster'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'

import type { Environment } from '../core/env'
import { fromRoot } from '../core/paths'
import { redisConnection, REDIS_PREFIX } from '../replicas/redisTransport'
import { replicaId } from '../replicas/identity'

/**
 * The exit code of a replica that refuses to start beside replicas it cannot work with (a
 * different build or different secrets): its supervisor stops rather than start it again.
 */
export const REFUSED_TO_JOIN = 78

/** A replica seen within this long is running; an entry older than that was left by a dead one. */
const ALIVE_MS = 30_000

export class ReplicaMismatchError extends Error {}

/** The build this process serves (`npm run build` writes `.next/BUILD_ID`); none in development. */
export const buildId = (): string | null => {
  try {
    return fs.readFileSync(fromRoot('.next/BUILD_ID'), 'utf8').trim()
  } catch {
    return null
  }
}

/**
 * What replicas must agree on, never the secrets themselves: a session signed by one replica is
 * checked by another with PAYLOAD_SECRET, a preview link with PREVIEW_SECRET.
 */
const secretsDigest = (env: Environment) =>
  crypto
    .createHmac('sha256', `${env.payloadSecret}\0${env.previewSecret}`)
    .update('initiative-portal replicas')
    .digest('hex')
    .slice(0, 16)

/** `group`: the host and supervisor a replica belongs to; the workers of one are not compared. */
type Entry = { build: string | null; secrets: string; host: string; group: string; seenAt: number }

const groupOf = () => `${os.hostname()}/${cluster.isWorker ? process.ppid : process.pid}`

/**
 * Replicas on several hosts (REDIS_URL) must run one build with the same secrets: pages of one
 * build ask for scripts only that build has, and a session or preview link one replica signed
 * must hold at the others. Each replica announces itself in Redis every few seconds; a new one
 * that differs from any replica alive refuses to start, saying which setting differs. The
 * workers of one supervisor share its files and environment and are not compared with each
 * other (a reload after a new build replaces them one by one).
 *
 * Resolves to the function that withdraws this replica's entry (a graceful stop).
 */
export async function joinReplicas(env: Environment): Promise<() => Promise<void>> {
  if (!env.replicas.redisUrl) return async () => {}
  const redis = redisConnection(env.replicas.redisUrl, 'replicas')
  redis.on('error', () => undefined)
  const key = `${REDIS_PREFIX}replicas`
  const own: Entry = {
    build: buildId(),
    secrets: secretsDigest(env),
    host: os.hostname(),
    group: groupOf(),
    seenAt: Date.now(),
  }
  const others = Object.entries(await redis.hgetall(key))
    .filter(([id]) => id !== replicaId())
    .map(([, text]) => entryOf(text))
    .filter((entry): entry is Entry => !!entry)
    .filter((entry) => Date.now() - entry.seenAt < ALIVE_MS && entry.group !== own.group)
  const problem = mismatch(own, others)
  if (problem) {
    redis.disconnect()
    throw new ReplicaMismatchError(problem)
  }
  const announce = () =>
    redis.hset(key, replicaId(), JSON.stringify({ ...own, seenAt: Date.now() })).catch(() => 0)
  await announce()
  const timer = setInterval(() => void announce(), ALIVE_MS / 3)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await redis.hdel(key, replicaId()).catch(() => 0)
    redis.disconnect()
  }
}

/** An announcement read back, or null when it is not one (it is then ignored). */
function entryOf(text: string): Entry | null {
  try {
    const entry = JSON.parse(text) as Partial<Entry> | null
    return typeof entry?.seenAt === 'number' && typeof entry.secrets === 'string'
      ? (entry as Entry)
      : null
  } catch {
    return null
  }
}

function mismatch(own: Entry, others: Entry[]): string | null {
  const differentSecrets = others.find((entry) => entry.secrets !== own.secrets)
  if (differentSecrets) {
    return (
      `This replica cannot join the replicas running on ${differentSecrets.host}: its ` +
      'PAYLOAD_SECRET or PREVIEW_SECRET differs from theirs. Every replica needs the same two.'
    )
  }
  const differentBuild = others.find((entry) => entry.build !== own.build)
  if (differentBuild) {
    return (
      `This replica cannot join the replicas running on ${differentBuild.host}: it serves build ` +
      `${own.build ?? '(none)'}, they serve ${differentBuild.build ?? '(none)'} (.next/BUILD_ID). ` +
      'Deploy one build to every host, then start the replicas on it.'
    )
  }
  return null
}

/** `joinReplicas`, or the process ends with `REFUSED_TO_JOIN` and the reason printed. */
export function joinReplicasOrRefuse(env: Environment): Promise<() => Promise<void>> {
  return joinReplicas(env).catch((error: unknown) => {
    if (!(error instanceof ReplicaMismatchError)) throw error
    console.error(error.message)
    process.exit(REFUSED_TO_JOIN)
  })
}
