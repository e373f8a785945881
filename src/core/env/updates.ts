import { blank, nonNegativeInt, positiveInt, type Source } from './parse'

/** E-mail updates to subscribers (src/cms/subscriptions/, src/cms/updates/, docs/updates.md). */
export type UpdateSettings = {
  /** Update mails sent per second, the SMTP provider's limit; 0 sends as fast as the server takes them. */
  mailsPerSecond: number
  /** Subscriptions one client address may ask for per hour with the form's proof of work. */
  subscribingPerAddressPerHour: number
  /** The same without proof of work (a browser without JavaScript, a script). */
  subscribingWithoutProofPerAddressPerHour: number
  /** Confirmation mails one e-mail address receives per day at most, however often it is entered. */
  confirmationsPerRecipientPerDay: number
  /** The mailbox named in every update's `List-Unsubscribe` beside the one-click URL. */
  unsubscribeMailbox: string | null
}

/** Mail signing with DKIM, so that `List-Unsubscribe` and `List-Unsubscribe-Post` are covered (RFC 8058). */
export type DkimSettings = { domainName: string; keySelector: string; privateKey: string } | null

export function readUpdateSettings(source: Source, problems: string[]): UpdateSettings {
  const mailbox = source.UPDATES_UNSUBSCRIBE_MAILBOX?.trim()
  if (mailbox && !/^[^\s@<>]+@[^\s@<>]+$/.test(mailbox)) {
    problems.push(`UPDATES_UNSUBSCRIBE_MAILBOX must be an e-mail address, got "${mailbox}"`)
  }
  return {
    mailsPerSecond: nonNegativeInt(source, 'UPDATES_MAILS_PER_SECOND', 10, problems),
    subscribingPerAddressPerHour: positiveInt(
      source,
      'SUBSCRIBE_PER_ADDRESS_PER_HOUR',
      60,
      problems,
    ),
    subscribingWithoutProofPerAddressPerHour: positiveInt(
      source,
      'SUBSCRIBE_WITHOUT_PROOF_PER_ADDRESS_PER_HOUR',
      10,
      problems,
    ),
    confirmationsPerRecipientPerDay: positiveInt(
      source,
      'SUBSCRIBE_CONFIRMATIONS_PER_RECIPIENT_PER_DAY',
      3,
      problems,
    ),
    unsubscribeMailbox: mailbox || null,
  }
}

/** All three DKIM settings, or none of them. */
export function readDkimSettings(source: Source, problems: string[]): DkimSettings {
  const domainName = source.DKIM_DOMAIN?.trim()
  const keySelector = source.DKIM_SELECTOR?.trim()
  // A key in one line of an environment file has its line breaks written as \n.
  const privateKey = source.DKIM_PRIVATE_KEY?.replace(/\\n/g, '\n').trim()
  const given = [domainName, keySelector, privateKey].filter((value) => !blank(value))
  if (given.length === 0) return null
  if (given.length < 3) {
    problems.push('DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY are set together or not at all')
    return null
  }
  if (!privateKey!.includes('PRIVATE KEY-----')) {
    problems.push('DKIM_PRIVATE_KEY must be a PEM private key (-----BEGIN PRIVATE KEY-----…)')
    return null
  }
  return { domainName: domainName!, keySelector: keySelector!, privateKey: privateKey! }
}
