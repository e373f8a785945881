'use client'

import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { translate } from '@/cms/i18n/translate'

/**
 * In a signature's sidebar: the download of everything the portal holds about this signer (a
 * request under the GDPR), from `/api/signatories/{id}/personal-data` (staff only).
 */
export function PersonalDataLink() {
  const { id } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { i18n } = useTranslation()
  if (!id) return null
  return (
    <p className="field-type">
      <a href={`${api}/signatories/${id}/personal-data`} download>
        {translate(i18n, 'portal:signaturePersonalData')}
      </a>
    </p>
  )
}
