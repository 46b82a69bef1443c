import {
  CONSENT_PURPOSES,
  CONSENT_TEXT_VERSION,
  type ConsentEvent,
  type ConsentSource,
  type MyConsents,
} from '#common/consents';
import type { ConsentEventRow, ConsentOverview } from './consents.service';

const presentEvent = (e: ConsentEventRow): ConsentEvent => ({
  purpose: e.purpose,
  granted: e.granted,
  textVersion: e.textVersion,
  locale: e.locale,
  source: e.source as ConsentSource,
  createdAt: e.createdAt.toISOString(),
});

/** A member's own consents: only ever shown to that member (there is no route for anyone else). */
export function presentMyConsents(overview: ConsentOverview): MyConsents {
  return {
    textVersion: CONSENT_TEXT_VERSION,
    reviewedAt: overview.reviewedAt?.toISOString() ?? null,
    purposes: CONSENT_PURPOSES.map((purpose) => {
      const latest = overview.latest.get(purpose);
      return {
        purpose,
        // profiles.consents is what every query enforces, so it is what the member is told.
        granted: overview.granted.includes(purpose),
        answeredAt: latest?.createdAt.toISOString() ?? null,
        textVersion: latest?.textVersion ?? null,
      };
    }),
    history: overview.history.map(presentEvent),
  };
}
