/**
 * Runs before each test file: a private database, and the test environment, set before anything
 * imports the Payload config. SQLite (the default): a copy of the seeded template. The MongoDB lane
 * (TEST_LANE=mongodb): a fresh database on TEST_MONGODB_URI, seeded by startPayload().
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { templateDatabase, testDatabaseDir, testEnvironment } from './testEnv'

function databaseForThisFile(): string {
  const name = `portal-test-${crypto.randomUUID()}`
  if (process.env.TEST_LANE === 'mongodb') {
    const url = new URL(process.env.TEST_MONGODB_URI ?? '')
    url.pathname = `/${name}`
    return url.toString()
  }
  const copy = path.join(testDatabaseDir, `${name}.db`)
  fs.copyFileSync(templateDatabase, copy)
  return `file:${copy}`
}

Object.assign(process.env, testEnvironment, { DATABASE_URI: databaseForThisFile() })
