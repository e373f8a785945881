import { lookup } from 'node:dns/promises'

import ipaddr from 'ipaddr.js'

import { processSlot } from '@/core/processSingleton'

export type ResolvedAddress = { address: string; family: 4 | 6 }

/** Resolves a host name to every address it has, as the system resolver answers. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>

const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }))

/**
 * The resolver deliveries use. Tests put their own here to answer with a private address
 * without any DNS server, so no test ever opens a connection into a private network.
 */
export const webhookResolver = processSlot<Resolver>('webhook-resolver')

/** Why a receiver's address is refused: a delivery records it as its error. */
export class ReceiverRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReceiverRefused'
  }
}

/**
 * The only range a receiver may be in without being named in WEBHOOK_ALLOWED_NETWORKS: the
 * public internet. ipaddr.js names private (10/8, 172.16/12, 192.168/16), loopback, link-local
 * (with cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local, multicast, reserved
 * and the rest; IPv4 inside IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
 */
function isPublic(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return address.range() === 'unicast'
}

function inAllowedNetwork(address: ipaddr.IPv4 | ipaddr.IPv6, networks: string[]): boolean {
  return networks.some((network) => {
    const [base, bits] = ipaddr.parseCIDR(network)
    return base.kind() === address.kind() && address.match([base, bits] as never)
  })
}

const normalised = (address: string): ipaddr.IPv4 | ipaddr.IPv6 => {
  const parsed = ipaddr.parse(address)
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed
}

/**
 * The address a delivery connects to: the receiver's host resolved once, here, and checked.
 * The connection then goes to exactly this address (src/operations/webhooks/post.ts), so a host
 * name that resolved to a public address when the URL was saved, or a moment ago, cannot send
 * the connection into the portal's own network now (DNS rebinding). Every address the name has
 * must be allowed: a name with one public and one private address is refused.
 */
export async function checkedReceiverAddress(
  url: URL,
  allowedNetworks: string[],
): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const addresses = ipaddr.isValid(host)
    ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 } as const]
    : await (webhookResolver.get() ?? systemResolver)(host)
  if (addresses.length === 0) throw new ReceiverRefused(`${host} has no address`)
  for (const { address } of addresses) {
    const parsed = normalised(address)
    if (!isPublic(parsed) && !inAllowedNetwork(parsed, allowedNetworks)) {
      throw new ReceiverRefused(
        `${host} resolves to ${address}, a ${parsed.range()} address: refused ` +
          '(WEBHOOK_ALLOWED_NETWORKS names the private networks a receiver may be in)',
      )
    }
  }
  const first = addresses[0]!
  const parsed = normalised(first.address)
  return { address: parsed.toString(), family: parsed.kind() === 'ipv6' ? 6 : 4 }
}
