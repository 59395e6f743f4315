// What every screen may read: who is signed in (with what the server says they may see), the
// UI's language, and unit names by code (users never see a code).
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './api/client';
import type { Me, UnitView } from './api/types';
import type { Lang } from './format';
import { t } from './i18n';

export interface AppState {
  me: Me;
  lang: Lang;
  units: ReadonlyMap<string, UnitView>;
  toast(message: string): void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppContext');
  return ctx;
}

/** The unit's name for its code; a code nobody knows shows as a dash, never as itself. */
export function unitName(units: ReadonlyMap<string, UnitView>, code: string | null | undefined): string {
  if (!code) return t('ticket.noUnit');
  return units.get(code)?.name ?? t('app.none');
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.body?.errors?.map((e) => `${e.field}: ${e.reasons.join(', ')}`).join('; ');
    return fields ? `${err.message} (${fields})` : err.message;
  }
  return t('app.error');
}

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Loads `path` (null: nothing to load) and reloads it when the path changes or `reload()` is called. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: path !== null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { signal: ctrl.signal }).then(
      (data) => setState({ data, error: null, loading: false }),
      (error) => !ctrl.signal.aborted && setState({ data: null, error, loading: false }),
    );
    return () => ctrl.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
