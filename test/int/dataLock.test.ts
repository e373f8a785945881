import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DataLockedError, lockPathOf, takeDataLock } from '@/data/adapter/dataLock'
import { holderPathOf, thisProcess } from '@/data/adapter/lockHolder'
import { holdDataLock } from '@/process/dataLock'

/**
 * The lock on the data after its holder dies (issue 24): a supervisor restarts the portal at once
 * after `kill -9`, and that start must not be refused for the lock the dead process left behind.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-data-lock-'))
let count = 0
const databaseFile = () => path.join(root, `portal-${++count}.db`)
const quiet = () => undefined
const sqlite = (file: string) => ({ kind: 'sqlite' as const, url: `file:${file}` })

/** Another process that takes the lock through the portal's own code and holds it. */
async function holderProcess(file: string): Promise<ChildProcess> {
  const lockModule = path.resolve('src/data/adapter/dataLock.ts')
  const script =
    `const { takeDataLock } = await import(${JSON.stringify(lockModule)});` +
    `await takeDataLock(${JSON.stringify(file)}, 'holder', () => {});` +
    `console.log('held'); setInterval(() => {}, 1000);`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk
      if (output.includes('held')) resolve()
    })
    child.stderr!.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => reject(new Error(`the holder exited (${code}): ${output}`)))
  })
  return child
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.on('exit', () => resolve())
    child.kill('SIGKILL')
  })

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

test('a start right after the holder was killed with kill -9 takes the lock at once', async () => {
  const file = databaseFile()
  const holder = await holderProcess(file)
  await expect(holdDataLock(sqlite(file))).rejects.toThrow(DataLockedError)
  await killed(holder)
  // The lock folder is still there and fresh (renewed less than 10 s ago).
  expect(fs.existsSync(lockPathOf(file))).toBe(true)
  const release = await holdDataLock(sqlite(file))
  // Held now by this process, so a third start is refused.
  await expect(holdDataLock(sqlite(file))).rejects.toThrow(/another process holds the lock/)
  await release()
  expect(fs.existsSync(lockPathOf(file))).toBe(false)
  expect(fs.existsSync(holderPathOf(lockPathOf(file)))).toBe(false)
}, 30_000)

test('a restore right after the portal was killed goes ahead as well', async () => {
  const file = databaseFile()
  await killed(await holderProcess(file))
  const release = await takeDataLock(file, 'Restore refused', quiet)
  await release()
}, 30_000)

/** A lock folder with a holder file that says `holder`, as a process that died would leave it. */
function leftBehind(file: string, holder: object) {
  fs.mkdirSync(lockPathOf(file))
  fs.writeFileSync(holderPathOf(lockPathOf(file)), JSON.stringify(holder))
}

test("a live process's pid with another start time is a recycled pid: the lock is free", async () => {
  // In a container the portal is pid 1 after every restart: the pid alone says nothing.
  const file = databaseFile()
  const self = thisProcess()
  if (self.startTicks === null) return // no /proc here: the pid is all there is
  leftBehind(file, { ...self, startTicks: self.startTicks - 1 })
  await (
    await takeDataLock(file, 'test', quiet)
  )()
})

test('a holder on another host, or one that left no holder file, counts as alive', async () => {
  const elsewhere = databaseFile()
  leftBehind(elsewhere, { ...thisProcess(), host: 'another-host', pid: 999_999 })
  await expect(takeDataLock(elsewhere, 'test', quiet)).rejects.toThrow(DataLockedError)

  const unnamed = databaseFile()
  fs.mkdirSync(lockPathOf(unnamed))
  await expect(takeDataLock(unnamed, 'test', quiet)).rejects.toThrow(DataLockedError)
})

test('of two starts at once over a dead holder, exactly one gets the lock', async () => {
  const file = databaseFile()
  await killed(await holderProcess(file))
  const results = await Promise.allSettled([
    takeDataLock(file, 'first', quiet),
    takeDataLock(file, 'second', quiet),
  ])
  const taken = results.filter((result) => result.status === 'fulfilled')
  expect(taken).toHaveLength(1)
  await (taken[0] as PromiseFulfilledResult<() => Promise<void>>).value()
}, 30_000)
