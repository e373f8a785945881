import { WriteLock } from '@/data/adapter/writeLock'

/** Lets the promise callbacks that are ready run (a turn that could start, starts). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

test('a turn starts only when the one before it ends', async () => {
  const lock = new WriteLock()
  const endFirst = await lock.acquire()
  let secondStarted = false
  const second = lock.acquire().then((end) => {
    secondStarted = true
    return end
  })
  await settle()
  expect(secondStarted).toBe(false)
  endFirst()
  const endSecond = await second
  expect(secondStarted).toBe(true)
  endSecond()
  // Ending twice is harmless and does not end a later turn.
  endFirst()
  const endThird = await lock.acquire()
  let fourthStarted = false
  void lock.acquire().then(() => {
    fourthStarted = true
  })
  endSecond()
  await settle()
  expect(fourthStarted).toBe(false)
  endThird()
})

test('turns come in the order they were asked for', async () => {
  const lock = new WriteLock()
  const order: number[] = []
  await Promise.all(
    [1, 2, 3, 4].map(async (n) => {
      const end = await lock.acquire()
      order.push(n)
      await settle()
      end()
    }),
  )
  expect(order).toEqual([1, 2, 3, 4])
})

test('a holder that never ends its turn is reported and stops blocking the others', async () => {
  const lock = new WriteLock()
  const overruns: string[] = []
  const endLeaked = await lock.acquire({ ms: 20, onOverrun: () => overruns.push('leaked') })
  const endNext = await lock.acquire()
  expect(overruns).toEqual(['leaked'])
  // The leaked holder ending late must not end the turn of the one after it.
  endLeaked()
  let thirdStarted = false
  void lock.acquire().then(() => {
    thirdStarted = true
  })
  await settle()
  expect(thirdStarted).toBe(false)
  endNext()
})
