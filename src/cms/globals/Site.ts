import type { GlobalConfig } from 'payload'

import { globalAccess, hiddenInAdmin } from '@/cms/access/fromMatrix'
import { linksField } from '@/cms/fields/links'
import { translate } from '@/cms/i18n/translate'
import { groups, label } from '@/cms/labels'

export const Site: GlobalConfig = {
  slug: 'site',
  label: label('Website', 'Site'),
  graphQL: { name: 'Site' },
  admin: { group: groups.settings, hidden: hiddenInAdmin('site') },
  access: globalAccess('site'),
  fields: [
    { name: 'name', type: 'text', required: true, label: label('Name', 'Name') },
    { name: 'tagline', type: 'text', localized: true, label: label('Claim', 'Tagline') },
    {
      name: 'navigation',
      type: 'array',
      label: label('Navigation', 'Navigation'),
      fields: [
        {
          name: 'label',
          type: 'text',
          required: true,
          localized: true,
          label: label('Bezeichnung', 'Label'),
        },
        {
          name: 'link',
          type: 'text',
          required: true,
          label: label('Ziel', 'Link'),
          admin: {
            description: label(
              'Ein Pfad wie /news oder eine absolute Adresse',
              'A path such as /news or an absolute URL',
            ),
          },
          validate: (value: unknown, { req }: { req: Parameters<typeof translate>[0] }) =>
            typeof value === 'string' && /^(\/[^/]|\/$|https?:\/\/)/.test(value)
              ? true
              : translate(req, 'portal:pathOrUrlInvalid'),
        },
      ],
    },
    linksField({ name: 'footerLinks', label: label('Footer-Links', 'Footer links') }),
    { name: 'contactEmail', type: 'email', label: label('Kontakt-E-Mail', 'Contact e-mail') },
    {
      name: 'defaultSocialImage',
      type: 'upload',
      relationTo: 'media',
      label: label('Standard-Vorschaubild', 'Default social image'),
    },
  ],
}
