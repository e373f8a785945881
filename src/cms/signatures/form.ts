import type { Challenge } from 'altcha-lib'

import { issueFormToken } from './formToken'
import { newChallenge } from './proofOfWork'
import { flowSettings } from './settings'

/**
 * What each signing form carries: the signed timestamp (with the form's nonce) and a
 * proof-of-work challenge for that nonce. Never cached: every answer of the signing page gets its
 * own (src/edge/formFill.ts), and so does every `signatureForm` call.
 */
export type SignatureForm = {
  formToken: string
  challenge: Challenge
  /** Seconds the form must be open before it may be sent. */
  minSeconds: number
  expiresAt: string
}

export async function issueSignatureForm(secret: string, now = Date.now()): Promise<SignatureForm> {
  const { settings } = flowSettings()
  const stamp = issueFormToken(secret, now)
  const expiresAt = new Date(now + settings.formMaxAgeMinutes * 60_000)
  const challenge = await newChallenge({
    secret,
    nonce: stamp.nonce,
    maxNumber: settings.proofOfWorkMaxNumber,
    expiresAt,
  })
  return {
    formToken: stamp.token,
    challenge,
    minSeconds: settings.minSeconds,
    expiresAt: expiresAt.toISOString(),
  }
}
