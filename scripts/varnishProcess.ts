/**
 * Starting Varnish with the repository's VCL as a child process, shared by the benchmark
 * (bench/sharedCache.ts) and the shared-cache test (test/e2e/sharedCache.test.ts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ensureDebianPackages } from './debianPackages'

/** The VCL an operator uses (deploy/varnish/portal.vcl), run here as it is but for its backend port. */
const VCL = path.join('deploy', 'varnish', 'portal.vcl')

/** varnishd, and the xkey module beside Debian's other Varnish modules. */
function hasVarnish(): boolean {
  try {
    execFileSync('varnishd', ['-V'], { stdio: 'ignore' })
  } catch {
    return false
  }
  return fs
    .readdirSync('/usr/lib', { withFileTypes: true })
    .some((entry) =>
      fs.existsSync(path.join('/usr/lib', entry.name, 'varnish', 'vmods', 'libvmod_xkey.so')),
    )
}

/** Debian's Varnish and varnish-modules (for xkey), as `.ci/run` installs them. */
const ensureVarnish = () =>
  ensureDebianPackages(
    hasVarnish,
    ['varnish', 'varnish-modules'],
    'Varnish',
    'the shared cache test runs the repository’s deploy/varnish/portal.vcl in it',
  )

export type Varnish = { url: string; stop: () => Promise<void>; output: () => string }

/**
 * Runs varnishd in the foreground with the repository's VCL as an operator would, its backend
 * pointed at `backendPort`, listening on `port`, with its own work folder.
 */
export async function startVarnish(port: number, backendPort: number): Promise<Varnish> {
  ensureVarnish()
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-varnish-'))
  fs.chmodSync(folder, 0o755)
  const vcl = path.join(folder, 'portal.vcl')
  const source = fs.readFileSync(VCL, 'utf8')
  if (!source.includes('.port = "3000";')) throw new Error(`${VCL} no longer names port 3000`)
  fs.writeFileSync(vcl, source.replace('.port = "3000";', `.port = "${backendPort}";`))
  fs.chmodSync(vcl, 0o644)
  const child: ChildProcess = spawn(
    'varnishd',
    [
      '-F',
      '-a',
      `127.0.0.1:${port}`,
      '-f',
      vcl,
      '-n',
      path.join(folder, 'work'),
      '-s',
      'malloc,64m',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let printed = ''
  child.stdout?.on('data', (chunk) => (printed += chunk))
  child.stderr?.on('data', (chunk) => (printed += chunk))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`varnishd exited:\n${printed}`)
    try {
      await fetch(`${url}/healthz`)
      break
    } catch {
      if (i > 200) throw new Error(`varnishd did not answer:\n${printed}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  return {
    url,
    output: () => printed,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          fs.rmSync(folder, { recursive: true, force: true })
          resolve()
        }
        if (child.exitCode !== null) return done()
        child.once('exit', done)
        child.kill('SIGTERM')
      }),
  }
}
