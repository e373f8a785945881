import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { templateDatabase, testEnvironment } from './testEnv'

/** Once per `npm test`: a migrated, seeded SQLite file that every test file copies. */
export default function globalSetup() {
  // Jest writes its JSON report here (counted by CI) but does not create the folder.
  fs.mkdirSync('test-results', { recursive: true })
  // The server and the helpers that tests run as processes, bundled as `npm run dev` runs them.
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (process.env.TEST_LANE === 'mongodb') return
  fs.rmSync(path.dirname(templateDatabase), { recursive: true, force: true })
  fs.mkdirSync(path.dirname(templateDatabase), { recursive: true })
  const started = Date.now()
  execFileSync(process.execPath, ['--conditions=development', '.server/test-build-template.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...testEnvironment,
      NODE_OPTIONS: '',
      DATABASE_URI: `file:${templateDatabase}`,
    },
  })
  process.stderr.write(`\nTemplate database built in ${Date.now() - started} ms\n`)
}
