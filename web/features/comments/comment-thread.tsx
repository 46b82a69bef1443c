/** Comments and replies under a post (built by the comments feature). */
export function CommentThread(_props: { postId: string; commentCount: number }) {
  return null;
}
