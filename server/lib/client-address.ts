import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './http';

/** `::ffff:203.0.113.7` (an IPv4 client on a dual-stack socket) is `203.0.113.7`. */
const plain = (address: string) => {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
};

const lists = new WeakMap<readonly string[], BlockList>();

/** The TRUSTED_PROXIES entries (validated by server/lib/env.ts) as a node:net BlockList. */
function trustedList(entries: readonly string[]): BlockList {
  let list = lists.get(entries);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
    lists.set(entries, list);
  }
  return list;
}

const isTrusted = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * The address a request came from (decision 025). The socket's peer, unless that peer is one of
 * TRUSTED_PROXIES: then X-Forwarded-For is read from the right, skipping trusted proxies, and
 * the first address no proxy of ours vouches for is the client. Anything left of it was written
 * by the client itself and is never believed. Undefined under `app.request()` without a socket.
 */
export function resolveClientAddress({
  socketAddress,
  forwardedFor,
  trustedProxies,
}: {
  socketAddress: string | undefined;
  forwardedFor: string | undefined;
  trustedProxies: readonly string[];
}): string | undefined {
  if (!socketAddress) return undefined;
  const peer = plain(socketAddress);
  if (trustedProxies.length === 0 || !forwardedFor) return peer;
  const list = trustedList(trustedProxies);
  if (!isTrusted(list, peer)) return peer;
  const hops = forwardedFor.split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (isIP(hop) === 0) return peer; // a malformed hop: believe nothing beyond our own proxy
    if (!isTrusted(list, hop)) return hop;
  }
  return hops[0] ?? peer;
}

/** The client address of this request (see resolveClientAddress). */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  let socketAddress: string | undefined;
  try {
    socketAddress = getConnInfo(c).remote.address;
  } catch {
    socketAddress = undefined;
  }
  return resolveClientAddress({
    socketAddress,
    forwardedFor: c.req.header('x-forwarded-for'),
    trustedProxies: c.var.deps.env.TRUSTED_PROXIES,
  });
}
