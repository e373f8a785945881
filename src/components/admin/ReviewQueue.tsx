import type { Payload, PayloadRequest } from 'payload'

import { actorOf } from '@/access/matrix'

export const reviewQueueHref = '/admin/collections/projects?where[review.state][equals]=in-review'

/** How many partner projects wait for review, counting their newest drafts. */
export async function projectsInReview(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.find({
    collection: 'projects',
    draft: true,
    where: { 'review.state': { equals: 'in-review' } },
    limit: 1,
    depth: 0,
  })
  return totalDocs
}

/** On the dashboard, for editors and admins: the review queue and a link to it. */
export async function ReviewQueue({
  payload,
  user,
}: {
  payload: Payload
  user?: PayloadRequest['user']
}) {
  const actor = actorOf(user)
  if (actor !== 'editor' && actor !== 'admin') return null
  const count = await projectsInReview(payload)
  return (
    <section className="review-queue" aria-labelledby="review-queue-title">
      <h2 id="review-queue-title">Prüfungen / Review queue</h2>
      <p>
        {count === 0
          ? 'Keine Projekte warten auf Prüfung. / No projects are waiting for review.'
          : `${count} Projekt(e) warten auf Prüfung. / ${count} project(s) waiting for review.`}{' '}
        <a href={reviewQueueHref}>Zur Liste / Open the list</a>
      </p>
    </section>
  )
}
