/**
 * What a webhook endpoint can subscribe to (docs/webhooks.md). Content events are about what the
 * public sees: a draft saved over a published document sends nothing, since the published
 * document is unchanged.
 *
 * - `publish`: a document (or a global) becomes public: published, or created where there are
 *   no drafts;
 * - `unpublish`: a public document goes back to being a draft;
 * - `update`: a public document or global changes and stays public;
 * - `trash` / `restore`: a document moves into the trash or out of it;
 * - `delete`: a document is deleted for good;
 * - `signature-count`: the number of signatures shown on the declaration changes (coalesced).
 */
export const webhookEvents = [
  'publish',
  'unpublish',
  'update',
  'trash',
  'restore',
  'delete',
  'signature-count',
] as const
export type WebhookEvent = (typeof webhookEvents)[number]

export type ContentEvent = Exclude<WebhookEvent, 'signature-count'>

export const webhookEventLabels: Record<WebhookEvent, { de: string; en: string }> = {
  publish: { de: 'Veröffentlicht', en: 'Published' },
  unpublish: { de: 'Veröffentlichung zurückgenommen', en: 'Unpublished' },
  update: { de: 'Veröffentlichtes geändert', en: 'Published content updated' },
  trash: { de: 'In den Papierkorb gelegt', en: 'Moved to the trash' },
  restore: { de: 'Aus dem Papierkorb geholt', en: 'Restored from the trash' },
  delete: { de: 'Endgültig gelöscht', en: 'Deleted for good' },
  'signature-count': { de: 'Zahl der Unterschriften', en: 'Signature count' },
}

/** The collections and globals whose changes webhooks report: what the public reads. */
export const webhookCollections = [
  'news',
  'projects',
  'principles',
  'events',
  'people',
  'organizations',
  'media',
] as const
export const webhookGlobals = ['declaration', 'site'] as const
export type WebhookCollection = (typeof webhookCollections)[number]
export type WebhookGlobal = (typeof webhookGlobals)[number]
export type WebhookSource = WebhookCollection | WebhookGlobal

export const webhookSources: readonly WebhookSource[] = [...webhookCollections, ...webhookGlobals]

/** How the admin names each source, with its slug (what the message's `source` says). */
export const webhookSourceLabels: Record<WebhookSource, { de: string; en: string }> = {
  news: { de: 'Meldungen (news)', en: 'News (news)' },
  projects: { de: 'Projekte (projects)', en: 'Projects (projects)' },
  principles: { de: 'Prinzipien (principles)', en: 'Principles (principles)' },
  events: { de: 'Veranstaltungen (events)', en: 'Events (events)' },
  people: { de: 'Personen (people)', en: 'People (people)' },
  organizations: { de: 'Organisationen (organizations)', en: 'Organizations (organizations)' },
  media: { de: 'Medien (media)', en: 'Media (media)' },
  declaration: { de: 'Erklärung (declaration)', en: 'Declaration (declaration)' },
  site: { de: 'Website (site)', en: 'Site (site)' },
}

/** The `type` of a delivery's body, as the Standard Webhooks specification suggests (`a.b`). */
export const eventType = (event: WebhookEvent): string =>
  event === 'signature-count' ? 'signatures.count' : `content.${event}`

/**
 * A delivery's life: `queued` until the receiver answers 2xx (`sent`) or the last retry fails
 * (`failed`); `skipped` when its endpoint was switched off or paused before it went out. An
 * admin sends any of them again by setting it back to `queued`.
 */
export const deliveryStatuses = ['queued', 'sent', 'failed', 'skipped'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

export const deliveryStatusLabels: Record<DeliveryStatus, { de: string; en: string }> = {
  queued: { de: 'wartet', en: 'queued' },
  sent: { de: 'zugestellt', en: 'delivered' },
  failed: { de: 'fehlgeschlagen', en: 'failed' },
  skipped: { de: 'nicht gesendet (Endpunkt aus)', en: 'not sent (endpoint off)' },
}
