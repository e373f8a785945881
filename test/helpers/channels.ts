import type { CollectionSlug, Payload } from 'payload'

import type { EntitySlug } from '@/cms/access/matrix'
import type { User } from '@/payload-types'

import { graphql, rest } from './api'

/** One caller: the public (no user) or a logged-in user with its REST/GraphQL token. */
export type Caller = { name: string; user?: User; token?: string }

export type Outcome = { ok: boolean; doc?: Record<string, unknown> | null }

/** `trash`: include documents in the trash (Payload's `trash` argument). */
type Options = { draft?: boolean; trash?: boolean }

/** The same operation through REST, GraphQL or the local API (with access enforced). */
export type Channel = {
  name: 'REST' | 'GraphQL' | 'local'
  read(entity: EntitySlug, id: string | null, caller: Caller, options?: Options): Promise<Outcome>
  create(
    entity: EntitySlug,
    data: Record<string, unknown>,
    caller: Caller,
    options?: Options,
  ): Promise<Outcome>
  update(
    entity: EntitySlug,
    id: string | null,
    data: Record<string, unknown>,
    caller: Caller,
    options?: Options,
  ): Promise<Outcome>
  remove(entity: EntitySlug, id: string, caller: Caller, options?: Options): Promise<Outcome>
}

const isGlobal = (entity: EntitySlug) => entity === 'declaration' || entity === 'site'

export function restChannel(): Channel {
  const path = (entity: EntitySlug, id: string | null) =>
    isGlobal(entity) ? `/globals/${entity}` : id ? `/${entity}/${id}` : `/${entity}`
  const query = (options?: Options) => {
    const params = new URLSearchParams()
    if (options?.draft) params.set('draft', 'true')
    if (options?.trash) params.set('trash', 'true')
    const text = params.toString()
    return text ? `?${text}` : ''
  }
  return {
    name: 'REST',
    async read(entity, id, caller, options) {
      const res = await rest('GET', `${path(entity, id)}${query(options)}`, { token: caller.token })
      const ok = res.status === 200 && (!isGlobal(entity) || Object.keys(res.body).length > 0)
      return { ok, doc: ok ? res.body : null }
    },
    async create(entity, data, caller, options) {
      const res = await rest('POST', `${path(entity, null)}${query(options)}`, {
        token: caller.token,
        body: data,
      })
      return { ok: res.status === 201, doc: (res.body.doc as Record<string, unknown>) ?? null }
    },
    async update(entity, id, data, caller, options) {
      const method = isGlobal(entity) ? 'POST' : 'PATCH'
      const res = await rest(method, `${path(entity, id)}${query(options)}`, {
        token: caller.token,
        body: data,
      })
      return {
        ok: res.status === 200,
        doc: ((res.body.doc ?? res.body.result) as Record<string, unknown>) ?? null,
      }
    },
    async remove(entity, id, caller, options) {
      const res = await rest('DELETE', `${path(entity, id)}${query(options)}`, {
        token: caller.token,
      })
      return { ok: res.status === 200 }
    },
  }
}

