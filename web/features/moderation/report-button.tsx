/** "Report" on a post or comment (built by the moderation feature). */
export function ReportButton(_props: { postId: string; commentId?: string }) {
  return null;
}
