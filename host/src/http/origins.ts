import type { HostConfig } from '../config.js';

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Origins a browser page may call from: the configured ones and the host's own public URL. Loopback pages always may. */
export function allowedOriginsFor(config: HostConfig): Set<string> {
  const origins = new Set(config.allowedOrigins.map((url) => new URL(url).origin));
  if (config.publicUrl) origins.add(new URL(config.publicUrl).origin);
  return origins;
}

export function isAllowedOrigin(origin: string, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(origin)) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTNAMES.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 reaches a loopback server
 * with `Host: evil.example`. A loopback host therefore answers only to loopback names (and its public URL).
 */
export function isAllowedHost(hostHeader: string | undefined, config: HostConfig): boolean {
  if (!hostHeader) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}`).hostname;
  } catch {
    return false;
  }
  if (LOOPBACK_HOSTNAMES.has(hostname)) return true;
  return config.publicUrl !== undefined && new URL(config.publicUrl).hostname === hostname;
}
