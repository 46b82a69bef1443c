import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * A one-time message handed to the next page in history state, e.g.
 * `navigate(to, { state: { notice: 'saved' } })`. It stays while the component is mounted, but is
 * taken out of the history entry at once: a reload, or coming back with Back/Forward, must not say
 * "saved" again. Key the component by what it shows, so another member's page starts without it.
 */
export function useFlash<T>(name: string): T | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as Record<string, unknown> | null;
  const incoming = state?.[name] as T | undefined;
  const [flash, setFlash] = useState(incoming);
  const { pathname, search, hash } = location;

  useEffect(() => {
    if (incoming === undefined) return;
    setFlash(incoming);
    const { [name]: _shown, ...rest } = state ?? {};
    void navigate(
      { pathname, search, hash },
      { replace: true, preventScrollReset: true, state: Object.keys(rest).length > 0 ? rest : null },
    );
  }, [incoming, name, state, navigate, pathname, search, hash]);

  return flash;
}
