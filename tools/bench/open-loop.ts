// An open-loop load generator: request i is due at start + i / rate whatever happened to the ones
// before it (no coordinated omission), over many keep-alive connections; a request that waits for a
// free connection waits on the clock, because latency is counted from its intended send time.
import http from 'node:http';

export interface PlannedRequest {
  /** Sequence number within the run. */
  i: number;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface SentRequest {
  i: number;
  intendedAt: number;
  status: number;
  /** Intended send time to the response (ms). */
  responseMs: number;
  body: string;
}

export interface OpenLoopOptions {
  host: string;
  port: number;
  rate: number;
  durationMs: number;
  connections: number;
  /**
   * Requests not answered this long after the run's start are abandoned (status 0): a saturated
   * step then ends on time instead of waiting for a queue that grows faster than it drains.
   */
  timeoutMs?: number;
  /** Builds request i just before it is due (so signatures carry a fresh timestamp). */
  request: (i: number) => PlannedRequest;
}

export async function runOpenLoop(options: OpenLoopOptions): Promise<{ sent: SentRequest[]; startedAt: number; lagMs: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round((options.rate * options.durationMs) / 1000);
  const sent: SentRequest[] = [];
  const inFlight: Promise<void>[] = [];
  const startedAt = Date.now() + 50;
  let maxLag = 0;
  const fire = (i: number, intendedAt: number) =>
    new Promise<void>((resolve) => {
      let settled = false;
      const settle = (status: number, body: string) => {
        if (settled) return;
        settled = true;
        sent.push({ i, intendedAt, status, responseMs: Date.now() - intendedAt, body });
        resolve();
      };
      const planned = options.request(i);
      const req = http.request(
        { host: options.host, port: options.port, method: 'POST', path: planned.path, agent, headers: { ...planned.headers, 'content-length': Buffer.byteLength(planned.body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => settle(res.statusCode ?? 0, Buffer.concat(chunks).toString()));
          res.on('error', (err) => settle(0, err.message));
        },
      );
      // A timer rather than the socket's idle timeout: it also covers the wait for a free connection.
      const deadline =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => req.destroy(new Error(`no answer ${options.timeoutMs} ms after the run started`)), Math.max(1, startedAt + options.timeoutMs - Date.now()));
      req.on('close', () => clearTimeout(deadline));
      req.on('error', (err) => settle(0, err.message));
      req.end(planned.body);
    });
  for (let i = 0; i < total; ) {
    const now = Date.now();
    // Everything due by now goes out now; the timer only paces, it never delays a due request further.
    while (i < total && startedAt + (i * 1000) / options.rate <= now) {
      const intendedAt = startedAt + (i * 1000) / options.rate;
      maxLag = Math.max(maxLag, now - intendedAt);
      inFlight.push(fire(i, intendedAt));
      i++;
    }
    if (i < total) await new Promise((r) => setTimeout(r, Math.max(0, Math.min(5, startedAt + (i * 1000) / options.rate - Date.now()))));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { sent, startedAt, lagMs: maxLag };
}
