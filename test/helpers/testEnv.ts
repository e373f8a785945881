import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'

// One folder per checkout, so two clones (or worktrees) can run their suites at the same time.
const checkout = crypto.createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)

/** Where the seeded template database and the test files' copies live for one `npm test` run. */
export const testDatabaseDir = path.join(os.tmpdir(), `initiative-portal-tests-${checkout}`)

/** The seeded template database that every test file copies. */
export const templateDatabase = path.join(testDatabaseDir, 'template.db')

export const testAdmin = { email: 'admin@test.example', password: 'test-admin-password-1' }

/**
 * Rate limits and admission by load off: a test makes hundreds of requests from one address in
 * seconds, on a machine that may be busy with other test files. The tests of the limits themselves
 * (test/int/rateLimits.test.ts, test/int/admissionByLoad.test.ts, test/e2e/hostileLoad.test.ts)
 * set their own.
 */
export const noRateLimits: Record<string, string> = {
  RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE: '0',
  RATE_LIMIT_UNCACHED_PER_MINUTE: '0',
  RATE_LIMIT_UNCACHED_SHARE_PER_MINUTE: '0',
  RATE_LIMIT_USER_PER_MINUTE: '0',
  RATE_LIMIT_SIGNING_FORMS_PER_MINUTE: '0',
  RATE_LIMIT_SIGNING_CEILING_PER_HOUR: '0',
  SIGNING_MORE_WORK_FROM_PER_ADDRESS_PER_HOUR: '0',
  SIGNING_MORE_WORK_FROM_PER_DOMAIN_PER_HOUR: '0',
  RATE_LIMIT_CONFIRMING_CEILING_PER_HOUR: '0',
  CONFIRMING_MODERATION_FROM_PER_ADDRESS_PER_HOUR: '0',
  RATE_LIMIT_WITHDRAWING_PER_HOUR: '0',
  RATE_LIMIT_RESENDING_PER_ADDRESS_PER_HOUR: '0',
  ADMISSION_BY_LOAD: 'off',
}

/** The environment every test process runs with: fixed, non-production test secrets. */
export const testEnvironment: Record<string, string> = {
  NODE_ENV: 'test',
  PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0000',
  PREVIEW_SECRET: 'test-preview-secret',
  SERVER_URL: 'http://localhost:3000',
  CORS_ORIGINS: 'https://frontend.example',
  ADMIN_EMAIL: testAdmin.email,
  ADMIN_PASSWORD: testAdmin.password,
  SEED: 'false',
  // Handled errors are logged by Payload; tests assert on responses. TEST_LOG_LEVEL=info to see them.
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  ...noRateLimits,
  // Signing forms may be sent at once, with a proof of work a test solves in milliseconds; the
  // abuse tests (test/int/signatureAbuse.test.ts) set their own.
  SIGNATURE_MIN_SECONDS: '0',
  SIGNATURE_POW_MAX_NUMBER: '200',
}
