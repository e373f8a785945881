/**
 * Answers depend on the UTC day (pages show what is upcoming): the shared cache is purged of the
 * day that ended at each midnight UTC, and of nothing else.
 */
import { jest } from '@jest/globals'

import { purgeEachDay, untilMidnightUtc } from '@/operations/sharedCache/dayPurge'

afterEach(() => jest.useRealTimers())

test('at each midnight UTC the day that ended is purged', async () => {
  jest.useFakeTimers({ now: new Date('2026-12-06T23:59:00.000Z') })
  const purged: string[][] = []
  const stop = purgeEachDay(async (tags) => {
    purged.push(tags)
  })
  await jest.advanceTimersByTimeAsync(59_000)
  expect(purged).toEqual([])
  await jest.advanceTimersByTimeAsync(1_000)
  expect(purged).toEqual([['day:2026-12-06']])
  await jest.advanceTimersByTimeAsync(24 * 60 * 60 * 1000)
  expect(purged).toEqual([['day:2026-12-06'], ['day:2026-12-07']])
  stop()
  await jest.advanceTimersByTimeAsync(24 * 60 * 60 * 1000)
  expect(purged).toHaveLength(2)
})

test('the wait until midnight is counted in UTC, whatever the local zone', () => {
  expect(untilMidnightUtc(new Date('2026-12-07T00:00:00.000+01:00'))).toBe(3_600_000)
  expect(untilMidnightUtc(new Date('2026-12-07T00:00:00.000Z'))).toBe(24 * 3_600_000)
})
