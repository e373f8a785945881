/**
 * The portal's answer "more work" (src/cms/signatures/errors.ts, `MoreWorkNeeded`): many
 * signatures came from this address or e-mail domain in the last hour, so the form's proof of
 * work must be redone for the harder challenge the answer carries. The form's own ALTCHA widget
 * solves it, as it solved the page's challenge: in the browser, in its web workers.
 */

/** Harder challenges solved for one form before it goes without a proof (for moderation). */
export const HARDER_TRIES = 2

/** The methods of the `altcha` package's custom element that this uses. */
type AltchaWidget = HTMLElement & {
  configure(config: { challenge: unknown }): Promise<void>
  verify(): Promise<{ payload?: string } | null>
}

/** The harder challenge of a "more work" answer's body; null for any other answer. */
export function moreWorkChallenge(body: unknown): unknown {
  const errors = (body as { errors?: { code?: unknown; challenge?: unknown }[] } | null)?.errors
  const first = Array.isArray(errors) ? errors[0] : undefined
  return first?.code === 'more-work' && first.challenge ? first.challenge : null
}

/**
 * The form's `altcha` value for `challenge`, solved by the form's widget; null when there is
 * no widget or it could not solve it (the form then goes without a proof, for moderation).
 */
export async function solveHarder(
  form: HTMLFormElement,
  challenge: unknown,
): Promise<string | null> {
  const widget = form.querySelector('altcha-widget') as AltchaWidget | null
  if (!widget || typeof widget.verify !== 'function') return null
  try {
    await widget.configure({ challenge })
    return (await widget.verify())?.payload || null
  } catch {
    return null
  }
}
