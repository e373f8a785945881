import type { Request } from 'express'

import type { Environment } from '@/core/env'
import { limits as graphqlLimits } from '@/cms/apiLimits'

/** The limits of the body policy, from the environment (src/core/env.ts, docs/limits.md). */
export type BodyLimits = {
  /** GraphQL requests (`limits.maxBodyBytes`); refused with GraphQL's 400, not 413. */
  graphql: number
  /** JSON bodies (REST, login, the admin's JSON calls): JSON_BODY_MAX_BYTES. */
  json: number
  /** `application/x-www-form-urlencoded` and every other kind of body: FORM_BODY_MAX_BYTES. */
  form: number
  /** Next server actions (the admin's form state, Lexical included): SERVER_ACTION_BODY_MAX_BYTES. */
  serverAction: number
  /** Multipart bodies (uploads, and the admin's document saves): UPLOAD_MAX_BYTES plus the JSON limit. */
  multipart: number
  /** The largest file (UPLOAD_MAX_BYTES): what a person uploading is told. */
  file: number
}

export type BodyClassName = 'graphql' | 'server action' | 'multipart' | 'JSON' | 'form' | 'other'

export type BodyClass = {
  name: BodyClassName
  limit: number
  /** The setting that holds the limit, named in the refusal so an operator knows what to raise. */
  setting: string
  /** The limit a person is told, when not `limit`: an upload's is the file's, without the form data. */
  told?: number
}

const contentType = (req: Request) => (req.get('content-type') ?? '').toLowerCase()

/** Which limit a request's body falls under: by route first, then by what it says it carries. */
export function bodyClassOf(req: Request, limits: BodyLimits): BodyClass {
  if (req.path === '/api/graphql') {
    return { name: 'graphql', limit: limits.graphql, setting: 'maxBodyBytes' }
  }
  if (req.get('next-action') !== undefined) {
    return {
      name: 'server action',
      limit: limits.serverAction,
      setting: 'SERVER_ACTION_BODY_MAX_BYTES',
    }
  }
  const type = contentType(req)
  if (type.startsWith('multipart/form-data')) {
    return {
      name: 'multipart',
      limit: limits.multipart,
      setting: 'UPLOAD_MAX_BYTES',
      told: limits.file,
    }
  }
  if (/^application\/([\w.+-]+\+)?json\b/.test(type)) {
    return { name: 'JSON', limit: limits.json, setting: 'JSON_BODY_MAX_BYTES' }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { name: 'form', limit: limits.form, setting: 'FORM_BODY_MAX_BYTES' }
  }
  return { name: 'other', limit: limits.form, setting: 'FORM_BODY_MAX_BYTES' }
}

/** The body policy's settings from the environment. */
export function bodySettings(env: Environment): { limits: BodyLimits; budgetBytes: number } {
  return {
    limits: {
      graphql: graphqlLimits.maxBodyBytes,
      json: env.jsonBodyMaxBytes,
      form: env.formBodyMaxBytes,
      serverAction: env.serverActionBodyMaxBytes,
      // The file, and the document data the admin sends with it (`_payload`) or alone.
      multipart: env.uploadMaxBytes + env.jsonBodyMaxBytes,
      file: env.uploadMaxBytes,
    },
    budgetBytes: env.bodyBudgetBytes,
  }
}
