import { isIP } from 'node:net';
import type { AccountSession } from '#common/account';
import { parseUserAgent } from '#common/user-agent';
import type { SessionRow } from './account.service';

/**
 * Where a session was opened, coarsely: the network, not the machine (IPv4 /24, IPv6 /48) —
 * enough for a member to tell "home" from "somewhere else", and no more precise than needed.
 */
export function coarseAddress(address: string | null): string | null {
  if (!address) return null;
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const family = isIP(plain);
  if (family === 4) return `${plain.split('.').slice(0, 3).join('.')}.0/24`;
  if (family === 6) {
    if (plain === '::1') return '::1';
    const [head = '', tail = ''] = plain.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = plain.includes('::')
      ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
      : left;
    return `${groups
      .slice(0, 3)
      .map((g) => g.replace(/^0+(?=.)/, ''))
      .join(':')}::/48`;
  }
  return null;
}

/** One session as the member sees it: device, place, times — never its token. */
export function presentSession(row: SessionRow, currentSessionId: string): AccountSession {
  const { browser, os } = parseUserAgent(row.userAgent);
  return {
    id: row.id,
    browser,
    os,
    place: coarseAddress(row.ipAddress),
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.updatedAt.toISOString(),
    isCurrent: row.id === currentSessionId,
  };
}

/** After a password change: how many other sessions were signed out. */
export const presentPasswordChanged = (revokedSessions: number) => ({ revokedSessions });

/** After "sign out everywhere else": how many sessions were signed out. */
export const presentSessionsRevoked = (revoked: number) => ({ revoked });
