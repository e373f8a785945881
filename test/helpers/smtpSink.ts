import type { AddressInfo } from 'node:net'

import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** A mail as the sink received it over SMTP, parsed as a mail client would. */
export type ReceivedMail = {
  to: string[]
  from: string
  subject: string
  text: string
  html: string
  language: string | undefined
  /** The header lines as sent, by lower-case name (`list-unsubscribe`, `dkim-signature` …). */
  headers: Record<string, string>
}

/** How the sink answers the next messages, to play a mail server that is slow or down. */
type Behaviour = { refuse: number; gate?: Promise<void>; delayMs: number }

export type SmtpSink = {
  host: string
  port: number
  /** The settings a portal process needs to send here. */
  env: { SMTP_HOST: string; SMTP_PORT: string }
  received: ReceivedMail[]
  /** When each mail of `received` had arrived whole (`performance.now()`), before any answer. */
  receivedAt: number[]
  /** Resolves with the first mail, received already or later, that matches. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>
  /** The next `count` messages are refused with a temporary failure (451), as a server that is down. */
  refuseNext(count: number): void
  /**
   * Holds every message from now on until `release` is called: the server has the message and
   * has not answered yet, as a very slow server. Returns how many messages are being held.
   */
  hold(): { release(): void; waiting(): number }
  /** Answers every message only after `ms` (0: at once again), as a slow server (benchmark). */
  slowDown(ms: number): void
  close(): Promise<void>
}

const addresses = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : value ? [value] : []
  return list.flatMap((entry: { value?: { address?: string }[] }) =>
    (entry.value ?? []).map((item) => item.address ?? '').filter(Boolean),
  )
}

/**
 * A real SMTP server in the test process (nodemailer's `smtp-server`): the portal sends to it
 * as to any mail server, and a test reads what a user would find in their mailbox.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = []
  const listeners = new Set<(mail: ReceivedMail) => void>()
  const receivedAt: number[] = []
  const behaviour: Behaviour = { refuse: 0, delayMs: 0 }
  let held = 0

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    // A mail server here would ask DNS who is calling; the answer costs time and says nothing.
    disableReverseLookup: true,
    logger: false,
    // Do not wait for idle clients when the test ends.
    closeTimeout: 100,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const arrived = performance.now()
        void (async () => {
          if (behaviour.refuse > 0) {
            behaviour.refuse -= 1
            const refusal = new Error(
              'Mailbox temporarily unavailable, try again later',
            ) as Error & {
              responseCode?: number
            }
            refusal.responseCode = 451
            return callback(refusal)
          }
          if (behaviour.delayMs > 0) {
            await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs))
          }
          if (behaviour.gate) {
            held += 1
            await behaviour.gate
            held -= 1
          }
          const parsed = await simpleParser(Buffer.concat(chunks))
          const mail: ReceivedMail = {
            to: addresses(parsed.to),
            from: addresses(parsed.from)[0] ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            language: /<html lang="([a-z]+)"/.exec(String(parsed.html))?.[1],
            headers: Object.fromEntries(
              parsed.headerLines.map(({ key, line }) => [
                key,
                // Unfolded: a long header is sent over several lines (RFC 5322, 2.2.3).
                line
                  .slice(line.indexOf(':') + 1)
                  .replace(/\r?\n[ \t]+/g, ' ')
                  .trim(),
              ]),
            ),
          }
          received.push(mail)
          receivedAt.push(arrived)
          callback()
          for (const listener of listeners) listener(mail)
        })()
      })
    },
  })
  // A client that goes away mid-conversation (a portal killed with kill -9, its pooled
  // connections reset) is the client's end, not the sink's: without a listener the server's
  // 'error' event would crash the test process.
  server.on('error', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo

  return {
    host: '127.0.0.1',
    port,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port) },
    received,
    receivedAt,
    waitFor(match, timeoutMs = 20_000) {
      const found = received.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const listener = (mail: ReceivedMail) => {
          if (!match(mail)) return
          clearTimeout(timer)
          listeners.delete(listener)
          resolve(mail)
        }
        const timer = setTimeout(() => {
          listeners.delete(listener)
          reject(
            new Error(
              `No matching mail reached the SMTP sink within ${timeoutMs} ms; it has: ` +
                JSON.stringify(received.map(({ to, subject }) => ({ to, subject }))),
            ),
          )
        }, timeoutMs)
        listeners.add(listener)
      })
    },
    refuseNext(count) {
      behaviour.refuse = count
    },
    hold() {
      let release!: () => void
      behaviour.gate = new Promise<void>((resolve) => (release = resolve))
      return {
        release: () => {
          behaviour.gate = undefined
          release()
        },
        waiting: () => held,
      }
    },
    slowDown(ms) {
      behaviour.delayMs = ms
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
