/**
 * Starting Debian's redis-server as a child process on a free port, shared by the benchmark
 * (bench/replicas.ts) and the replicas test over Redis (test/e2e/replicasRedis.test.ts).
 */
import { execFileSync, spawn } from 'node:child_process'
import net from 'node:net'

import { ensureDebianPackages } from './debianPackages'
import { freePort } from './productionProcess'

function hasRedis(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Debian's redis-server, as `.ci/run` installs it. */
const ensureRedis = () =>
  ensureDebianPackages(
    hasRedis,
    ['redis-server'],
    'Redis',
    'the replicas test over Redis runs two workers whose bus and limits go through it',
  )

export type RedisServer = { url: string; stop: () => Promise<void>; output: () => string }

const answersPing = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('error', () => resolve(false))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.write('PING\r\n')
  })

/** A redis-server of its own, in memory only (no snapshot, no append-only file), on a free port. */
export async function startRedis(): Promise<RedisServer> {
  ensureRedis()
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let printed = ''
  child.stdout?.on('data', (chunk) => (printed += chunk))
  child.stderr?.on('data', (chunk) => (printed += chunk))
  for (let i = 0; !(await answersPing(port)); i++) {
    if (child.exitCode !== null || i > 100) {
      child.kill('SIGKILL')
      throw new Error(`redis-server did not start:\n${printed}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    output: () => printed,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
