/** The viewer's home feed (built by the posts feature). */
export function Feed() {
  return null;
}
