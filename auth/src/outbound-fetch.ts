import { lookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { addressRefusal } from './public-address.js';

export interface OutboundFetchOptions {
  /** Whole-request limit (name resolution, connection, headers and body); default 2.5 s. */
  timeoutMs?: number;
  /** Every address a name resolves to; default the system resolver. */
  resolve?: (hostname: string) => Promise<string[]>;
  /**
   * Tests only: loopback addresses are allowed too, and this CA is trusted, so a loopback https server can
   * stand in for a client's host. No configuration file or environment variable reaches it.
   */
  loopbackCa?: string;
}

export type OutboundFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The refusal of a URL or an address, before any connection is made. */
export class OutboundRefused extends Error {
  override name = 'OutboundRefused';
}

interface ConnectTarget {
  hostname: string;
  protocol: string;
  port: string | number;
}
type Connector = (target: ConnectTarget, callback: (error: Error | null, socket: Socket | null) => void) => void;
type AgentConstructor = new (options: { connect: Connector; headersTimeout: number; bodyTimeout: number }) => object;

/**
 * The fetch oidc-provider uses for every URL a client names (its metadata document, its jwks_uri): https
 * only, no redirect followed, bounded in time, and connected only to an address checked to be public. The
 * name is resolved once, every address it resolves to is checked, and the socket goes to the checked
 * address, so a second lookup (DNS rebinding) cannot swap in a private one. The check runs before the
 * connection: a refused address sees no packet, unlike a guard that inspects the socket once connected.
 */
export function outboundFetch(options: OutboundFetchOptions = {}): OutboundFetch {
  const timeoutMs = options.timeoutMs ?? 2500;
  const resolve = options.resolve ?? resolveAll;
  const allowed = (reason: string | undefined) => reason === undefined || (options.loopbackCa !== undefined && reason === 'loopback');

  const checkedAddress = async (hostname: string): Promise<string> => {
    const addresses = isIP(hostname) ? [hostname] : await withTimeout(resolve(hostname), timeoutMs, `resolving ${hostname} timed out`);
    if (addresses.length === 0) throw new OutboundRefused(`${hostname} does not resolve`);
    for (const address of addresses) {
      const reason = addressRefusal(address);
      if (!allowed(reason)) throw new OutboundRefused(`${hostname} resolves to a ${reason} address; only public addresses are fetched from`);
    }
    return addresses[0]!;
  };

  const connect: Connector = (target, callback) => {
    let settled = false;
    const settle = (error: Error | null, socket: Socket | null) => {
      if (settled) return;
      settled = true;
      callback(error, socket);
    };
    // undici hands IPv6 literals over unbracketed; strip brackets anyway, the check must see the bare address.
    const hostname = target.hostname.replace(/^\[(.*)\]$/, '$1');
    if (target.protocol !== 'https:') return settle(new OutboundRefused(`only https is fetched, not ${target.protocol}`), null);
    checkedAddress(hostname).then(
      (address) => {
        const socket = tlsConnect({
          host: address,
          port: Number(target.port) || 443,
          // The certificate is checked against the name the client gave, while the socket goes to the checked address.
          ...(isIP(hostname) ? {} : { servername: hostname }),
          ...(options.loopbackCa ? { ca: options.loopbackCa } : {}),
          ALPNProtocols: ['http/1.1'],
        });
        const timer = setTimeout(() => socket.destroy(new Error(`connecting to ${hostname} timed out`)), timeoutMs);
        const failed = (error: Error) => {
          clearTimeout(timer);
          settle(error, null);
        };
        socket.once('error', failed);
        socket.once('secureConnect', () => {
          clearTimeout(timer);
          socket.removeListener('error', failed);
          settle(null, socket);
        });
      },
      (error: Error) => settle(error, null),
    );
  };

  const dispatcher = new (runtimeAgent())({ connect, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  return async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.protocol !== 'https:') throw new OutboundRefused(`only https URLs are fetched, not ${url.protocol}`);
    const limit = AbortSignal.timeout(timeoutMs);
    return fetch(url, { ...init, redirect: 'error', signal: init.signal ? AbortSignal.any([init.signal, limit]) : limit, dispatcher } as RequestInit);
  };
}

async function resolveAll(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new OutboundRefused(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The runtime's own undici Agent (the one behind global fetch), so the dispatcher matches the fetch that uses it. */
function runtimeAgent(): AgentConstructor {
  // Touching Response loads the runtime's fetch, which installs its global dispatcher.
  void Response;
  const global = globalThis as Record<symbol, { constructor: AgentConstructor } | undefined>;
  const Agent = (global[Symbol.for('undici.globalDispatcher.2')] ?? global[Symbol.for('undici.globalDispatcher.1')])?.constructor;
  if (!Agent) throw new Error('the runtime fetch agent is not available; the auth server cannot fetch client documents safely');
  return Agent;
}
