/**
 * What each queued mail is, so that admins can tell them apart in the queue. A new kind of mail
 * (a signature's confirmation, say) adds its name here.
 */
export const mailKinds = [
  'password-reset',
  'review-submitted',
  'changes-requested',
  'signature-confirmation',
  'signature-already-signed',
  'webhook-paused',
  'subscription-confirmation',
  'update',
  'update-test',
] as const
export type MailKind = (typeof mailKinds)[number]

/** How the admin names each kind, in its two languages. */
export const mailKindLabels: Record<MailKind, { de: string; en: string }> = {
  'password-reset': { de: 'Passwort zurücksetzen', en: 'Password reset' },
  'review-submitted': { de: 'Zur Prüfung eingereicht', en: 'Submitted for review' },
  'changes-requested': { de: 'Änderungen erbeten', en: 'Changes requested' },
  'signature-confirmation': { de: 'Unterschrift bestätigen', en: 'Confirm a signature' },
  'signature-already-signed': { de: 'Bereits unterzeichnet', en: 'Already signed' },
  'webhook-paused': { de: 'Webhook pausiert', en: 'Webhook paused' },
  'subscription-confirmation': { de: 'Abonnement bestätigen', en: 'Confirm a subscription' },
  update: { de: 'Neuigkeiten (Versand)', en: 'Update (mailing)' },
  'update-test': { de: 'Neuigkeiten (Test)', en: 'Update (test)' },
}

/**
 * A mail's life: `queued` until a delivery succeeds (`sent`, its body deleted) or the last retry
 * fails (`failed`, kept for admins to retry); `skipped` when the server has no SMTP and logged
 * it instead.
 */
export const mailStatuses = ['queued', 'sent', 'failed', 'skipped'] as const
export type MailStatus = (typeof mailStatuses)[number]

export const mailStatusLabels: Record<MailStatus, { de: string; en: string }> = {
  queued: { de: 'wartet', en: 'queued' },
  sent: { de: 'gesendet', en: 'sent' },
  failed: { de: 'fehlgeschlagen', en: 'failed' },
  skipped: { de: 'nicht gesendet (kein SMTP)', en: 'not sent (no SMTP)' },
}
