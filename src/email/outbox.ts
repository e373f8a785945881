/** A message the log transport "sent": kept in memory so tests and operators can read it. */
export type LoggedEmail = {
  from?: { address: string; name?: string }
  to?: { address: string; name?: string }[]
  subject?: string
  text?: string
  html?: string
}

const KEY = Symbol.for('initiative-portal.email-outbox')
type Holder = { [KEY]?: LoggedEmail[] }

/** Shared through globalThis: Next's compiled modules and src/server.ts are separate instances. */
export function outbox(): LoggedEmail[] {
  const holder = globalThis as Holder
  holder[KEY] ??= []
  return holder[KEY]
}
