import { channel } from 'node:diagnostics_channel';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** What the client reads of a Gauzy answer: its status, the headers it acts on and the whole body. */
export interface GauzyReply {
  status: number;
  contentType: string;
  retryAfter: string | null;
  location: string | null;
  body: Uint8Array;
}

export interface ExchangeInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** Sends one request and reads its whole answer; rejects on a connection error or an abort. */
export type Exchange = (url: string, init: ExchangeInit) => Promise<GauzyReply>;

/**
 * Every request sent to Gauzy, published before it leaves (`{ method, url }`), for tracing and for the benchmark's
 * direct baseline. Costs one check when nobody listens.
 */
export const gauzyRequestChannel = channel('gauzy-mcp:gauzy-request');

/**
 * node:http with its own keep-alive agents, rather than `fetch`: on a read of a few KB, fetch's web streams and
 * request objects cost 0.2–0.4 ms that this does not (bench: fetch vs http against the sandbox). Idle sockets are
 * closed after 4 s, before the 5 s a Node server (Gauzy's NestJS) keeps them, so a reused socket is not one the
 * server is closing. Redirects are not followed: Gauzy's API answers in place.
 */
export function nodeExchange(): Exchange {
  const agents: { http?: HttpAgent; https?: HttpsAgent } = {};
  let httpsModule: typeof import('node:https') | undefined;
  return async (url, init) => {
    const target = new URL(url);
    let send = httpRequest;
    let agent: HttpAgent | HttpsAgent;
    if (target.protocol === 'https:') {
      // Loaded only for an https Gauzy: TLS is not needed on loopback.
      httpsModule ??= await import('node:https');
      send = httpsModule.request as typeof httpRequest;
      agent = agents.https ??= new httpsModule.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
    } else {
      agent = agents.http ??= new HttpAgent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
    }
    return new Promise<GauzyReply>((resolve, reject) => {
      const request = send(target, { method: init.method, headers: { 'accept-encoding': 'gzip, deflate, br', ...init.headers }, agent, signal: init.signal }, (response) => {
        readReply(response).then(resolve, reject);
      });
      request.on('error', reject);
      request.end(init.body);
    });
  };
}

const IDLE_SOCKET_MS = 4_000;

function readReply(response: IncomingMessage): Promise<GauzyReply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('close', () => {
      if (!response.complete) reject(new Error('the connection closed before the answer was complete'));
    });
    response.on('end', () => {
      try {
        const header = (name: string) => {
          const value = response.headers[name];
          return Array.isArray(value) ? value.join(', ') : (value ?? null);
        };
        resolve({
          status: response.statusCode ?? 0,
          contentType: header('content-type') ?? '',
          retryAfter: header('retry-after'),
          location: header('location'),
          body: decoded(Buffer.concat(chunks), header('content-encoding')),
        });
      } catch (error) {
        reject(error);
      }
    });
  });
}

function decoded(body: Buffer, encoding: string | null): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return body;
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      throw new Error(`Gauzy answered in an encoding this client cannot read (${encoding})`);
  }
}

/** A `fetch` (a test's, or one a deployment hands in) as an exchange. */
export function fetchExchange(fetchImpl: typeof fetch): Exchange {
  return async (url, init) => {
    const response = await fetchImpl(url, { method: init.method, headers: init.headers, body: init.body, signal: init.signal, redirect: 'manual' });
    const header = (name: string) => response.headers.get(name);
    return { status: response.status, contentType: header('content-type') ?? '', retryAfter: header('retry-after'), location: header('location'), body: new Uint8Array(await response.arrayBuffer()) };
  };
}
