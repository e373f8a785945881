import type { GlobalConfig } from 'payload'

import { globalAccess, hiddenInAdmin } from '@/access/fromMatrix'
import { linksField } from '@/fields/links'
import { groups, label } from '@/labels'

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
        { name: 'label', type: 'text', required: true, localized: true },
        {
          name: 'link',
          type: 'text',
          required: true,
          admin: {
            description: 'Pfad wie /news oder absolute URL / a path such as /news or a URL',
          },
          validate: (value: unknown) =>
            typeof value === 'string' && /^(\/[^/]|\/$|https?:\/\/)/.test(value)
              ? true
              : 'Use a path starting with / or an absolute http(s) URL',
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