export function graphqlChannel(payload: Payload): Channel {
  const names = (entity: EntitySlug) => {
    if (isGlobal(entity)) {
      const name = entity === 'declaration' ? 'Declaration' : 'Site'
      return { one: name, input: `mutation${name}Input`, updateInput: `mutation${name}Input` }
    }
    const config = payload.collections[entity as CollectionSlug]!.config
    const one = (config.graphQL && config.graphQL.singularName) || entity
    return { one, input: `mutation${one}Input`, updateInput: `mutation${one}UpdateInput` }
  }
  const run = async (
    query: string,
    variables: Record<string, unknown>,
    caller: Caller,
    field: string,
  ) => {
    const res = await graphql<Record<string, Record<string, unknown> | null>>(query, variables, {
      token: caller.token,
    })
    const doc = res.data?.[field] ?? null
    return { ok: !res.errors?.length && doc !== null, doc }
  }
  return {
    name: 'GraphQL',
    read(entity, id, caller, options) {
      const { one } = names(entity)
      const draft = Boolean(options?.draft)
      const trash = Boolean(options?.trash)
      return isGlobal(entity)
        ? run(
            `query ($draft: Boolean) { ${one}(draft: $draft) { updatedAt } }`,
            { draft },
            caller,
            one,
          ).then((r) => ({
            ...r,
            ok: r.ok && r.doc?.updatedAt != null,
          }))
        : run(
            `query ($id: String!, $draft: Boolean, $trash: Boolean) { ${one}(id: $id, draft: $draft, trash: $trash) { id } }`,
            { id, draft, trash },
            caller,
            one,
          )
    },
    create(entity, data, caller, options) {
      const { one, input } = names(entity)
      return run(
        `mutation ($data: ${input}!, $draft: Boolean) { create${one}(data: $data, draft: $draft) { id } }`,
        { data, draft: Boolean(options?.draft) },
        caller,
        `create${one}`,
      )
    },
    update(entity, id, data, caller, options) {
      const { one, updateInput } = names(entity)
      const draft = Boolean(options?.draft)
      const trash = Boolean(options?.trash)
      return isGlobal(entity)
        ? run(
            `mutation ($data: ${updateInput}!, $draft: Boolean) { update${one}(data: $data, draft: $draft) { updatedAt } }`,
            { data, draft },
            caller,
            `update${one}`,
          )
        : run(
            `mutation ($id: String!, $data: ${updateInput}!, $draft: Boolean, $trash: Boolean) { update${one}(id: $id, data: $data, draft: $draft, trash: $trash) { id } }`,
            { id, data, draft, trash },
            caller,
            `update${one}`,
          )
    },
    remove(entity, id, caller, options) {
      const { one } = names(entity)
      return run(
        `mutation ($id: String!, $trash: Boolean) { delete${one}(id: $id, trash: $trash) { id } }`,
        { id, trash: Boolean(options?.trash) },
        caller,
        `delete${one}`,
      )
    },
  }
}

export function localChannel(payload: Payload): Channel {
  const as = (caller: Caller) => ({
    overrideAccess: false as const,
    ...(caller.user ? { user: { ...caller.user, collection: 'users' as const } } : {}),
  })
  const attempt = async (work: () => Promise<unknown>): Promise<Outcome> => {
    try {
      const doc = (await work()) as Record<string, unknown> | null
      return { ok: doc !== null && doc !== undefined, doc }
    } catch {
      return { ok: false, doc: null }
    }
  }
  return {
    name: 'local',
    read: (entity, id, caller, options) =>
      attempt(async () => {
        if (isGlobal(entity)) {
          const doc = await payload.findGlobal({
            slug: entity as 'site',
            draft: options?.draft,
            ...as(caller),
          })
          return doc && (doc as { updatedAt?: unknown }).updatedAt ? doc : null
        }
        return payload.findByID({
          collection: entity as CollectionSlug,
          id: id!,
          draft: options?.draft,
          trash: options?.trash,
          disableErrors: true,
          ...as(caller),
        })
      }),
    create: (entity, data, caller, options) =>
      attempt(() =>
        payload.create({
          collection: entity as CollectionSlug,
          data: data as never,
          draft: options?.draft,
          ...as(caller),
        }),
      ),
    update: (entity, id, data, caller, options) =>
      attempt(() =>
        isGlobal(entity)
          ? payload.updateGlobal({
              slug: entity as 'site',
              data: data as never,
              draft: options?.draft,
              ...as(caller),
            })
          : payload.update({
              collection: entity as CollectionSlug,
              id: id!,
              data: data as never,
              draft: options?.draft,
              trash: options?.trash,
              ...as(caller),
            }),
      ),
    remove: (entity, id, caller, options) =>
      attempt(() =>
        payload.delete({
          collection: entity as CollectionSlug,
          id,
          trash: options?.trash,
          ...as(caller),
        }),
      ),
  }
}
