import path from 'node:path'

/**
 * Every process of the portal (the server, Next, scripts, tests, the Docker image) runs from the
 * repository root, so paths are resolved from there rather than from a module's own location,
 * which differs between the TypeScript sources, Next's compiled chunks and the .server/ bundle.
 */
export const projectRoot = process.cwd()
export const fromRoot = (...segments: string[]): string =>
  // Run-time paths under the root; not for Next's output tracing.
  path.resolve(/* turbopackIgnore: true */ projectRoot, ...segments)
