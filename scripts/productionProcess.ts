/**
 * Starting the production server as a child process, shared by the benchmark (bench/server.ts)
 * and the tests that need the whole stack (test/helpers/productionServer.ts).
 */
import type { ChildProcess } from 'node:child_process'
import net from 'node:net'

/** Node's arguments as `npm start` (package.json) runs the server, heap sizes included. */
export const productionServerArgs = [
  '--max-old-space-size=384',
  '--max-semi-space-size=32',
  '--conditions=production',
  '.server/server.mjs',
]

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** Polls `/readyz` until it answers 200; fails with the server's output if it exits or stalls. */
export async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `The production server exited (${child.exitCode}) before it was ready:\n${output()}`,
      )
    }
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`The production server was not ready within ${timeoutMs / 1000} s:\n${output()}`)
}
