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
    return { and: [{ approved: { equals: true } }, { consentToDisplay: { equals: true } }] }
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

export function readAccess(entity: EntitySlug): Access {
  return ({ req: { user } }) => {
    const actor = actorOf(user)
    const published = grant(entity, actor, 'readPublished')
    const drafts = grant(entity, actor, 'readDraft')
    if (drafts === true) return true
    const publishedPart =
      published === true
        ? (publishedWhere(entity) ?? true)
        : published === 'own'
          ? ownWhere(entity, user)
          : false
    const draftPart = drafts === 'own' ? ownWhere(entity, user) : false
    return or([publishedPart, draftPart])
  }
}

/** Versions hold drafts: readable by those who may read drafts, and only those drafts. */
export function readVersionsAccess(entity: EntitySlug): Access {
  return ({ req: { user } }) => {
    const drafts = grant(entity, actorOf(user), 'readDraft')
    if (drafts === true) return true
    return drafts === 'own' ? ownWhere(entity, user, 'version.') : false
  }
}

export function createAccess(entity: EntitySlug): Access {
  return ({ req: { user } }) => {
    const allowed = grant(entity, actorOf(user), 'create')
    // "own": the server sets the owner (ownership hook); a partner without organization creates nothing.
    return allowed === true || (allowed === 'own' && organizationOf(user) !== null)
  }
}

function ownedOperation(entity: EntitySlug, operation: 'update' | 'delete'): Access {
  return ({ req: { user } }) => {
    const allowed = grant(entity, actorOf(user), operation)
    if (allowed === 'own') return ownWhere(entity, user)
    return allowed === true
  }
}

export const updateAccess = (entity: EntitySlug) => ownedOperation(entity, 'update')
export const deleteAccess = (entity: EntitySlug) => ownedOperation(entity, 'delete')

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
    return !(['readDraft', 'create', 'update', 'delete'] as const).some((op) =>
      grant(entity, actor, op),
    )
  }
}

/** Default for owner fields: a partner's forms start with its own organization filled in. */
export const ownOrganizationDefault = ({ user }: { user?: unknown }) =>
  organizationOf((user ?? null) as MaybeUser) ?? undefined
