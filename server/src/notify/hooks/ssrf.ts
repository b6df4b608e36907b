/**
 * The SSRF guard for outgoing hooks: a target must resolve only to public
 * addresses (every address DNS gives, checked), unless the instance admin set
 * OPSBOARD_WEBHOOKS_ALLOW_PRIVATE=1. The request then connects to the address
 * that was checked, so a second DNS answer cannot swap in a private one.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

function v4Private(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return (
    a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224
  );
}

/** True for loopback, private, link-local, carrier-grade NAT, unspecified, multicast and reserved addresses. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) return v4Private(ip);
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return v4Private(mapped[1]!);
  if (lower === '::' || lower === '::1') return true;
  return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(lower) || lower.startsWith('64:ff9b:') || lower.startsWith('100::');
}

export type Resolved = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

/** Resolves `host` and refuses it when any address is private (unless allowed). */
export async function resolvePublic(host: string, allowPrivate: boolean): Promise<Resolved> {
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await dnsLookup(bare, { all: true, verbatim: true });
  } catch {
    return { ok: false, reason: `cannot resolve ${host}` };
  }
  if (addresses.length === 0) return { ok: false, reason: `cannot resolve ${host}` };
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad && !allowPrivate) return { ok: false, reason: `${host} resolves to ${bad.address}, a private, loopback or link-local address; an instance admin may allow these with OPSBOARD_WEBHOOKS_ALLOW_PRIVATE=1` };
  const first = addresses[0]!;
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A URL an outgoing hook may post to: http(s), no credentials, a public host. Null when fine, else the reason. */
export async function checkHookUrl(raw: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http:// or https:// URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  const resolved = await resolvePublic(url.hostname, allowPrivate);
  return resolved.ok ? null : resolved.reason;
}
