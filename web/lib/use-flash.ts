import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * A one-time message handed to the next page in history state, e.g.
 * `navigate(to, { state: { notice: 'saved' } })`. It stays while the component is mounted, but is
 * taken out of the history entry at once: a reload, or coming back with Back/Forward, must not say
 * "saved" again. Key the component by what it shows, so another member's page starts without it.
 *
 * The message is taken out of the browser's history entry directly, not with a router
 * navigation: a `navigate(…, { replace: true })` issued after the page mounted cancelled a
 * navigation the member had started meanwhile (a click on "Groups" right after the welcome step
 * landed back on the profile editor).
 */
export function useFlash<T>(name: string): T | undefined {
  const location = useLocation();
  const state = location.state as Record<string, unknown> | null;
  const incoming = state?.[name] as T | undefined;
  const [flash, setFlash] = useState(incoming);
  const { pathname, search, hash, key } = location;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` runs it again for every new entry.
  useEffect(() => {
    if (incoming === undefined) return;
    setFlash(incoming);
    // Only this page's own entry, and only while it is still the current one.
    const here = window.location;
    if (here.pathname !== pathname || here.search !== search || here.hash !== hash) return;
    const entry = window.history.state as { usr?: Record<string, unknown> | null } | null;
    const { [name]: _shown, ...rest } = entry?.usr ?? {};
    window.history.replaceState(
      { ...entry, usr: Object.keys(rest).length > 0 ? rest : null },
      '',
      `${pathname}${search}${hash}`,
    );
  }, [incoming, name, pathname, search, hash, key]);

  return flash;
}
