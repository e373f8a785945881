/**
 * Reads V8 CPU profiles (`node --cpu-prof`) and lists where the time went: the functions with
 * the most self time, and the same summed by package, which is what decides where to look.
 *
 * A profile covers the whole life of the server (start, seeding check, warm-up, stop). To see
 * what one case costs, only the samples inside that case's measured window count: V8 stamps
 * samples with the monotonic clock that `process.hrtime` reads too, so the benchmark process can
 * name the window in the server's clock.
 */
import fs from 'node:fs'
import path from 'node:path'

type ProfileNode = {
  id: number
  hitCount?: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
type CpuProfile = {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples?: number[]
  timeDeltas?: number[]
}

/** A stretch of the monotonic clock, in microseconds (as `process.hrtime.bigint() / 1000n`). */
export type ClockWindow = { startUs: number; endUs: number }

export const monotonicNowUs = () => Number(process.hrtime.bigint() / 1000n)

function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (match) return match[1]!
  if (url.includes('/.next/')) return '(next build output)'
  if (url.includes('/.server/')) return '(portal server bundle)'
  if (url.startsWith('node:') || url === '') return '(node internals, GC)'
  return url
}

const profilesIn = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : []

/** V8 writes the profile as the process exits; give it a moment to appear after the exit event. */
export async function waitForProfile(dir: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (profilesIn(dir).length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  // The file appears before V8 has finished writing it.
  await new Promise((resolve) => setTimeout(resolve, 1000))
}

/** Self time (µs) per profile node, inside the window when one is given, idle excluded. */
function selfTimes(profile: CpuProfile, window?: ClockWindow): Map<number, number> {
  const times = new Map<number, number>()
  const { samples, timeDeltas } = profile
  if (!samples || !timeDeltas) {
    for (const node of profile.nodes) times.set(node.id, node.hitCount ?? 0)
    return times
  }
  let at = profile.startTime
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] ?? 0
    // A sample stands for the time until the next one.
    const span = timeDeltas[i + 1] ?? 0
    if (window && (at < window.startUs || at >= window.endUs)) continue
    times.set(samples[i]!, (times.get(samples[i]!) ?? 0) + span)
  }
  return times
}

export type ProfileSummary = {
  /** CPU time (ms) spent outside idle in the window (or the whole profile). */
  cpuMs: number
  byFunction: [string, number][]
  byPackage: [string, number][]
}

export function readProfiles(dir: string, window?: ClockWindow, top = 20): ProfileSummary | null {
  if (profilesIn(dir).length === 0) return null
  const byFunction = new Map<string, number>()
  const byPackage = new Map<string, number>()
  let total = 0
  for (const file of profilesIn(dir)) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile
    const times = selfTimes(profile, window)
    for (const node of profile.nodes) {
      const time = times.get(node.id) ?? 0
      const { functionName, url, lineNumber } = node.callFrame
      if (!time || functionName === '(idle)') continue
      const where = url ? `${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : ''
      const key = `${functionName || '(anonymous)'} ${where}`.trim()
      byFunction.set(key, (byFunction.get(key) ?? 0) + time)
      byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + time)
      total += time
    }
  }
  const share = (map: Map<string, number>): [string, number][] =>
    [...map.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([key, time]) => [key, total ? (100 * time) / total : 0])
  return { cpuMs: total / 1000, byFunction: share(byFunction), byPackage: share(byPackage) }
}

export function formatSummary(summary: ProfileSummary | null, requests?: number): string {
  if (!summary) return '(no profile written)'
  const list = (rows: [string, number][]) =>
    rows.map(([key, pct]) => `  ${pct.toFixed(1).padStart(5)} %  ${key}`).join('\n')
  const perRequest = requests
    ? `CPU ${(summary.cpuMs / requests).toFixed(1)} ms per request (${Math.round(summary.cpuMs)} ms over ${requests} requests)\n`
    : ''
  return `${perRequest}By function:\n${list(summary.byFunction)}\n\nBy package:\n${list(summary.byPackage)}`
}

export function summariseProfiles(dir: string, top = 20): string {
  return `${formatSummary(readProfiles(dir, undefined, top))}\n\n(profiles in ${dir})`
}
