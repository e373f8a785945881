/**
 * Where a webhook may go: only public addresses, unless WEBHOOK_ALLOWED_NETWORKS names a private
 * network; every address a name resolves to must be allowed; IPv4 written inside IPv6 is judged
 * as the IPv4 address it is. No connection is opened here: the resolver is stubbed.
 */
import {
  checkedReceiverAddress,
  webhookResolver,
  type ResolvedAddress,
} from '@/operations/webhooks/receiverAddress'
import { readEnvironment } from '@/core/env'

const resolvesTo = (...addresses: ResolvedAddress[]) => webhookResolver.set(async () => addresses)
afterEach(() => webhookResolver.set(undefined))

const check = (url: string, allowed: string[] = []) => checkedReceiverAddress(new URL(url), allowed)

test.each([
  ['10.0.0.5', 'private'],
  ['172.16.3.4', 'private'],
  ['192.168.0.1', 'private'],
  ['127.0.0.1', 'loopback'],
  ['169.254.169.254', 'linkLocal'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['0.0.0.0', 'unspecified'],
])('a name resolving to %s (%s) is refused', async (address, range) => {
  resolvesTo({ address, family: 4 })
  await expect(check('https://hooks.example.org/x')).rejects.toThrow(`a ${range} address: refused`)
})

test.each([
  ['http://[::1]/x', 'loopback'],
  ['http://[fd00::1]/x', 'uniqueLocal'],
  ['http://[fe80::1]/x', 'linkLocal'],
  ['http://[::ffff:10.0.0.1]/x', 'private'],
  ['http://10.0.0.1/x', 'private'],
])('an address in the URL itself is checked too: %s', async (url, range) => {
  await expect(check(url)).rejects.toThrow(`a ${range} address: refused`)
})

test('a public address passes and is the one the connection goes to', async () => {
  resolvesTo({ address: '93.184.215.14', family: 4 })
  await expect(check('https://hooks.example.org/x')).resolves.toEqual({
    address: '93.184.215.14',
    family: 4,
  })
})

test('one private address among public ones is enough to refuse the name', async () => {
  resolvesTo({ address: '93.184.215.14', family: 4 }, { address: '192.168.7.7', family: 4 })
  await expect(check('https://hooks.example.org/x')).rejects.toThrow('192.168.7.7')
})

test('a private network named in WEBHOOK_ALLOWED_NETWORKS is allowed, its neighbours are not', async () => {
  resolvesTo({ address: '10.1.2.3', family: 4 })
  await expect(check('http://frontend.internal/x', ['10.1.0.0/16'])).resolves.toEqual({
    address: '10.1.2.3',
    family: 4,
  })
  resolvesTo({ address: '10.2.0.1', family: 4 })
  await expect(check('http://frontend.internal/x', ['10.1.0.0/16'])).rejects.toThrow('refused')
})

test('a malformed network in WEBHOOK_ALLOWED_NETWORKS stops the start with a message', () => {
  expect(() => readEnvironment({ WEBHOOK_ALLOWED_NETWORKS: '10.0.0.0/8, intranet' })).toThrow(
    'WEBHOOK_ALLOWED_NETWORKS: "intranet" is not a network such as 10.0.0.0/8',
  )
})
