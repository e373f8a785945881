import { keepInOutbox, outbox, OUTBOX_LIMIT } from '@/operations/mail/outbox'

test('the development outbox keeps the newest messages only, however many a client triggers', () => {
  outbox().length = 0
  for (let i = 0; i < OUTBOX_LIMIT + 50; i++) keepInOutbox({ subject: `mail ${i}` })
  expect(outbox()).toHaveLength(OUTBOX_LIMIT)
  expect(outbox()[0]?.subject).toBe('mail 50')
  expect(outbox().at(-1)?.subject).toBe(`mail ${OUTBOX_LIMIT + 49}`)
})
