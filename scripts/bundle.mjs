/**
 * Bundles the Node entry points (the server, the seeder, the generator and the test helpers that
 * run as processes) into .server/ with esbuild: our TypeScript compiled in, every package left
 * external and loaded by Node itself, with no loader hook at run time and a faster start.
 *
 * Run the bundles with `--conditions=development` (or `production`). Lexical's default Node entry
 * points choose their build with a top-level `await import()`, and on Node 20 a process loading
 * them sometimes exits silently (code 13, a top-level await that never settles) before it has
 * started; seen on about half of the starts here. The condition makes Node load Lexical's
 * development or production build directly, without that top-level await.
 */
import { build } from 'esbuild'

export const entryPoints = {
  server: 'src/process/server.ts',
  // Loaded by the server entry where it serves (src/process/server.ts).
  portal: 'src/process/start.ts',
  seed: 'src/process/commands/seed.ts',
  'seed-large': 'src/process/commands/seedLarge.ts',
  'search-reindex': 'src/process/commands/searchReindex.ts',
  backup: 'src/process/commands/backup.ts',
  restore: 'src/process/commands/restore.ts',
  generate: 'scripts/generate.ts',
  'graphql-check': 'scripts/graphql-check.ts',
  bench: 'bench/run.ts',
  'bench-side': 'bench/sideBySide.ts',
  'bench-attackers': 'bench/attackers.ts',
  fuzz: 'scripts/fuzz.ts',
  'bench-mail': 'bench/mail.ts',
  'bench-signature-mail': 'bench/signatureMail.ts',
  'test-build-template': 'test/helpers/buildTemplate.ts',
  'test-shutdown-server': 'test/helpers/shutdownServer.ts',
  'test-print-schema': 'test/helpers/printSchema.ts',
}

export async function bundle() {
  await build({
    entryPoints,
    outdir: '.server',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now()
  await bundle()
  console.log(
    `Bundled ${Object.keys(entryPoints).length} entry points into .server/ in ${Date.now() - started} ms`,
  )
}
