import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * The security headers every answer carries, computed once by helmet at start. Its Fastify plugin rebuilds
 * the same middleware on every request; these answers are JSON and event streams with no per-request nonce,
 * so one fixed set serves them all.
 *
 * The set an API answer needs (OWASP's REST Security Cheat Sheet): no caching of what a user was answered, no
 * framing, no sniffing, HTTPS only, no referrer, not readable cross-origin. helmet's defaults add six headers that
 * only mean something on an HTML document (opener isolation, agent clustering, DNS prefetch, IE's download
 * prompt, Flash's policy files, the retired XSS auditor); on these answers they were bytes and work on every
 * request, and they are left out. A route may still set its own Cache-Control (the resource metadata does).
 */
export function securityHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  const capture = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: () => {},
  };
  helmet({
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    // JSON and event streams only: no page to frame, script, post a form from or resolve links against.
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  })({} as IncomingMessage, capture as unknown as ServerResponse, () => {});
  return Object.freeze(headers);
}
