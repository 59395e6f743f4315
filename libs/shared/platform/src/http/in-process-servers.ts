import type { IncomingMessage, ServerResponse } from 'node:http';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP applications listening in this process, by port. When several services share one Node
 * process (`LAYOUT=small`), the gateway hands a request for a neighbour straight to its application
 * instead of sending it over loopback: the same handler, guards and checks run, without a second
 * HTTP parse, a client request and a piped answer per call.
 */
const servers = new Map<number, RequestHandler>();

export function registerInProcessServer(port: number, handler: RequestHandler): void {
  servers.set(port, handler);
}

export function unregisterInProcessServer(port: number, handler: RequestHandler): void {
  if (servers.get(port) === handler) servers.delete(port);
}

/** The application listening on this loopback address in this process, if any. */
export function inProcessServerAt(url: URL): RequestHandler | undefined {
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return loopback && url.protocol === 'http:' ? servers.get(Number(url.port || 80)) : undefined;
}
