import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type DeployFolder = {
  /** The folder to start the portal from: its root, as a deploy lays it out. */
  dir: string
  /** Points the folder's `.next` somewhere else: an empty folder is a deploy that left no build. */
  pointBuildAt: (target: string) => void
  /** Points `.next` back at the repository's build. */
  restoreBuild: () => void
  remove: () => void
}

/** Left out: the build (linked on its own, so a test can swap it) and what a server writes. */
const NOT_LINKED = new Set(['.next', '.git', 'media', 'test-results'])

/**
 * A folder that looks like a deployed checkout of this repository (every entry linked to the
 * repository's own), whose `.next` is a link of its own: a test can take the build away under a
 * running portal, as a deploy that removed it before building again would, and put it back.
 */
export function deployFolder(): DeployFolder {
  const root = process.cwd()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-deploy-'))
  for (const name of fs.readdirSync(root)) {
    if (!NOT_LINKED.has(name)) fs.symlinkSync(path.join(root, name), path.join(dir, name))
  }
  const build = path.join(dir, '.next')
  const pointBuildAt = (target: string) => {
    fs.rmSync(build, { force: true })
    fs.symlinkSync(target, build)
  }
  pointBuildAt(path.join(root, '.next'))
  return {
    dir,
    pointBuildAt,
    restoreBuild: () => pointBuildAt(path.join(root, '.next')),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}
