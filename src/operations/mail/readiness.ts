import type { Payload } from 'payload'

import type { MailTransportKind } from './adapter'

export type MailReadiness = { smtp: boolean; warning?: string }

/**
 * What `/readyz` says about mail. A server without SMTP is still ready (it serves everything
 * else, and still answers 200), but says that nothing is sent: operators see it where they
 * look, and once more in the log at start.
 */
export function mailReadiness(payload: Payload): MailReadiness {
  const kind = payload.email.name as MailTransportKind
  if (kind === 'smtp') return { smtp: true }
  return {
    smtp: false,
    warning:
      kind === 'none'
        ? 'No SMTP_HOST: no e-mail is sent (password resets, review notifications); each unsent mail is logged with its subject and recipient.'
        : 'No SMTP_HOST (development): e-mails are written to the log instead of being sent.',
  }
}
