import type { ConsentPurpose } from '#common/consents';
import type { Db } from '#server/db/client';

/**
 * What one feature announces and others may act on, so that no feature calls up into another
 * (no import cycle between feature folders). Every announcement is made inside the announcing
 * transaction and every listener runs in it: if a listener fails, the whole action rolls back.
 * The listeners are wired in one place, server/hooks.ts; services reach them as `deps.hooks`.
 */
export interface DomainEvents {
  /** consents: a member withdrew these purposes (a new "no" in the ledger). */
  consentWithdrawn: { userId: string; purposes: ConsentPurpose[]; now: Date };
  /** pipeline: HR recorded a hire on a card (moved it to "rehired"). */
  hired: { hireId: string; cardId: string; referralId: string | null; now: Date };
  /** pipeline: a hire that had not started was cancelled (its card left the board, or erasure). */
  hireCancelled: { hireId: string; cardId: string; referralId: string | null; reason: string; now: Date };
  /** members: a member's profile was saved (what others are suggested about them may be stale). */
  profileChanged: { userId: string; now: Date };
}

export type DomainEventName = keyof DomainEvents;

/** Announces an event: runs every listener, in order, in the caller's transaction. */
export type DomainHooks = { [K in DomainEventName]: (tx: Db, event: DomainEvents[K]) => Promise<void> };

/** A listener gets the hooks too, so what it does may announce in turn (in the same transaction). */
export type DomainListener<K extends DomainEventName> = (
  tx: Db,
  event: DomainEvents[K],
  hooks: DomainHooks,
) => Promise<void>;

export type DomainListeners = { [K in DomainEventName]?: DomainListener<K>[] };

export function createHooks(listeners: DomainListeners): DomainHooks {
  const announce =
    <K extends DomainEventName>(name: K) =>
    async (tx: Db, event: DomainEvents[K]) => {
      const list = (listeners[name] ?? []) as DomainListener<K>[];
      for (const listener of list) await listener(tx, event, hooks);
    };
  const hooks: DomainHooks = {
    consentWithdrawn: announce('consentWithdrawn'),
    hired: announce('hired'),
    hireCancelled: announce('hireCancelled'),
    profileChanged: announce('profileChanged'),
  };
  return hooks;
}
