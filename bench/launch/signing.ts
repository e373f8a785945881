/**
 * The signing form as a browser with JavaScript uses it: the form token from the page's markup,
 * the proof-of-work challenge from Next's inline payload (it is a prop of the client component
 * `ProofWidget`), the challenge solved with altcha-lib as the widget does, and the form posted
 * urlencoded with `Accept: application/json`, as `SignFormEnhancer` sends it.
 */
import { solveChallenge, type Challenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/sha'

import { decodeChallenge } from '../../src/cms/signatures/formPlaceholders'

export type SigningForm = { formToken: string; challenge: Challenge }

/** The text of Next's inline payload: the strings of every `self.__next_f.push([1,"…"])`. */
function inlinePayload(html: string): string {
  let text = ''
  for (const match of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) {
    text += JSON.parse(match[1]!) as string
  }
  return text
}

/** The form token and the challenge of one render of the signing form, or null if absent. */
export function readSigningForm(html: string): SigningForm | null {
  const formToken = /name="formToken" value="([^"]+)"/.exec(html)?.[1]
  const prop = /"challenge":("(?:[^"\\]|\\.)*")/.exec(inlinePayload(html))?.[1]
  if (!formToken || !prop) return null
  try {
    // The page carries it encoded to the fixed length of its placeholder, as the widget reads it.
    const json = decodeChallenge(JSON.parse(prop) as string)
    return json === null ? null : { formToken, challenge: JSON.parse(json) as Challenge }
  } catch {
    return null
  }
}

/** What the widget puts into the form's `altcha` field once it has solved the challenge. */
export async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey })
  if (!solution) throw new Error('launch: the proof-of-work challenge has no solution')
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64')
}

/**
 * Where signers' addresses are: a few domains, the first one (an institute) at 35 % of signers,
 * as when a declaration is forwarded inside an organization.
 */
const domains: [string, number][] = [
  ['uni-beispiel.de', 0.35],
  ['example.org', 0.25],
  ['mail.example', 0.25],
  ['institut.example', 0.15],
]

function domainFor(n: number): string {
  // Spread deterministically by the signer's number, so every step has the same mix.
  const x = (((n * 0.6180339887) % 1) + 1) % 1
  let sum = 0
  for (const [domain, share] of domains) {
    sum += share
    if (x < sum) return domain
  }
  return domains[0]![0]
}

/** The fields a signer fills in, and the hidden ones the form carries. */
export function signerFields(
  form: SigningForm,
  altcha: string,
  locale: string,
  run: string,
  n: number,
): URLSearchParams {
  return new URLSearchParams({
    locale,
    formToken: form.formToken,
    kind: 'person',
    name: `Launch Signer ${n}`,
    email: `signer-${run}-${n}@${domainFor(n)}`,
    organization: '',
    roleTitle: '',
    sector: '',
    country: 'DE',
    display: n % 3 ? 'named' : 'counted',
    website: '',
    altcha,
  })
}
