import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { upcomingEventsSource } from './digest.events';
import type { DigestSection } from './digest.mail';

export type SectionDeps = Pick<AppDeps, 'db' | 'clock' | 'env'>;

/**
 * The extension point for the digest's later sections: upcoming events (digest.events.ts), people
 * to meet (the people issue). A feature's section is added here (the arrow goes digest → feature).
 * `pool` is read once per range of members (decision 042: what every chunk of the range shares,
 * the way the post pool is); `load` gets a chunk of members (policy viewers, groups loaded), the
 * start of each member's period and that pool, and returns the section per member it has
 * something for, already in their language and already filtered through the visibility policy.
 * A member with only such items still gets a digest (they count as "something new").
 */
export interface DigestSectionSource<Pool = unknown> {
  /** e.g. 'events', 'people'. */
  name: string;
  pool(deps: SectionDeps, now: Date): Promise<Pool>;
  load(
    deps: SectionDeps,
    batch: { viewers: readonly Viewer[]; since: ReadonlyMap<string, Date>; now: Date; pool: Pool },
  ): Promise<Map<string, DigestSection>>;
}

/** Keeps a source's own pool type inside it; the list holds them side by side. */
export const digestSource = <Pool>(source: DigestSectionSource<Pool>) =>
  source as unknown as DigestSectionSource;

/** People to meet registers here when it is built. */
export const DIGEST_SECTION_SOURCES: readonly DigestSectionSource[] = [digestSource(upcomingEventsSource)];
