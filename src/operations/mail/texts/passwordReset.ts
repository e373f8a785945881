import { composeMail, type ComposedMail } from '../compose'
import type { Language } from '../recipientLanguage'
import { greeting } from './greeting'

export type PasswordReset = { name?: string | null; link: string; validForMinutes: number }

/** To a user who asked for a new password: the one-time link of Payload's reset page. */
export function passwordResetMail(language: Language, reset: PasswordReset): ComposedMail {
  const minutes = reset.validForMinutes
  if (language === 'en') {
    return composeMail(language, 'Set a new password', [
      { paragraph: greeting(language, reset.name) },
      {
        paragraph:
          'Someone (most likely you) asked for a new password for your account on the portal. ' +
          `This link lets you set one; it works once, within ${minutes} minutes.`,
      },
      { link: reset.link, label: 'Set a new password' },
      {
        paragraph: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
      },
    ])
  }
  return composeMail(language, 'Neues Passwort festlegen', [
    { paragraph: greeting(language, reset.name) },
    {
      paragraph:
        'für Ihr Konto im Portal wurde ein neues Passwort angefordert, wahrscheinlich von Ihnen. ' +
        `Mit diesem Link legen Sie es fest; er gilt einmal, innerhalb von ${minutes} Minuten.`,
    },
    { link: reset.link, label: 'Neues Passwort festlegen' },
    {
      paragraph:
        'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, ' +
        'wie es ist.',
    },
  ])
}
