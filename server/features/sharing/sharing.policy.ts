import { isHr, type Viewer } from '#server/lib/access/policy';

/**
 * The share kit (issue 11): any member who may see a company post with a share kit gets a
 * personal link (visibility decided by the posts policy, in the query); how far a launch was
 * carried (clicks, links, top sharers) is HR's. A click is counted on the link and the post,
 * never who clicked: no session, no address, no cookie.
 */
export const canSeeShareStats = (viewer: Viewer) => isHr(viewer);

/** Only web addresses are ever redirected to (the posts feature validates them too). */
export const isRedirectable = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);
