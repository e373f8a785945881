import { composeMail, type ComposedMail } from '../compose'
import type { Language } from '../recipientLanguage'
import { greeting } from './greeting'

export type PausedEndpoint = {
  adminName?: string | null
  name: string
  url: string
  failures: number
  lastError: string
  link: string
}

/** To every admin: an endpoint kept failing and gets nothing more until someone resumes it. */
export function webhookPausedMail(language: Language, endpoint: PausedEndpoint): ComposedMail {
  const { name, url, failures, lastError, link } = endpoint
  if (language === 'en') {
    return composeMail(language, `Webhook paused: ${name}`, [
      { paragraph: greeting(language, endpoint.adminName) },
      {
        paragraph:
          `the webhook “${name}” (${url}) failed ${failures} deliveries in a row, each after ` +
          'all its retries, and is paused. Its events are not sent until it is active again.',
      },
      { quote: lastError },
      { paragraph: 'Once the receiver works again, set the webhook’s status to “active”.' },
      { link, label: 'Open the webhook' },
    ])
  }
  return composeMail(language, `Webhook pausiert: ${name}`, [
    { paragraph: greeting(language, endpoint.adminName) },
    {
      paragraph:
        `der Webhook „${name}“ (${url}) ist ${failures}-mal in Folge auch nach allen ` +
        'Wiederholungen gescheitert und wurde pausiert. Bis er wieder aktiv ist, erhält er nichts.',
    },
    { quote: lastError },
    { paragraph: 'Sobald der Empfänger wieder arbeitet, setzen Sie den Status auf „aktiv“.' },
    { link, label: 'Webhook öffnen' },
  ])
}
