import type { Payload, PayloadRequest } from 'payload'

import { actorOf } from '@/cms/access/matrix'

import { signaturesAwaitingModeration } from './moderation'
import { recentChanges, type RecentChange } from './recent'
import { scheduledPublications, type ScheduledPublication } from './scheduled'
import { submissionsInReview, type Submission } from './submissions'

export type DashboardData = {
  queue: Submission[]
  scheduled: ScheduledPublication[]
  recent: RecentChange[]
  /** Confirmed signatures waiting for the editors. */
  moderation: number
}

/** What the dashboard shows an editor or admin; nothing for anyone else. */
export async function dashboardData(
  payload: Payload,
  user: PayloadRequest['user'] | undefined,
): Promise<DashboardData | null> {
  const actor = actorOf(user)
  if (actor !== 'editor' && actor !== 'admin') return null
  const [queue, scheduled, recent, moderation] = await Promise.all([
    submissionsInReview(payload),
    scheduledPublications(payload),
    recentChanges(payload, user ?? null),
    signaturesAwaitingModeration(payload),
  ])
  return { queue, scheduled, recent, moderation }
}
