/**
 * The MongoDB lane: the integration suite against a real MongoDB at TEST_MONGODB_URI (a replica
 * set, so transactions work; each test file gets its own database, dropped afterwards). Without
 * TEST_MONGODB_URI it says so and runs nothing: no MongoDB server can be installed everywhere.
 */
import { spawnSync } from 'node:child_process'

const uri = process.env.TEST_MONGODB_URI?.trim()
if (!uri) {
  console.log(
    'MongoDB lane did not run: TEST_MONGODB_URI is not set. ' +
      'Set it to a MongoDB replica set (e.g. mongodb://localhost:27017/?replicaSet=rs0) to run it.',
  )
  process.exit(0)
}

// Files that test SQLite itself (migrations, closing the SQLite client, query plans) have no
// MongoDB meaning.
const sqliteOnly = [
  'test/int/migrations.test.ts',
  'test/int/server.test.ts',
  // SQLite's query plans.
  'test/int/sqliteIndexes.test.ts',
  'test/unit/',
]
const result = spawnSync(
  'npx',
  [
    'jest',
    'test/int',
    '--json',
    '--outputFile=test-results/jest-mongodb.json',
    ...sqliteOnly.flatMap((path) => ['--testPathIgnorePatterns', path]),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, TEST_LANE: 'mongodb', NODE_OPTIONS: '--experimental-vm-modules' },
  },
)
process.exit(result.status ?? 1)
