import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import type { DigestSection } from './digest.mail';

/**
 * The extension point for the digest's later sections: upcoming events (events feature) and people
 * to meet (the people issue). Neither exists yet, so the list is empty and the mail shows nothing
 * for them — no placeholder text. A feature adds a source here (the arrow goes digest → feature):
 * `load` gets a batch of members (policy viewers, groups loaded) and the start of each member's
 * period, and returns the section per member it has something for, already in their language and
 * already filtered through the visibility policy. A member with only such items still gets a
 * digest (they count as "something new").
 */
export interface DigestSectionSource {
  /** e.g. 'events', 'people'. */
  name: string;
  load(
    deps: Pick<AppDeps, 'db' | 'clock' | 'env'>,
    batch: { viewers: readonly Viewer[]; since: ReadonlyMap<string, Date>; now: Date },
  ): Promise<Map<string, DigestSection>>;
}

/** Upcoming events and people to meet register here when they are built. */
export const DIGEST_SECTION_SOURCES: readonly DigestSectionSource[] = [];
