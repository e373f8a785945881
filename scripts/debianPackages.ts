/**
 * Debian packages a test or the benchmark runs as servers (Varnish, Redis), as `.ci/run` installs
 * them: installed here when missing and this process may (as root); else the error says how.
 */
import { execFileSync } from 'node:child_process'

export function ensureDebianPackages(
  installed: () => boolean,
  packages: string[],
  what: string,
  usedFor: string,
): void {
  if (installed()) return
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${what} is not installed: sudo apt-get install -y ${packages.join(' ')} (${usedFor})`,
    )
  }
  execFileSync('apt-get', ['install', '-y', ...packages], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
}
