import type { CollectionSlug, Payload, RequestContext } from 'payload'

import { loadSeedContent, type SeedContent } from './content'
import { lookup, richText, steps, type Id, type Refs, type Step } from './steps'

/** Hooks can tell seeding apart (e.g. to skip notifications or cache work). */
const context: RequestContext = { seeding: true, disableRevalidate: true }

export type SeedReport = { created: Record<string, number>; kept: Record<string, number> }

const hasDrafts = (payload: Payload, collection: CollectionSlug) =>
  Boolean(payload.collections[collection]?.config.versions?.drafts)

async function seedCollection<T>(
  payload: Payload,
  step: Step<T>,
  refs: Refs,
  report: SeedReport,
  log: (line: string) => void,
) {
  const drafts = hasDrafts(payload, step.collection)
  const status = drafts ? { _status: 'published' } : {}
  let created = 0
  let kept = 0
  for (const item of step.items) {
    const { field, value } = step.match(item)
    // A seeded document an editor moved into the trash still holds its slug (or position): it
    // counts as there, stays in the trash, and is not created again beside it.
    const found = await payload.find({
      collection: step.collection,
      where: { [field]: { equals: value } },
      limit: 1,
      depth: 0,
      pagination: false,
      draft: drafts,
      trash: Boolean(payload.collections[step.collection]?.config.trash),
    })
    let id = found.docs[0]?.id as Id | undefined
    if (id) {
      kept++
    } else {
      const doc = await payload.create({
        collection: step.collection,
        locale: 'de',
        data: {
          ...step.shared(item, refs),
          ...step.localized(item, 'de', refs),
          ...status,
        } as never,
        context,
      })
      id = doc.id as Id
      await payload.update({
        collection: step.collection,
        id,
        locale: 'en',
        data: { ...step.localized(item, 'en', refs), ...status } as never,
        context,
      })
      created++
    }
    step.remember?.(item, id, refs)
  }
  report.created[step.collection] = created
  report.kept[step.collection] = kept
  log(`seed: ${step.collection}: ${created} created, ${kept} already there`)
}

async function seedDeclaration(payload: Payload, content: SeedContent, refs: Refs) {
  const current = await payload.findGlobal({
    slug: 'declaration',
    depth: 0,
    draft: true,
    locale: 'de',
  })
  if (current.title) return false
  const d = content.declaration
  const shared = {
    signedOn: d.signedOn,
    place: d.place,
    initiators: d.initiators.map(lookup(refs.people, 'person')),
    principles: d.principles.map(lookup(refs.principles, 'principle')),
  }
  for (const locale of ['de', 'en'] as const) {
    await payload.updateGlobal({
      slug: 'declaration',
      locale,
      context,
      data: {
        ...(locale === 'de' ? shared : {}),
        title: d.title[locale],
        subtitle: d.subtitle[locale],
        body: richText(d.body, locale, refs) as never,
        callToAction: d.callToAction[locale],
        privacyNotice: d.privacyNotice[locale],
        _status: 'published',
      },
    })
  }
  return true
}

async function seedSite(payload: Payload, content: SeedContent) {
  const current = await payload.findGlobal({ slug: 'site', depth: 0, locale: 'de' })
  if (current.name) return false
  const s = content.site
  const german = await payload.updateGlobal({
    slug: 'site',
    locale: 'de',
    context,
    data: {
      name: s.name,
      tagline: s.tagline.de,
      navigation: s.navigation.map((n) => ({ link: n.link, label: n.label.de })),
      footerLinks: s.footerLinks,
    },
  })
  // Navigation rows are shared between locales: the English labels go onto the same rows.
  await payload.updateGlobal({
    slug: 'site',
    locale: 'en',
    context,
    data: {
      tagline: s.tagline.en,
      navigation: (german.navigation ?? []).map((row, index) => ({
        id: row.id,
        link: row.link,
        label: s.navigation[index]?.label.en ?? row.label,
      })),
    },
  })
  return true
}

/**
 * Writes the initiative's content into the database: creates what is missing (matched by slug,
 * position or name) and never touches what exists, so editors' changes survive and a second run
 * changes nothing.
 */
export async function seed(
  payload: Payload,
  { log = (line: string) => payload.logger.info(line) }: { log?: (line: string) => void } = {},
): Promise<SeedReport> {
  const content = loadSeedContent()
  const refs: Refs = {
    organizations: new Map(),
    people: new Map(),
    principles: new Map(),
    projects: new Map(),
  }
  const report: SeedReport = { created: {}, kept: {} }
  for (const step of steps(content)) await seedCollection(payload, step, refs, report, log)
  const declaration = await seedDeclaration(payload, content, refs)
  report.created.declaration = Number(declaration)
  report.kept.declaration = Number(!declaration)
  log(`seed: declaration: ${declaration ? 'written' : 'already there'}`)
  const site = await seedSite(payload, content)
  report.created.site = Number(site)
  report.kept.site = Number(!site)
  log(`seed: site: ${site ? 'written' : 'already there'}`)
  return report
}
