import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/cms/access/fromMatrix'
import { groups, label } from '@/cms/labels'

/**
 * Who runs the job queues now (src/operations/jobs/lease.ts): one row per lease, renewed by its
 * holder every few seconds and taken over by another replica once it has expired. Only the
 * server writes here; no role reads it over any channel.
 */
export const JobLeases: CollectionConfig = {
  slug: 'job-leases',
  labels: {
    singular: label('Auftragslauf', 'Job lease'),
    plural: label('Auftragsläufe', 'Job leases'),
  },
  graphQL: false,
  access: collectionAccess('job-leases'),
  admin: { group: groups.system, hidden: true },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: label('Name', 'Name'),
    },
    {
      name: 'holder',
      type: 'text',
      required: true,
      label: label('Inhaber', 'Holder'),
    },
    {
      // Host, pid and start of the holder: on the same host, a dead holder's lease is taken at once.
      name: 'holderProcess',
      type: 'json',
      label: label('Prozess des Inhabers', 'Holder process'),
    },
    {
      // Milliseconds since the epoch: compared as a number on both adapters.
      name: 'expiresAt',
      type: 'number',
      required: true,
      label: label('Läuft ab (ms)', 'Expires at (ms)'),
    },
  ],
}
