import express from 'express'
import { SignJWT } from 'jose'
import type { AddressInfo } from 'node:net'

import { identifyRequests, identityOf } from '@/edge/identity'
import { parseCookies } from '@/edge/identity/cookies'
import { offeredTokens, verifySessionToken } from '@/edge/identity/sessionToken'

const secret = 'a'.repeat(32)
const key = new TextEncoder().encode(secret)
const sign = (claims: Record<string, unknown>, expiresIn = 60, signingKey = key) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
    .sign(signingKey)

test('a session token counts only when it is validly signed, unexpired and names a user', async () => {
  expect(await verifySessionToken(await sign({ id: 'u1', collection: 'users' }), key)).toEqual({
    id: 'u1',
    collection: 'users',
  })
  const other = new TextEncoder().encode('b'.repeat(32))
  expect(
    await verifySessionToken(await sign({ id: 'u1', collection: 'users' }, 60, other), key),
  ).toBeNull()
  expect(
    await verifySessionToken(await sign({ id: 'u1', collection: 'users' }, -60), key),
  ).toBeNull()
  expect(await verifySessionToken(await sign({ collection: 'users' }), key)).toBeNull()
  expect(await verifySessionToken('not.a.token', key)).toBeNull()
  const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"id":"u1","collection":"users"}').toString('base64url')}.`
  expect(await verifySessionToken(none, key)).toBeNull()
})

test('tokens are looked for where Payload looks: JWT or Bearer authorization, then the cookie', () => {
  expect(offeredTokens({ authorization: 'JWT a', cookie: 'payload-token=b' }, 'payload')).toEqual([
    'a',
    'b',
  ])
  expect(offeredTokens({ authorization: 'Bearer a' }, 'payload')).toEqual(['a'])
  expect(offeredTokens({ authorization: 'users API-Key a' }, 'payload')).toEqual([])
  expect(offeredTokens({ cookie: 'other-token=b; consent=1' }, 'payload')).toEqual([])
  expect(parseCookies('a=1; b = 2 ; a=3; broken')).toEqual(
    new Map([
      ['a', '1'],
      ['b', '2'],
    ]),
  )
})

test('a request is a user with a valid token, in draft mode with the build’s preview cookie', async () => {
  const app = express()
  app.use(identifyRequests({ secret, cookiePrefix: 'payload', previewModeId: 'preview-id' }))
  app.use((req, res) => res.json(identityOf(req)))
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const identity = (headers: Record<string, string>) =>
    fetch(base, { headers }).then((r) => r.json())
  try {
    const token = await sign({ id: 'u1', collection: 'users' })
    expect(await identity({ Authorization: `JWT ${token}` })).toEqual({
      user: { id: 'u1', collection: 'users' },
      draftMode: false,
    })
    expect(await identity({ Authorization: 'JWT junk' })).toEqual({ user: null, draftMode: false })
    expect(await identity({ Cookie: '__prerender_bypass=preview-id' })).toEqual({
      user: null,
      draftMode: true,
    })
    expect(await identity({ Cookie: '__prerender_bypass=guessed' })).toEqual({
      user: null,
      draftMode: false,
    })
  } finally {
    server.close()
  }
})
