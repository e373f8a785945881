import type { Payload, PayloadRequest } from 'payload'

import { normaliseSignerAddress } from '@/cms/signatures/address'
import { readFormToken } from '@/cms/signatures/formToken'
import { granted } from '@/cms/signatures/limits'
import { checkProof } from '@/cms/signatures/proofOfWork'
import { flowSettings } from '@/cms/signatures/settings'
import {
  CONFIRMATION_VALID_DAYS,
  hashToken,
  isWellFormedToken,
  newToken,
} from '@/cms/signatures/tokens'
import { inTransaction } from '@/cms/signatures/transaction'
import { subscriptionLinks } from '@/cms/updates/links'
import { subscriberOfToken } from '@/cms/updates/unsubscribeToken'
import { queueMail } from '@/operations/mail/queue'
import { asLanguage, type Language } from '@/operations/mail/recipientLanguage'
import { subscriptionConfirmationMail } from '@/operations/mail/texts/subscription'

import { SubscriptionRefused } from './errors'
import { subscriptionLimits } from './limits'

const DAY = 24 * 60 * 60 * 1000

/** What a subscribe form brings beside the address: its stamp and proof (with JavaScript), its trap. */
export type SubscribeEvidence = { formToken?: unknown; proof?: unknown; honeypot?: unknown }

/**
 * Whether the form carries a stamp and proof of work that hold: the portal's own pages fill them
 * in with JavaScript (the cached page has none). Without a proof the request is still served,
 * under a smaller limit per address; a proof that does not hold is refused.
 */
async function provedWork(payload: Payload, evidence: SubscribeEvidence): Promise<boolean> {
  const blank = (value: unknown) => typeof value !== 'string' || value.trim() === ''
  // Sent before the widget finished (or without JavaScript): served as without proof.
  if (blank(evidence.proof)) return false
  const stamp = readFormToken(payload.secret, evidence.formToken)
  if (!stamp) throw new SubscriptionRefused('form-invalid')
  const age = Date.now() - stamp.issuedAt
  if (age > flowSettings().settings.formMaxAgeMinutes * 60_000 || age < -60_000) {
    throw new SubscriptionRefused('form-expired')
  }
  const proof = await checkProof({
    secret: payload.secret,
    nonce: stamp.nonce,
    field: evidence.proof,
  })
  if (proof.outcome !== 'verified') throw new SubscriptionRefused('proof-invalid')
  return true
}

const findByEmail = (payload: Payload, email: string, req?: PayloadRequest) =>
  payload
    .find({
      collection: 'subscribers',
      where: { email: { equals: email } },
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      showHiddenFields: true,
      req,
    })
    .then(({ docs }) => docs[0])

/**
 * Subscribes an address to the updates, with double opt-in: a pending row and a confirmation
 * mail in the page's language; nothing else reaches the address before it is confirmed. The
 * answer is the same whatever the address's state (new, pending, subscribed already), so the
 * form reveals nothing about who subscribed.
 */
export async function subscribe(
  payload: Payload,
  raw: { email?: unknown; locale?: unknown },
  evidence: SubscribeEvidence,
  client: string,
): Promise<{ accepted: true }> {
  // A filled trap is a bot: told what a person is told, nothing kept.
  if (typeof evidence.honeypot === 'string' && evidence.honeypot.trim() !== '') {
    return { accepted: true }
  }
  const email = typeof raw.email === 'string' ? normaliseSignerAddress(raw.email) : null
  if (!email) throw new SubscriptionRefused('email')
  const language = asLanguage(raw.locale)
  const limits = subscriptionLimits()
  const proved = await provedWork(payload, evidence)
  await (proved ? limits.withProof : limits.withoutProof).take(client)

  const existing = await findByEmail(payload, email)
  if (existing?.status === 'active') return { accepted: true }
  // Past its confirmations for today an address gets no more mail; the answer does not say so.
  if (!(await granted(limits.confirmationsPerRecipient, email))) return { accepted: true }

  const token = newToken()
  const confirmExpiresAt = new Date(Date.now() + CONFIRMATION_VALID_DAYS * DAY).toISOString()
  const data = { language, confirmTokenHash: hashToken(token), confirmExpiresAt }
  const { serverUrl } = flowSettings()
  try {
    await inTransaction(payload, true, async (req) => {
      if (existing) {
        await payload.update({
          collection: 'subscribers',
          id: existing.id,
          data,
          req,
          overrideAccess: true,
          depth: 0,
        })
      } else {
        await payload.create({
          collection: 'subscribers',
          data: { ...data, email, status: 'pending', source: 'form' },
          req,
          overrideAccess: true,
          depth: 0,
        })
      }
      const mail = subscriptionConfirmationMail(language, {
        confirm: subscriptionLinks.confirmPage(serverUrl, language, token),
        days: CONFIRMATION_VALID_DAYS,
      })
      await queueMail(req, { to: email, kind: 'subscription-confirmation', language, ...mail })
    })
  } catch (error) {
    // The same address sent twice at once: the other request recorded it.
    if (!(await findByEmail(payload, email))) throw error
  }
  return { accepted: true }
}

