/**
 * Where the privacy webhook may never point: link-local addresses (169.254.0.0/16, fe80::/10, where
 * every cloud serves instance metadata and managed-identity tokens), Azure's WireServer
 * (168.63.129.16), other clouds' metadata addresses and names, and "this host" (0.0.0.0, ::). A
 * request's body is personal data, and a metadata service's answer can be a credential.
 *
 * Checked on the normalised address, in any spelling: IPv4 inside IPv6 (::ffff:a9fe:a9fe,
 * [::169.254.169.254], NAT64, 6to4), names with trailing dots, any case. At start-up on the URL
 * (config.ts), and at delivery time on every address the name resolves to (`guardedLookup`), so a
 * name that resolves, or is later made to resolve, to a metadata address is refused on the connection.
 */
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';

/** The error code of a connection refused by `guardedLookup`. */
export const ADDRESS_BLOCKED = 'WEBHOOK_ADDRESS_BLOCKED';

const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

/** Why this host (a name or an address, bracketed or not) must not be called, or undefined when it may. */
export function forbiddenHost(host: string): string | undefined {
  const normalised = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '');
  if (net.isIPv4(normalised)) return forbiddenIpv4(ipv4Bytes(normalised));
  if (net.isIPv6(normalised)) return forbiddenIpv6(ipv6Groups(normalised));
  return METADATA_NAMES.has(normalised) ? 'a cloud metadata name' : undefined;
}

/**
 * A lookup for outgoing connections that refuses, with code WEBHOOK_ADDRESS_BLOCKED, any name that
 * resolves to a forbidden address (one bad address among several is enough). `resolve` is the
 * system resolver unless a test gives its own table.
 */
export function guardedLookup(resolve: LookupFunction = dns.lookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    const byName = forbiddenHost(hostname);
    if (byName) return callback(blocked(byName), '', 0);
    resolve(hostname, { ...options, all: true }, (err, answer) => {
      if (err) return callback(err, '', 0);
      const addresses = Array.isArray(answer) ? answer : [{ address: answer, family: net.isIPv6(answer) ? 6 : 4 }];
      const reason = addresses.map((item) => forbiddenHost(item.address)).find((item) => item !== undefined);
      if (reason) return callback(blocked(reason), '', 0);
      if (addresses.length === 0) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function blocked(reason: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`the webhook's name resolves to ${reason}`), { code: ADDRESS_BLOCKED });
}

function forbiddenIpv4([a, b, c, d]: readonly number[]): string | undefined {
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 168 && b === 63 && c === 129 && d === 16) return 'the Azure WireServer';
  if ((a === 100 && b === 100 && c === 100 && d === 200) || (a === 192 && b === 0 && c === 0 && d === 192)) return 'a cloud metadata address';
  if (a === 0) return 'an unspecified address';
  return undefined;
}

function forbiddenIpv6(groups: readonly number[]): string | undefined {
  const embedded = embeddedIpv4(groups);
  if (embedded) return forbiddenIpv4(embedded);
  if ((groups[0] & 0xffc0) === 0xfe80) return 'a link-local address';
  if (groups.every((group) => group === 0)) return 'an unspecified address';
  if (groups.join(':') === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(':')) return 'a cloud metadata address';
  return undefined;
}

/** The IPv4 address an IPv6 address carries and would reach: mapped, compatible, SIIT, NAT64, 6to4. */
function embeddedIpv4(g: readonly number[]): number[] | undefined {
  const low = [g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff];
  const zeros = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return low; // ::ffff:a.b.c.d
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return low; // ::ffff:0:a.b.c.d
  if (zeros(0, 6) && (g[6] !== 0 || g[7] > 1)) return low; // ::a.b.c.d (not :: or ::1)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return low; // 64:ff9b::a.b.c.d
  if (g[0] === 0x2002) return [g[1] >> 8, g[1] & 0xff, g[2] >> 8, g[2] & 0xff]; // 2002:aabb:ccdd::
  return undefined;
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map(Number);
}

/** Eight 16-bit groups of a valid IPv6 address (zone id dropped, a trailing dotted quad folded in). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0];
  let quad: number[] | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    quad = ipv4Bytes(text.slice(lastColon + 1));
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head, tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = [...headGroups, ...fill, ...tailGroups].map((group) => parseInt(group, 16));
  if (quad) [groups[6], groups[7]] = [(quad[0] << 8) | quad[1], (quad[2] << 8) | quad[3]];
  return groups;
}
