import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/sha'
import crypto from 'node:crypto'

/**
 * The self-hosted proof of work (ALTCHA): the server makes a signed challenge for each render,
 * the browser's widget finds the counter, the server checks it with `altcha-lib`. No third
 * party is asked anything. Each challenge names the nonce of the form it belongs to, so a
 * solution is good for that one form only, and the work factor it was made for
 * (src/cms/signatures/volume.ts): both are inside the signed challenge, so a client cannot
 * pick an easier one.
 */
const ALGORITHM = 'SHA-256'

const secretsOf = (secret: string) => {
  const derive = (purpose: string) =>
    crypto.createHmac('sha256', secret).update(`initiative-portal/altcha/${purpose}`).digest('hex')
  return { hmacSignatureSecret: derive('challenge'), hmacKeySignatureSecret: derive('key') }
}

export async function newChallenge(options: {
  secret: string
  nonce: string
  maxNumber: number
  expiresAt: Date
  /** Times the base work (1 unless the address or domain signed a lot this hour). */
  factor?: number
}): Promise<Challenge> {
  const factor = options.factor ?? 1
  const max = options.maxNumber * factor
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(Math.ceil(max / 2), max),
    deriveKey,
    expiresAt: options.expiresAt,
    data: { form: options.nonce, factor },
    ...secretsOf(options.secret),
  })
}

export type ProofOutcome = 'verified' | 'missing' | 'invalid'

/** The outcome, and for a verified proof the work factor its challenge was made for. */
export type ProofCheck = { outcome: ProofOutcome; factor: number }

const factorOf = (challenge: Challenge): number => {
  const factor = challenge.parameters.data?.factor
  return typeof factor === 'number' && factor >= 1 ? factor : 1
}

/**
 * Whether the widget's field (`altcha`: base64 JSON of the challenge and its solution) proves
 * the work for the form with `nonce`. Anything that does not parse is `invalid`, an empty field
 * `missing` (a browser without JavaScript).
 */
export async function checkProof(options: {
  secret: string
  nonce: string
  field: unknown
}): Promise<ProofCheck> {
  const outcome = await proofOutcome(options)
  return { outcome: outcome.outcome, factor: outcome.challenge ? factorOf(outcome.challenge) : 0 }
}

async function proofOutcome(options: {
  secret: string
  nonce: string
  field: unknown
}): Promise<{ outcome: ProofOutcome; challenge?: Challenge }> {
  if (options.field === undefined || options.field === null || options.field === '') {
    return { outcome: 'missing' }
  }
  if (typeof options.field !== 'string' || options.field.length > 4000)
    return { outcome: 'invalid' }
  let parsed: { challenge?: Challenge; solution?: unknown }
  try {
    parsed = JSON.parse(Buffer.from(options.field, 'base64').toString('utf8')) as typeof parsed
  } catch {
    return { outcome: 'invalid' }
  }
  const challenge = parsed?.challenge
  if (!challenge?.parameters || typeof parsed.solution !== 'object' || !parsed.solution) {
    return { outcome: 'invalid' }
  }
  if (challenge.parameters.data?.form !== options.nonce) return { outcome: 'invalid' }
  try {
    const result = await verifySolution({
      challenge,
      solution: parsed.solution as never,
      deriveKey,
      ...secretsOf(options.secret),
    })
    return result.verified ? { outcome: 'verified', challenge } : { outcome: 'invalid' }
  } catch {
    return { outcome: 'invalid' }
  }
}
