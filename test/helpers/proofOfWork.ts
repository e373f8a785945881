import { solveChallenge, type Challenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/sha'

/** What the ALTCHA widget puts into the form's `altcha` field once it has solved a challenge. */
export async function solvedProof(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey })
  if (!solution) throw new Error('the test could not solve the challenge')
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64')
}
