import type {
  Access,
  CollectionBeforeOperationHook,
  FieldAccess,
  PayloadRequest,
  Where,
} from 'payload'

import { accessMatrix, actorOf, grant, type Entity, type EntitySlug } from './matrix'
import { relationId } from './relationId'

type MaybeUser = PayloadRequest['user']

/** The ID of the organization a user belongs to, whether populated or not. */
export function organizationOf(user: MaybeUser): string | null {
  return relationId((user as { organization?: unknown } | null)?.organization)
}

/** What "published" means for the public: the status, or for signatories approval and consent. */
function publishedWhere(entity: EntitySlug): Where | null {
  if (entity === 'signatories') {
    return { and: [{ status: { equals: 'approved' } }, { consentToDisplay: { equals: true } }] }
  }
  return (accessMatrix[entity] as Entity).drafts ? { _status: { equals: 'published' } } : null
}

/** The documents an actor owns: its organization's, or for users its own account. */
function ownWhere(entity: EntitySlug, user: MaybeUser, prefix = ''): Where | false {
  if (!user) return false
  if (entity === 'users') return { [`${prefix}id`]: { equals: user.id } }
  const owner = (accessMatrix[entity] as Entity).owner
  const org = organizationOf(user)
  if (!owner || !org) return false
  return { [`${prefix}${owner}`]: { equals: org } }
}

const or = (parts: (Where | boolean)[]): Where | boolean => {
  if (parts.includes(true)) return true
  const wheres = parts.filter((p): p is Where => typeof p === 'object')
  if (wheres.length === 0) return false
  return wheres.length === 1 ? wheres[0]! : { or: wheres }
}

const and = (parts: (Where | boolean)[]): Where | boolean => {
  if (parts.includes(false)) return false
  const wheres = parts.filter((p): p is Where => typeof p === 'object')
  if (wheres.length === 0) return true
  return wheres.length === 1 ? wheres[0]! : { and: wheres }
}

const hasTrash = (entity: EntitySlug) => Boolean((accessMatrix[entity] as Entity).trash)

/** Documents in the trash carry `deletedAt` (Payload's `trash`). */
const inTrash = (prefix = ''): Where => ({ [`${prefix}deletedAt`]: { exists: true } })
const notInTrash = (prefix = ''): Where => ({ [`${prefix}deletedAt`]: { exists: false } })

/**
 * Who may not see the trash never gets a trashed document: Payload lets any request ask for
 * `trash=true` (REST, GraphQL, local API) and guards it by read access alone.
 */
const trashLimit = (entity: EntitySlug, user: MaybeUser, prefix = ''): Where | boolean =>
  hasTrash(entity) && grant(entity, actorOf(user), 'trash') !== true ? notInTrash(prefix) : true

export function readAccess(entity: EntitySlug): Access {
  return ({ req: { user } }) => {
    const actor = actorOf(user)
    const published = grant(entity, actor, 'readPublished')
    const drafts = grant(entity, actor, 'readDraft')
    const publishedPart =
      published === true
        ? (publishedWhere(entity) ?? true)
        : published === 'own'
          ? ownWhere(entity, user)
          : false
    const draftPart = drafts === true ? true : drafts === 'own' ? ownWhere(entity, user) : false
    return and([or([publishedPart, draftPart]), trashLimit(entity, user)])
  }
}

/** Versions hold drafts: readable by those who may read drafts, and only those drafts. */
export function readVersionsAccess(entity: EntitySlug): Access {
  return ({ req: { user } }) => {
    const drafts = grant(entity, actorOf(user), 'readDraft')
    if (drafts === true) return trashLimit(entity, user, 'version.')
    return drafts === 'own'
      ? and([ownWhere(entity, user, 'version.'), trashLimit(entity, user, 'version.')])
      : false
  }
}

export function createAccess(entity: EntitySlug): Access {
  return ({ req: { user } }) => {
    const allowed = grant(entity, actorOf(user), 'create')
    // "own": the server sets the owner (ownership hook); a partner without organization creates nothing.
    return allowed === true || (allowed === 'own' && organizationOf(user) !== null)
  }
}

function granted(entity: EntitySlug, user: MaybeUser, operation: 'update' | 'delete') {
  const allowed = grant(entity, actorOf(user), operation)
  return allowed === 'own' ? ownWhere(entity, user) : allowed === true
}

/**
 * Updating, within what the actor may see of the trash (restoring is an update of a trashed
 * document, so it is the trash operation's).
 *
 * For who may not publish, two questions get "no" although such a user saves drafts: whether it
 * may save with `_status: 'published'` (the server turns such requests into drafts before access
 * is checked, see matrixGuard, so this refuses no real request), and the admin's probe without
 * any document (real updates always carry data), which decides the bulk publish, unpublish and
 * edit actions of list views. That is how the admin learns to offer partners no publish action.
 */
