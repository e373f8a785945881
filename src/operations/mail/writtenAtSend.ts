import type { Payload } from 'payload'

import { processSingleton } from '@/core/processSingleton'

import type { ComposedMail } from './compose'
import type { MailKind } from './mailKinds'

/** A mail ready for the transport, with any headers of its own (a mailing list's). */
export type OutgoingMail = ComposedMail & { headers?: Record<string, string> }

/** The recorded mail a writer gets: who, in which language, and what it refers to. */
export type RecordedMail = { update?: unknown; subscriber?: unknown; language?: string | null }

/**
 * Writes a recorded mail's body when it is sent, or null when it has nothing left to say (its
 * subject was deleted). `memo` lives as long as one run of deliveries, for what they share.
 */
export type MailWriter = (
  payload: Payload,
  mail: RecordedMail,
  memo: Map<string, unknown>,
) => Promise<OutgoingMail | null>

const writers = () => processSingleton('mail-writers', () => new Map<MailKind, MailWriter>())

/**
 * Mail of a kind whose body is written at sending rather than recorded (an update to thousands
 * of subscribers would otherwise store thousands of copies). The CMS registers the writer of
 * each such kind (src/cms/updates/message.ts); the delivery job calls it.
 */
export function writeAtSend(kind: MailKind, writer: MailWriter): void {
  writers().set(kind, writer)
}

export const writerOf = (kind: string): MailWriter | undefined => writers().get(kind as MailKind)
