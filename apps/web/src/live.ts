// Live updates: one Server-Sent Events stream from the gateway carrying "what changed" hints
// (a topic name, nothing more); each screen refetches through the scoped APIs. EventSource cannot
// send headers, so the stream is opened with a short-lived, single-use ticket the gateway issues
// to a signed-in caller.
import { useEffect, useRef } from 'preact/hooks';
import { api, onSessionChange, signedIn } from './api/client';

export type LiveTopic = 'tickets' | 'sla' | 'escalations' | 'ikp' | 'complaints';
type Listener = (topic: LiveTopic) => void;

const listeners = new Set<Listener>();
const statusListeners = new Set<(up: boolean) => void>();
let source: EventSource | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;

async function connect(): Promise<void> {
  if (source || !signedIn()) return;
  try {
    const { ticket } = await api<{ ticket: string }>('/live/tickets', { method: 'POST', base: '' });
    source = new EventSource(`/live/stream?ticket=${encodeURIComponent(ticket)}`);
    source.addEventListener('open', () => statusListeners.forEach((l) => l(true)));
    source.addEventListener('change', (e) => {
      const topic = (JSON.parse((e as MessageEvent<string>).data) as { topic: LiveTopic }).topic;
      listeners.forEach((l) => l(topic));
    });
    source.addEventListener('error', () => {
      // The ticket was single-use: reconnect with a new one rather than letting EventSource retry.
      disconnect();
      retry = setTimeout(() => void connect(), 3_000);
    });
  } catch {
    statusListeners.forEach((l) => l(false));
    retry = setTimeout(() => void connect(), 5_000);
  }
}

function disconnect(): void {
  source?.close();
  source = null;
  if (retry) clearTimeout(retry);
  retry = null;
  statusListeners.forEach((l) => l(false));
}

export function startLive(): void {
  onSessionChange((inNow) => (inNow ? void connect() : disconnect()));
  void connect();
}

export const onLiveStatus = (l: (up: boolean) => void): (() => void) => (statusListeners.add(l), () => statusListeners.delete(l));

/** Calls `refetch` (at most every 800 ms) when one of `topics` changed. */
export function useLive(topics: readonly LiveTopic[], refetch: () => void): void {
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const listener: Listener = (topic) => {
      if (!topics.includes(topic) || timer) return;
      timer = setTimeout(() => ((timer = null), latest.current()), 800);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (timer) clearTimeout(timer);
    };
  }, [topics.join(',')]);
}