export function updateAccess(entity: EntitySlug): Access {
  const drafts = (accessMatrix[entity] as Entity).drafts
  return ({ req: { user }, data }) => {
    if (drafts && grant(entity, actorOf(user), 'publish') !== true) {
      if (!data || (data as { _status?: unknown })._status === 'published') return false
    }
    return and([granted(entity, user, 'update'), trashLimit(entity, user)])
  }
}

/**
 * Payload asks delete access both when a document goes into the trash (an update that sets
 * `deletedAt`, with that data) and when it is deleted for good (no data). The first is the trash
 * operation; the second, where the entity has a trash, only for documents already in it.
 */
export function deleteAccess(entity: EntitySlug): Access {
  return ({ req: { user }, data }) => {
    if (!hasTrash(entity)) return granted(entity, user, 'delete')
    const trashing = Boolean((data as { deletedAt?: unknown } | undefined)?.deletedAt)
    if (trashing) return grant(entity, actorOf(user), 'trash') === true
    return and([granted(entity, user, 'delete'), inTrash()])
  }
}

/** Field access for the owner field (and a user's role): only who may change owners. */
export function changeOwnerField(entity: EntitySlug): FieldAccess {
  return ({ req: { user } }) => grant(entity, actorOf(user), 'changeOwner') === true
}

/** Access for a collection, straight from the matrix. */
export function collectionAccess(entity: EntitySlug) {
  const drafts = (accessMatrix[entity] as Entity).drafts
  return {
    read: readAccess(entity),
    create: createAccess(entity),
    update: updateAccess(entity),
    delete: deleteAccess(entity),
    ...(drafts ? { readVersions: readVersionsAccess(entity) } : {}),
  }
}

/** Access for a global: reading as for collections, writing is `update`. */
export function globalAccess(entity: EntitySlug) {
  const drafts = (accessMatrix[entity] as Entity).drafts
  return {
    read: readAccess(entity),
    update: updateAccess(entity),
    ...(drafts ? { readVersions: readVersionsAccess(entity) } : {}),
  }
}

/**
 * Enforces on the server what access functions cannot express:
 * - who may not read drafts gets published documents whatever `draft` argument it sends
 *   (otherwise Payload queries the newest versions, and a published document with a pending
 *   draft would vanish from a public list);
 * - who may not publish saves drafts only: `draft` is forced, so a published document stays as
 *   it is until someone who may publish approves the change;
 * - who may not change owners creates documents owned by its own organization and never moves
 *   one to another.
 */
export function matrixGuard(entity: EntitySlug): CollectionBeforeOperationHook {
  const config = accessMatrix[entity] as Entity
  return ({ args, operation, req }) => {
    const given = args as {
      overrideAccess?: boolean
      draft?: boolean
      data?: Record<string, unknown>
    }
    // Trusted local calls (seeding, jobs, system code) are not a role's request.
    if (given.overrideAccess) return args
    const actor = actorOf(req.user)
    if (operation === 'read') {
      if (given.draft && grant(entity, actor, 'readDraft') === false)
        return { ...args, draft: false }
      return args
    }
    if (operation !== 'create' && operation !== 'update') return args
    let draft = given.draft
    const data = { ...given.data }
    if (config.drafts && grant(entity, actor, 'publish') !== true) {
      draft = true
      data._status = 'draft'
    }
    if (config.owner === 'organization' && grant(entity, actor, 'changeOwner') !== true) {
      if (operation === 'create') data.organization = organizationOf(req.user)
      else delete data.organization
    }
    return { ...args, draft, data } as typeof args
  }
}

/**
 * Hides an entity in the admin from partners where they can do nothing beyond reading what the
 * public reads (they see projects, people, media, their organization and their account).
 */
export function hiddenInAdmin(entity: EntitySlug) {
  return ({ user }: { user: unknown }): boolean => {
    const actor = actorOf(user as { role?: string } | null)
    // Only partners are hidden from things: Payload also asks with no user at all (e.g. when it
    // validates relationships during seeding), and hiding then would refuse valid references.
    if (actor !== 'partner') return false
    return !(['readDraft', 'create', 'update', 'delete', 'trash'] as const).some((op) =>
      grant(entity, actor, op),
    )
  }
}

/** Default for owner fields: a partner's forms start with its own organization filled in. */
export const ownOrganizationDefault = ({ user }: { user?: unknown }) =>
  organizationOf((user ?? null) as MaybeUser) ?? undefined
