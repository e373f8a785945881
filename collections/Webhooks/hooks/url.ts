import type { TextFieldSingleValidation } from 'payload'

/**
 * A receiver's address as an admin types it: an absolute http(s) URL without a login in it
 * (credentials in a URL end up in logs). Where it leads is checked at every delivery, after the
 * name is resolved (src/operations/webhooks/receiverAddress.ts): a check here alone would be
 * beaten by a name that resolves elsewhere later.
 */
export const validateReceiverUrl: TextFieldSingleValidation = (value, { req }) => {
  const german = req.i18n?.language === 'de'
  let url: URL
  try {
    url = new URL(String(value ?? ''))
  } catch {
    return german
      ? 'Bitte eine vollständige Adresse (https://…) angeben.'
      : 'Enter a full address (https://…).'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return german ? 'Nur http:// und https:// sind möglich.' : 'Only http:// and https:// work.'
  }
  if (url.username || url.password) {
    return german
      ? 'Zugangsdaten gehören nicht in die Adresse; der Empfänger prüft die Signatur.'
      : 'No credentials in the address: the receiver verifies the signature instead.'
  }
  return true
}
