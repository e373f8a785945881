import { loggerOptions } from '@/observability/logging/loggerOptions'
import { currentRequestId, inRequestScope } from '@/observability/logging/requestScope'

test('every log line written for a request carries its id, also after an await', async () => {
  const { mixin } = loggerOptions('info')
  expect(mixin()).toEqual({})
  const seen = await new Promise<Record<string, string>[]>((resolve) =>
    inRequestScope('req-1', () => {
      void (async () => {
        const first = mixin()
        await new Promise((done) => setTimeout(done, 1))
        resolve([first, mixin()])
      })()
    }),
  )
  expect(seen).toEqual([{ reqId: 'req-1' }, { reqId: 'req-1' }])
  expect(currentRequestId()).toBeUndefined()
})
