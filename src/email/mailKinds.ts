/**
 * What each queued mail is, so that admins can tell them apart in the queue. A new kind of mail
 * (a signature's confirmation, say) adds its name here.
 */
export const mailKinds = ['password-reset', 'review-submitted', 'changes-requested'] as const
export type MailKind = (typeof mailKinds)[number]

/**
 * A mail's life: `queued` until a delivery succeeds (`sent`, its body deleted) or the last retry
 * fails (`failed`, kept for admins to retry); `skipped` when the server has no SMTP and logged
 * it instead.
 */
export const mailStatuses = ['queued', 'sent', 'failed', 'skipped'] as const
export type MailStatus = (typeof mailStatuses)[number]
