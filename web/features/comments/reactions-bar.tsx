/** The reactions under a post (built by the comments feature). */
export function ReactionsBar(_props: { postId: string; counts: Record<string, number>; mine: string[] }) {
  return null;
}
