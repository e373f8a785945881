import os from 'node:os'
import path from 'node:path'

/** Where the seeded template database lives for one `npm test` run. */
export const templateDatabase = path.join(os.tmpdir(), 'initiative-portal-tests', 'template.db')

export const testAdmin = { email: 'admin@test.example', password: 'test-admin-password-1' }

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
}
