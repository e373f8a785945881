import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Starts the bundled server as `npm start` does (NODE_ENV=production) and checks that it refuses,
 * with a message naming what is missing, before it serves anything.
 */
function startServer(
  env: Record<string, string>,
): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=production', '.server/server.mjs'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: os.tmpdir(),
        NODE_ENV: 'production',
        PORT: '39123',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, output })
    })
  })
}

const complete = {
  PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
  PREVIEW_SECRET: 'preview-secret',
  SERVER_URL: 'https://portal.example',
  LOG_LEVEL: 'warn',
}

test('refuses without PAYLOAD_SECRET, SERVER_URL and a database, naming each', async () => {
  const { code, output } = await startServer({})
  expect(code).toBe(1)
  for (const name of ['PAYLOAD_SECRET', 'SERVER_URL', 'DATABASE_URI', 'PREVIEW_SECRET']) {
    expect(output).toContain(name)
  }
  expect(output).not.toMatch(/at .*\.ts:\d+/) // a message, not a stack trace
})

test('refuses a database URI it does not support, saying what is accepted', async () => {
  const { code, output } = await startServer({ ...complete, DATABASE_URI: 'postgres://db/portal' })
  expect(code).toBe(1)
  expect(output).toMatch(/DATABASE_URI "postgres:\/\/db\/portal" is not supported/)
  expect(output).toMatch(/mongodb:\/\//)
})

test('refuses the first start on an empty database without ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-prod-'))
  const { code, signal, output } = await startServer({
    ...complete,
    DATABASE_URI: `file:${dir}/portal.db`,
  })
  expect(output).toContain('Set ADMIN_EMAIL and ADMIN_PASSWORD')
  expect({ code, signal }).toEqual({ code: 1, signal: null })
})
