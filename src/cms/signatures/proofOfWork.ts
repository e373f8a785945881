import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/sha'
import crypto from 'node:crypto'

/**
 * The self-hosted proof of work (ALTCHA): the server makes a signed challenge for each render,
 * the browser's widget finds the counter, the server checks it with `altcha-lib`. No third
 * party is asked anything. Each challenge names the nonce of the form it belongs to, so a
 * solution is good for that one form only.
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
}): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(Math.ceil(options.maxNumber / 2), options.maxNumber),
    deriveKey,
    expiresAt: options.expiresAt,
    data: { form: options.nonce },
    ...secretsOf(options.secret),
  })
}

export type ProofOutcome = 'verified' | 'missing' | 'invalid'

/**
 * Whether the widget's field (`altcha`: base64 JSON of the challenge and its solution) proves
 * the work for the form with `nonce`. Anything that does not parse is `invalid`, an empty field
 * `missing` (a browser without JavaScript).
 */
export async function checkProof(options: {
  secret: string
  nonce: string
  field: unknown
}): Promise<ProofOutcome> {
  if (options.field === undefined || options.field === null || options.field === '') {
    return 'missing'
  }
  if (typeof options.field !== 'string' || options.field.length > 4000) return 'invalid'
  let parsed: { challenge?: Challenge; solution?: unknown }
  try {
    parsed = JSON.parse(Buffer.from(options.field, 'base64').toString('utf8')) as typeof parsed
  } catch {
    return 'invalid'
  }
  const challenge = parsed?.challenge
  if (!challenge?.parameters || typeof parsed.solution !== 'object' || !parsed.solution) {
    return 'invalid'
  }
  if (challenge.parameters.data?.form !== options.nonce) return 'invalid'
  try {
    const result = await verifySolution({
      challenge,
      solution: parsed.solution as never,
      deriveKey,
      ...secretsOf(options.secret),
    })
    return result.verified ? 'verified' : 'invalid'
  } catch {
    return 'invalid'
  }
}
