/**
 * Runs before each test file: a private copy of the seeded template database, and the test
 * environment, set before anything imports the Payload config.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { templateDatabase, testEnvironment } from './testEnv'

const copy = path.join(os.tmpdir(), 'initiative-portal-tests', `${crypto.randomUUID()}.db`)
fs.copyFileSync(templateDatabase, copy)
Object.assign(process.env, testEnvironment, { DATABASE_URI: `file:${copy}` })
