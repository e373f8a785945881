/**
 * Reads V8 CPU profiles (`node --cpu-prof`) and lists where the time went: the functions with
 * the most self time, and the same summed by package, which is what decides where to look.
 */
import fs from 'node:fs'
import path from 'node:path'

type ProfileNode = {
  id: number
  hitCount?: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number }

function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (match) return match[1]!
  if (url.includes('/.next/')) return '(next build output)'
  if (url.includes('/.server/')) return '(portal server bundle)'
  if (url.startsWith('node:') || url === '') return '(node internals, GC, idle)'
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

export function summariseProfiles(dir: string, top = 20): string {
  if (profilesIn(dir).length === 0) return '(no profile written)'
  const byFunction = new Map<string, number>()
  const byPackage = new Map<string, number>()
  let total = 0
  for (const file of profilesIn(dir)) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0
      if (!hits) continue
      const { functionName, url, lineNumber } = node.callFrame
      const where = url ? `${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : ''
      const key = `${functionName || '(anonymous)'} ${where}`.trim()
      byFunction.set(key, (byFunction.get(key) ?? 0) + hits)
      byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + hits)
      total += hits
    }
  }
  const list = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([key, hits]) => `  ${((100 * hits) / total).toFixed(1).padStart(5)} %  ${key}`)
      .join('\n')
  return `By function:\n${list(byFunction)}\n\nBy package:\n${list(byPackage)}\n\n(profiles in ${dir})`
}
