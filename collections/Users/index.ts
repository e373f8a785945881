import type { CollectionConfig } from 'payload'

import { changeOwnerField, collectionAccess, hiddenInAdmin } from '@/cms/access/fromMatrix'
import { isAdmin } from '@/cms/access/isAdmin'
import { roles } from '@/cms/access/roles'
import { languageOptions } from '@/operations/mail/recipientLanguage'
import { limitPasswordResets } from './hooks/limitPasswordResets'
import { queueResetMail, takeOverResetMail } from './hooks/passwordResetMail'
import { purgeMailOfDeletedAccount } from './hooks/purgeMailOfDeletedAccount'
import { translate } from '@/cms/i18n/translate'
import { groups, label } from '@/cms/labels'

const roleLabels: Record<(typeof roles)[number], { de: string; en: string }> = {
  admin: label('Administrator:in', 'Administrator'),
  editor: label('Redaktion', 'Editor'),
  partner: label('Partner', 'Partner'),
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('Benutzer', 'User'), plural: label('Benutzer', 'Users') },
  graphQL: { singularName: 'User', pluralName: 'Users' },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // 0 turns off Payload's own interval, which deadlocks on SQLite; see limitPasswordResets.
    forgotPassword: { minRequestInterval: 0 },
  },
  hooks: {
    beforeOperation: [takeOverResetMail, limitPasswordResets],
    afterOperation: [queueResetMail],
    afterDelete: [purgeMailOfDeletedAccount],
  },
  admin: {
    hidden: hiddenInAdmin('users'),
    group: groups.system,
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'organization'],
  },
  access: { ...collectionAccess('users'), unlock: isAdmin },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('Name', 'Name') },
    {
      // The language of the mail this user receives (src/operations/mail/recipientLanguage.ts says why
      // the account carries it); each user sets their own, admins anyone's.
      name: 'language',
      type: 'select',
      // Optional, so that accounts created in code need not say; unset reads as German.
      defaultValue: 'de',
      options: languageOptions,
      label: label('Sprache der E-Mails', 'Language of e-mails'),
      admin: {
        position: 'sidebar',
        description: label(
          'In dieser Sprache schreibt Ihnen das Portal.',
          'The portal writes to you in this language.',
        ),
      },
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      options: roles.map((role) => ({ label: roleLabels[role], value: role })),
      label: label('Rolle', 'Role'),
      // Only admins set roles: nobody can raise their own.
      access: { create: changeOwnerField('users'), update: changeOwnerField('users') },
      admin: { position: 'sidebar' },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      label: label('Organisation', 'Organization'),
      access: { create: changeOwnerField('users'), update: changeOwnerField('users') },
      admin: { position: 'sidebar', condition: (data) => data?.role === 'partner' },
      validate: (
        value: unknown,
        {
          req,
          siblingData,
        }: { req: Parameters<typeof translate>[0]; siblingData: Record<string, unknown> },
      ) =>
        siblingData?.role === 'partner' && !value
          ? translate(req, 'portal:partnerOrganizationRequired')
          : true,
    },
  ],
}
