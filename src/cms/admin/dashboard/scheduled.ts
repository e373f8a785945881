import type { CollectionSlug, Payload } from 'payload'

export type ScheduledPublication = {
  id: string
  type: 'publish' | 'unpublish'
  at: string
  collection: CollectionSlug | null
  global: string | null
  docId: string | null
  title: string
}

type ScheduleInput = {
  type?: string
  doc?: { relationTo: CollectionSlug; value: string }
  global?: string
}

const titleOf = (doc: Record<string, unknown> | null) =>
  String(doc?.title ?? doc?.name ?? doc?.slug ?? '')

/**
 * The scheduled publishing jobs still to run (Payload's `schedulePublish` task), soonest first,
 * with the title of what they will publish or unpublish. Jobs are closed to every role over the
 * API, so this reads them as the system does; the dashboard shows it to staff only.
 */
export async function scheduledPublications(
  payload: Payload,
  limit = 10,
): Promise<ScheduledPublication[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    sort: 'waitUntil',
    limit,
    depth: 0,
  })
  return Promise.all(
    docs.map(async (job): Promise<ScheduledPublication> => {
      const input = (job.input ?? {}) as ScheduleInput
      const target = input.doc
        ? ((await payload.findByID({
            collection: input.doc.relationTo,
            id: input.doc.value,
            draft: true,
            depth: 0,
            disableErrors: true,
          })) as Record<string, unknown> | null)
        : null
      return {
        id: String(job.id),
        type: input.type === 'unpublish' ? 'unpublish' : 'publish',
        at: String(job.waitUntil ?? ''),
        collection: input.doc?.relationTo ?? null,
        global: input.global ?? null,
        docId: input.doc ? String(input.doc.value) : null,
        title: titleOf(target),
      }
    }),
  )
}
