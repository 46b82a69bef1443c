/** The posts of a group, on the group's page (built by the posts feature). */
export function GroupFeed(_props: { groupId: string }) {
  return null;
}
