import type { PayloadRequest } from 'payload'

import { afterCommit } from '@/data/adapter/afterCommit'

import type { ComposedMail } from './compose'
import { DELIVER_MAIL_TASK, MAIL_QUEUE } from './deliverMail'
import { startDelivery } from './delivery'
import type { MailKind } from './mailKinds'
import { recipientLanguage, type Language } from './recipientLanguage'

export type QueuedMail = ComposedMail & { to: string; kind: MailKind; language: Language }

/** Addresses are compared as Payload stores users' addresses: trimmed and lower-cased. */
export const normaliseAddress = (address: string): string => address.trim().toLowerCase()

/**
 * Queues a delivery job for a queued mail in `req`'s transaction, and starts it once that
 * transaction has committed: right after the commit, not at the next cron tick (the cron is the
 * retry path). Nothing is awaited after the commit, so the save that caused the mail is
 * acknowledged without waiting for any mail server.
 */
export async function scheduleDelivery(req: PayloadRequest, mail: string): Promise<void> {
  const job = await req.payload.jobs.queue({
    task: DELIVER_MAIL_TASK,
    queue: MAIL_QUEUE,
    input: { mail },
    req,
  })
  await afterCommit(req, () => startDelivery(req.payload, String(job.id)))
}

/**
 * Records a mail with the change that causes it: inside `req`'s transaction, so a change that
 * rolls back leaves no mail, and a change that commits cannot lose its mail. Call it from a hook
 * that has the operation's `req` (Payload's `sendEmail` has none, which is why it is not used).
 */
export async function queueMail(req: PayloadRequest, mail: QueuedMail): Promise<void> {
  const queued = await req.payload.create({
    collection: 'mail-queue',
    data: { ...mail, to: normaliseAddress(mail.to), status: 'queued', attempts: 0 },
    req,
    overrideAccess: true,
    depth: 0,
  })
  await scheduleDelivery(req, String(queued.id))
}

/**
 * Deletes every recorded mail to an address, whatever its state: for an account that is
 * deleted or a signature that is withdrawn, in the same transaction. A delivery job whose mail
 * is gone finds nothing to send.
 */
export async function purgeMailTo(
  req: PayloadRequest,
  address: string,
  /** Only mail of these kinds (all when absent). */
  kinds?: readonly MailKind[],
): Promise<void> {
  const to = { to: { equals: normaliseAddress(address) } }
  await req.payload.db.deleteMany({
    collection: 'mail-queue',
    where: kinds ? { and: [to, { kind: { in: [...kinds] } }] } : to,
    req,
  })
}

/** Someone with an account: where their mail goes, their language, the name it greets. */
type Recipient = { email: string; name?: string | null; language?: string | null }

/**
 * Queues a mail to a user in their own language (`recipientLanguage`): `compose` writes it for
 * that language. Like `queueMail`, inside `req`'s transaction.
 */
export async function queueMailToUser(
  req: PayloadRequest,
  user: Recipient,
  kind: MailKind,
  compose: (language: Language) => ComposedMail,
): Promise<void> {
  const language = recipientLanguage(user)
  await queueMail(req, { to: user.email, kind, language, ...compose(language) })
}

/** A portal has a handful of editors and admins: everyone of a role hears of what concerns them. */
const ROLE_READ = 100

/** The users of one role (editors, admins), for mail that goes to all of them. */
export async function usersWithRole(req: PayloadRequest, role: 'editor' | 'admin') {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { role: { equals: role } },
    limit: ROLE_READ,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs
}
