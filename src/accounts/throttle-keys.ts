// The keys sign-in attempts are counted under (./throttle.ts).
import { createHash } from 'node:crypto'
import { isIPv6 } from 'node:net'

/**
 * An account's key: a hash of the normalised e-mail, so that the table never holds what people
 * typed (a password pasted into the e-mail box, say) and an over-long input stays 43 characters.
 */
export function accountKey(email: string): string {
  return createHash('sha256').update(email).digest('base64url')
}

/**
 * An address's key: IPv4 as is (also when IPv4-mapped); IPv6 by its /64 network, because one
 * client commonly holds a whole /64 and could otherwise step through addresses.
 */
export function addressKey(address: string): string {
  const plain = address.replace(/%.*$/, '')
  if (!isIPv6(plain)) return plain
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)
  if (mapped) return mapped[1]!
  const [head = '', tail] = plain.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
          ...tailGroups,
        ]
  return `${groups
    .slice(0, 4)
    .map(group => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`
}
