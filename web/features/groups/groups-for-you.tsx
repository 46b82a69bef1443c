/** "Groups for you", on the home page (built by the groups feature). */
export function GroupsForYou() {
  return null;
}
