// The one way the UI talks to the system: every call goes through the gateway's /api/v1, carries
// the session's access token, and refreshes it once, transparently, when the server says it expired.
import type { LoginResult } from './types';

export interface FieldError {
  field: string;
  reasons: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { code?: string; error?: string; message?: string; errors?: FieldError[] } | null,
  ) {
    super(body?.message || `HTTP ${status}`);
  }
}

interface Session {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms when the access token ends (from the server's expiresIn). */
  expiresAt?: number;
}

/** Refresh this long before the access token ends, so no request is sent with a dying token. */
const REFRESH_MARGIN_MS = 10_000;
const sessionOf = (r: LoginResult, previous?: Session | null): Session => ({
  accessToken: r.accessToken,
  refreshToken: r.refreshToken ?? previous?.refreshToken,
  expiresAt: Date.now() + r.expiresIn * 1000,
});

const STORE_KEY = 'bekasi.session';
let session: Session | null = readSession();
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

function readSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function saveSession(next: Session | null): void {
  session = next;
  if (next) sessionStorage.setItem(STORE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORE_KEY);
  for (const l of listeners) l(next !== null);
}

export const signedIn = (): boolean => session !== null;
export const onSessionChange = (listener: (signedIn: boolean) => void): (() => void) => (listeners.add(listener), () => listeners.delete(listener));

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Ticket version the user saw (optimistic concurrency: If-Match). */
  version?: number;
  /** multipart uploads: sent as is, without a JSON content type. */
  form?: FormData;
  signal?: AbortSignal;
  /** Path prefix; the gateway's own routes (the live stream) live outside /api/v1. */
  base?: string;
}

/** Requests in flight, mirrored on <html data-busy> so a test (or a person) can tell the page settled. */
let inFlight = 0;
function busy(delta: number): void {
  inFlight += delta;
  document.documentElement.dataset.busy = String(inFlight);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  busy(1);
  try {
    return await sendNow(path, options);
  } finally {
    busy(-1);
  }
}

async function sendNow(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;
  return fetch(`${options.base ?? '/api/v1'}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal,
  });
}

async function parse(res: Response): Promise<any> {
  if (res.status === 204) return null;
  const type = res.headers.get('content-type') ?? '';
  return type.includes('json') ? res.json().catch(() => null) : null;
}

/** One refresh at a time, shared by every request that found its token expired. */
function refresh(): Promise<boolean> {
  if (!session?.refreshToken) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ refreshToken: session?.refreshToken }),
      });
      if (!res.ok) return false;
      const next = (await res.json()) as LoginResult;
      saveSession(sessionOf(next, session));
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** The access token, refreshed first when it is about to end (for XMLHttpRequest uploads). */
export async function freshToken(): Promise<string> {
  if (session?.expiresAt && session.expiresAt - Date.now() < REFRESH_MARGIN_MS) await refresh();
  return session?.accessToken ?? '';
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  await freshToken();
  let res = await send(path, options);
  if (res.status === 401 && session && (await refresh())) res = await send(path, options);
  const data = await parse(res);
  if (res.status === 401 && session) saveSession(null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data as T;
}

/** A file the API answers with (exports), fetched with the session's token. */
export async function download(path: string): Promise<Blob> {
  await freshToken();
  let res = await send(path, {});
  if (res.status === 401 && session && (await refresh())) res = await send(path, {});
  if (!res.ok) throw new ApiError(res.status, await parse(res));
  return res.blob();
}

export async function signIn(username: string, password: string): Promise<LoginResult> {
  const result = await api<LoginResult>('/auth/login', { method: 'POST', body: { username, password } });
  saveSession(sessionOf(result));
  return result;
}

export async function signOut(): Promise<void> {
  const current = session;
  saveSession(null);
  if (current?.refreshToken) {
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${current.accessToken}` },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    }).catch(() => undefined);
  }
}

/** Query string from an object, skipping empty values; arrays repeat the key. */
export function query(params: Record<string, string | number | boolean | readonly string[] | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    if (Array.isArray(v)) for (const item of v) q.append(k, item);
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
