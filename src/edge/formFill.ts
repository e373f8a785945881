import type { NextFunction, Request, Response } from 'express'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { issueSignatureForm } from '@/cms/signatures/form'
import {
  CHALLENGE_PLACEHOLDER,
  FORM_TOKEN_PLACEHOLDER,
  encodeChallenge,
} from '@/cms/signatures/formPlaceholders'
import { isSigningFormPage } from '@/cms/signatures/signingStep'
import { negotiatedEncoding } from '@/readCache/varyingHeaders'

import { holdAnswer } from './heldAnswer'

const compressors = { gzip: promisify(zlib.gzip), deflate: promisify(zlib.deflate) }

/** Below this a compressed answer saves less than its framing costs. */
const COMPRESS_FROM_BYTES = 1024

/**
 * Writes `value` over every occurrence of `placeholder` (same length) in a copy of `body`; the
 * copy, or null when the placeholder does not occur. The body may be the read cache's stored
 * answer, which must never change.
 */
export function fillPlaceholders(body: Buffer, values: [placeholder: string, value: string][]) {
  let filled: Buffer | null = null
  for (const [placeholder, value] of values) {
    if (placeholder.length !== value.length) throw new Error('a value must fill its placeholder')
    let at = body.indexOf(placeholder, 0, 'latin1')
    while (at !== -1) {
      filled ??= Buffer.from(body)
      filled.write(value, at, 'latin1')
      at = body.indexOf(placeholder, at + placeholder.length, 'latin1')
    }
  }
  return filled
}

/** A new stamp and challenge, as the placeholders' values. */
async function freshForm(secret: string): Promise<[string, string][]> {
  const form = await issueSignatureForm(secret)
  return [
    [FORM_TOKEN_PLACEHOLDER, form.formToken],
    [CHALLENGE_PLACEHOLDER, encodeChallenge(JSON.stringify(form.challenge))],
  ]
}

const PLACEHOLDERS = [FORM_TOKEN_PLACEHOLDER, CHALLENGE_PLACEHOLDER]

const varyOnEncoding = (res: Response) => {
  const vary = String(res.getHeader('vary') ?? '')
  if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) {
    res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
  }
}

/**
 * The signing form's page costs what a cache hit costs (docs/signatures.md): Next renders it
 * with placeholders for the stamp and the challenge, the read cache keeps that one rendering,
 * and here each answer, a hit or a miss, gets its own stamp and challenge written in, in the
 * HTML and in Next's RSC payload alike, so the form works without JavaScript too. Each filled
 * answer is `no-store` and has no ETag: its stamp is single-use, so neither a 304 nor a shared
 * cache may hand it out twice. The page is rendered uncompressed (its `Accept-Encoding` is taken
 * off before the cache and Next see it, so all visitors share one entry) and compressed here.
 */
export function formFill(secret: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isSigningFormPage(req.path)) {
      return next()
    }
    const encoding = negotiatedEncoding(req.get('accept-encoding') ?? '')
    delete req.headers['accept-encoding']
    // A validator could only name an answer whose stamp was spent.
    delete req.headers['if-none-match']
    delete req.headers['if-modified-since']
    let filled = false
    holdAnswer(res, {
      body: async (_res, body) => {
        const holdsForm = PLACEHOLDERS.some((placeholder) =>
          body.includes(placeholder, 0, 'latin1'),
        )
        const answer = (holdsForm && fillPlaceholders(body, await freshForm(secret))) || body
        filled = answer !== body
        // The answer was asked for uncompressed: an encoding named here is what a stored copy
        // kept of an earlier answer's headers (the cache stores headers as they went out).
        res.removeHeader('Content-Encoding')
        if (encoding === 'identity' || answer.length < COMPRESS_FROM_BYTES) return answer
        res.setHeader('Content-Encoding', encoding)
        return compressors[encoding](answer)
      },
      headers: (res, body) => {
        varyOnEncoding(res)
        res.setHeader('Content-Length', body.length)
        if (!filled) return
        res.setHeader('Cache-Control', 'no-store')
        res.removeHeader('ETag')
      },
    })
    next()
  }
}
