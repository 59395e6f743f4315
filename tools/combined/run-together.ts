// Runs several services in one Node process: each keeps its own Nest application, module, schema,
// connection pool, consumer group and outbox relay, exactly as when it runs alone; they only share
// the event loop and the heap. Usage: node tools/run.js tools/combined/run-together.ts intake routing ...
// Services start one after the other, because each reads PORT when it starts listening.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ServiceEntry {
  name: string;
  entry: string;
  port: number;
}

const root = join(__dirname, '..', '..');
const { services } = JSON.parse(readFileSync(join(root, 'tools', 'services.json'), 'utf8')) as { services: ServiceEntry[] };

async function live(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/live`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`nothing answers on :${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  if (names.length === 0) throw new Error('usage: run-together.ts SERVICE...');
  const basePort = process.env.PORT_OFFSET ? Number(process.env.PORT_OFFSET) : 0;
  for (const name of names) {
    const service = services.find((s) => s.name === name);
    if (!service) throw new Error(`unknown service ${name} (tools/services.json)`);
    const port = service.port + basePort;
    process.env.PORT = String(port);
    // Loading the entry starts its bootstrap (main.ts); the next one waits until this one listens.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(join(root, service.entry));
    await live(port, 180_000);
  }
  delete process.env.PORT;
}

main().catch((err) => {
  console.error(`run-together: ${(err as Error).message}`);
  process.exit(1);
});
