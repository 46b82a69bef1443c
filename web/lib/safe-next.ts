/** Only same-site paths may be a post-login destination (no //evil.example or https://…). */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/login') || next.startsWith('/invite/')) return fallback;
  return next;
}
