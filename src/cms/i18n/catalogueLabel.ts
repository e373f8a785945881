import { portalTranslations, type PortalKey } from './translations'

/** A label object (`{ de, en }`) for config, taken from the portal's catalogue. */
export function catalogueLabel(key: PortalKey): { de: string; en: string } {
  const name = key.slice('portal:'.length) as keyof typeof portalTranslations.de.portal
  return { de: portalTranslations.de.portal[name], en: portalTranslations.en.portal[name] }
}
