import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { devSecretFile, EnvironmentError, readEnvironment } from '@/core/env'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'portal-env-'))

describe('development defaults', () => {
  test('works with nothing set: SQLite file, localhost URL, seeding on', () => {
    const env = readEnvironment({}, { cwd: tempDir() })
    expect(env.production).toBe(false)
    expect(env.databaseUri).toBe('file:./data/portal.db')
    expect(env.serverUrl).toBe('http://localhost:3000')
    expect(env.port).toBe(3000)
    expect(env.seed).toBe(true)
    expect(env.uploadMaxBytes).toBe(15 * 1024 * 1024)
    expect(env.readCacheMaxBytes).toBe(64 * 1024 * 1024)
    expect(env.readCacheSharedMaxAge).toBe(0)
  })

  test('generates the secrets once into data/.secret and reuses them', () => {
    const cwd = tempDir()
    const first = readEnvironment({}, { cwd })
    const second = readEnvironment({}, { cwd })
    expect(first.payloadSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(second.payloadSecret).toBe(first.payloadSecret)
    expect(second.previewSecret).toBe(first.previewSecret)
    expect(fs.statSync(devSecretFile(cwd)).mode & 0o777).toBe(0o600)
  })

  test('SERVER_URL follows PORT and CORS always allows the portal itself', () => {
    const env = readEnvironment(
      { PORT: '4100', CORS_ORIGINS: 'https://a.example, https://b.example/' },
      { cwd: tempDir() },
    )
    expect(env.serverUrl).toBe('http://localhost:4100')
    expect(env.corsOrigins).toEqual([
      'http://localhost:4100',
      'https://a.example',
      'https://b.example',
    ])
  })

  test('rejects malformed numbers with a message naming the variable', () => {
    expect(() => readEnvironment({ PORT: 'eighty' }, { cwd: tempDir() })).toThrow(
      /PORT must be a positive whole number/,
    )
    expect(() => readEnvironment({ UPLOAD_MAX_BYTES: '-1' }, { cwd: tempDir() })).toThrow(
      /UPLOAD_MAX_BYTES/,
    )
  })
})

describe('SEARCH_INDEX', () => {
  test('on by default; on or off as set; anything else is refused, naming the variable', () => {
    expect(readEnvironment({}, { cwd: tempDir() }).searchIndex).toBe(true)
    expect(readEnvironment({ SEARCH_INDEX: 'off' }, { cwd: tempDir() }).searchIndex).toBe(false)
    expect(readEnvironment({ SEARCH_INDEX: 'ON' }, { cwd: tempDir() }).searchIndex).toBe(true)
    expect(() => readEnvironment({ SEARCH_INDEX: 'of' }, { cwd: tempDir() })).toThrow(
      /SEARCH_INDEX must be on or off, got "of"/,
    )
  })
})

describe('the body limits', () => {
  test('each is a positive number of bytes, named when it is not', () => {
    for (const name of [
      'JSON_BODY_MAX_BYTES',
      'FORM_BODY_MAX_BYTES',
      'SERVER_ACTION_BODY_MAX_BYTES',
      'BODY_BUDGET_BYTES',
    ]) {
      expect(() => readEnvironment({ [name]: '0' }, { cwd: tempDir() })).toThrow(new RegExp(name))
      expect(() => readEnvironment({ [name]: '2MB' }, { cwd: tempDir() })).toThrow(new RegExp(name))
    }
    expect(
      readEnvironment({ JSON_BODY_MAX_BYTES: '1048576' }, { cwd: tempDir() }).jsonBodyMaxBytes,
    ).toBe(1048576)
  })

  test('the budget must hold at least one upload', () => {
    expect(() =>
      readEnvironment({ BODY_BUDGET_BYTES: String(10 * 1024 * 1024) }, { cwd: tempDir() }),
    ).toThrow(/BODY_BUDGET_BYTES .* must hold at least one upload/)
  })
})

describe('the read cache settings', () => {
  test('READ_CACHE_MAX_BYTES=0 turns the cache off; other budgets are taken as given', () => {
    expect(
      readEnvironment({ READ_CACHE_MAX_BYTES: '0' }, { cwd: tempDir() }).readCacheMaxBytes,
    ).toBe(0)
    expect(
      readEnvironment({ READ_CACHE_MAX_BYTES: '1048576' }, { cwd: tempDir() }).readCacheMaxBytes,
    ).toBe(1048576)
  })

  test('READ_CACHE_SHARED_MAX_AGE is a number of seconds, 0 by default', () => {
    expect(
      readEnvironment({ READ_CACHE_SHARED_MAX_AGE: '60' }, { cwd: tempDir() })
        .readCacheSharedMaxAge,
    ).toBe(60)
  })

  test('refuses negative or malformed values, naming the variable', () => {
    for (const [name, value] of [
      ['READ_CACHE_MAX_BYTES', '-1'],
      ['READ_CACHE_MAX_BYTES', '64MB'],
      ['READ_CACHE_SHARED_MAX_AGE', '-5'],
      ['READ_CACHE_SHARED_MAX_AGE', '1.5'],
    ] as const) {
      expect(() => readEnvironment({ [name]: value }, { cwd: tempDir() })).toThrow(
        new RegExp(`${name} must be a whole number of 0 or more`),
      )
    }
  })
})

describe('production', () => {
  const complete = {
    NODE_ENV: 'production',
    PAYLOAD_SECRET: 'x'.repeat(40),
    PREVIEW_SECRET: 'preview',
    SERVER_URL: 'https://portal.example/',
    DATABASE_URI: 'mongodb://db:27017/portal',
  }

  test('refuses to start without secrets, public URL and database, naming each', () => {
    const cwd = tempDir()
    let error: unknown
    try {
      readEnvironment({ NODE_ENV: 'production' }, { cwd })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EnvironmentError)
    const problems = (error as EnvironmentError).problems.join('\n')
    for (const name of ['PAYLOAD_SECRET', 'PREVIEW_SECRET', 'SERVER_URL', 'DATABASE_URI']) {
      expect(problems).toContain(name)
    }
    // Nothing was generated: production never falls back to a development secret.
    expect(fs.existsSync(devSecretFile(cwd))).toBe(false)
  })

  test('refuses a short secret', () => {
    expect(() => readEnvironment({ ...complete, PAYLOAD_SECRET: 'short' })).toThrow(
      /at least 32 characters/,
    )
  })

  test('starts with everything set; seeding is off unless asked for', () => {
    const env = readEnvironment(complete)
    expect(env.serverUrl).toBe('https://portal.example')
    expect(env.seed).toBe(false)
    expect(readEnvironment({ ...complete, SEED: 'true' }).seed).toBe(true)
  })

  test('the build phase needs no secrets (it serves nothing)', () => {
    const env = readEnvironment(
      { NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' },
      { cwd: tempDir() },
    )
    expect(env.payloadSecret).toBe('build-only')
  })
})

describe('operations settings', () => {
  test('METRICS_TOKEN is unset by default (no /metrics), in production too', () => {
    expect(readEnvironment({}, { cwd: tempDir() }).metricsToken).toBeUndefined()
    const production = readEnvironment(
      {
        NODE_ENV: 'production',
        PAYLOAD_SECRET: 'p'.repeat(32),
        PREVIEW_SECRET: 'preview',
        SERVER_URL: 'https://portal.example',
        DATABASE_URI: 'file:/srv/portal.db',
      },
      { cwd: tempDir() },
    )
    expect(production.metricsToken).toBeUndefined()
  })

  test('a short METRICS_TOKEN is refused with a message saying how to make one', () => {
    expect(() => readEnvironment({ METRICS_TOKEN: 'secret' }, { cwd: tempDir() })).toThrow(
      /METRICS_TOKEN must be at least 32 characters long \(openssl rand -hex 32\)/,
    )
    const token = 'a1'.repeat(16)
    expect(readEnvironment({ METRICS_TOKEN: token }, { cwd: tempDir() }).metricsToken).toBe(token)
  })

  test('MEDIA_DIR is media/ in the project folder unless set, and always absolute', () => {
    expect(readEnvironment({}, { cwd: tempDir() }).mediaDir).toBe(path.resolve('media'))
    expect(readEnvironment({ MEDIA_DIR: '/srv/media' }, { cwd: tempDir() }).mediaDir).toBe(
      '/srv/media',
    )
    expect(readEnvironment({ MEDIA_DIR: 'uploads' }, { cwd: tempDir() }).mediaDir).toBe(
      path.resolve('uploads'),
    )
  })
})