export type SubscriptionConfirmOutcome = 'subscribed' | 'invalid' | 'expired'

/** Uses a confirmation link: the address receives updates from now on. */
export async function confirmSubscription(
  payload: Payload,
  token: unknown,
): Promise<SubscriptionConfirmOutcome> {
  if (!isWellFormedToken(token)) return 'invalid'
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { confirmTokenHash: { equals: hashToken(token) } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const subscriber = docs[0]
  if (!subscriber) return 'invalid'
  if (!subscriber.confirmExpiresAt || Date.parse(subscriber.confirmExpiresAt) < Date.now()) {
    return 'expired'
  }
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: {
      status: 'active',
      confirmedAt: new Date().toISOString(),
      confirmTokenHash: null,
      confirmExpiresAt: null,
    },
    overrideAccess: true,
    depth: 0,
  })
  return 'subscribed'
}

export type UnsubscribeOutcome = 'unsubscribed' | 'invalid'

/**
 * Ends a subscription by its token alone (no login, no cookie): the row is deleted at once with
 * its waiting mail, and a signature with the same address stops asking for updates. The address
 * stays only where the signature still needs it. Using a link twice is not an error.
 */
export async function unsubscribe(payload: Payload, token: unknown): Promise<UnsubscribeOutcome> {
  const id = subscriberOfToken(payload.secret, token)
  if (!id) return 'invalid'
  await inTransaction(payload, true, async (req) => {
    const subscriber = await payload.findByID({
      collection: 'subscribers',
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!subscriber) return
    await payload.delete({
      collection: 'subscribers',
      id: subscriber.id,
      req,
      overrideAccess: true,
      depth: 0,
    })
    await payload.update({
      collection: 'signatories',
      where: { emailKey: { equals: subscriber.email } },
      data: { consentToUpdates: false },
      req,
      overrideAccess: true,
      depth: 0,
    })
  })
  return 'unsubscribed'
}

/**
 * A signer who asked for updates is a subscriber once their signature is confirmed (the
 * confirmation proved the address): called in the confirmation's transaction.
 */
export async function subscribeSigner(
  req: PayloadRequest,
  signer: { email?: string | null; locale?: string | null; consentToUpdates?: boolean | null },
): Promise<void> {
  const email = signer.email ? normaliseSignerAddress(signer.email) : null
  if (!signer.consentToUpdates || !email) return
  const language: Language = asLanguage(signer.locale)
  const existing = await findByEmail(req.payload, email, req)
  if (existing?.status === 'active') return
  const data = {
    status: 'active' as const,
    confirmedAt: new Date().toISOString(),
    confirmTokenHash: null,
    confirmExpiresAt: null,
  }
  if (existing) {
    await req.payload.update({
      collection: 'subscribers',
      id: existing.id,
      data,
      req,
      overrideAccess: true,
      depth: 0,
    })
    return
  }
  await req.payload.create({
    collection: 'subscribers',
    data: { ...data, email, language, source: 'signature' },
    req,
    overrideAccess: true,
    depth: 0,
  })
}

/** A withdrawn signature ends its address's subscription, in the withdrawal's transaction. */
export async function endSubscriptionOf(req: PayloadRequest, address: string): Promise<void> {
  const email = normaliseSignerAddress(address)
  if (!email) return
  await req.payload.delete({
    collection: 'subscribers',
    where: { email: { equals: email } },
    req,
    overrideAccess: true,
    depth: 0,
  })
}
