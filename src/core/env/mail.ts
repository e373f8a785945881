import { positiveInt, type Source } from './parse'

export type MailSettings = {
  smtp?: { host: string; port: number; user?: string; pass?: string }
  mailFrom: string
}

/** The SMTP server mails go through (without one, development logs them) and their sender. */
export function readMailSettings(source: Source, problems: string[]): MailSettings {
  const smtpHost = source.SMTP_HOST?.trim()
  const smtp = smtpHost
    ? {
        host: smtpHost,
        port: positiveInt(source, 'SMTP_PORT', 587, problems),
        user: source.SMTP_USER || undefined,
        pass: source.SMTP_PASS || undefined,
      }
    : undefined
  return {
    smtp,
    mailFrom: source.MAIL_FROM?.trim() || 'New Wave of European AI <portal@localhost>',
  }
}
