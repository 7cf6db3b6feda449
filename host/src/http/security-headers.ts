import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * The security headers every answer carries, computed once by helmet at start. Its Fastify plugin rebuilds
 * the same middleware on every request; these answers are JSON and event streams with no per-request nonce,
 * so one fixed set serves them all.
 */
export function securityHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const capture = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: () => {},
  };
  helmet({
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    // JSON and event streams only: no page to frame or script.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  })({} as IncomingMessage, capture as unknown as ServerResponse, () => {});
  return Object.freeze(headers);
}
