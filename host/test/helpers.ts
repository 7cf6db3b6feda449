import assert from 'node:assert/strict';
import { silentLogger, type Logger } from '@gauzy-mcp/core';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { projectsSandbox } from '@gauzy-mcp/plugin-projects/sandbox';
import { tasksSandbox } from '@gauzy-mcp/plugin-tasks/sandbox';
import { timeTrackingSandbox } from '@gauzy-mcp/plugin-time-tracking/sandbox';
import { createSandbox as createTestkitSandbox, toOutcome, type ProtocolRevision, type Sandbox, type SandboxOptions, type ToolCallOutcome } from '@gauzy-mcp/testkit';
import { startHost, type HostConfigInput, type RunningHost } from '../src/index.js';

export type { Sandbox };

/** What the default packs teach the sandbox: their entities with the hooks of their `./sandbox` exports. */
export const demoEntities = [...projectsSandbox, ...tasksSandbox, ...timeTrackingSandbox];

/** A sandbox that serves the default packs' entities (others may be added with `entities`). */
export const createSandbox = (options: SandboxOptions = {}): Promise<Sandbox> =>
  createTestkitSandbox({ ...options, entities: [...demoEntities, ...(options.entities ?? [])] });

/**
 * The sandbox's admin and employee as two development accounts, each picked by its bearer token (the host config's
 * `identity`): how the tests act as two users of one host.
 */
export function seedAccounts(sandbox: Sandbox, tokens: { admin: string; employee: string }): NonNullable<HostConfigInput['identity']> {
  const { superAdmin, employee } = sandbox.seed.users;
  return {
    mode: 'development',
    accounts: [
      { name: 'admin', email: superAdmin.email, password: superAdmin.password, token: tokens.admin },
      { name: 'employee', email: employee.email, password: employee.password, token: tokens.employee },
    ],
  };
}

/** A host on a free loopback port, serving the default packs against `sandbox` as its super admin. */
export async function startTestHost(sandbox: Sandbox, input: HostConfigInput = {}, options: { env?: NodeJS.ProcessEnv; log?: Logger } = {}): Promise<RunningHost> {
  const admin = sandbox.seed.users.superAdmin;
  return startHost({
    input: {
      port: 0,
      gauzy: { baseUrl: sandbox.url, sandbox: true },
      identity: { mode: 'development', accounts: [{ name: 'admin', email: admin.email, password: admin.password }] },
      ...input,
    },
    env: options.env ?? {},
    log: options.log ?? silentLogger,
  });
}

export interface HttpTestClient {
  client: Client;
  transport: StreamableHTTPClientTransport;
  protocolVersion: string | undefined;
  call(name: string, args?: Record<string, unknown>): Promise<ToolCallOutcome>;
  close(): Promise<void>;
}

/** The SDK client over Streamable HTTP, negotiating 2026-07-28 or pinned to a 2025 revision. */
export async function connectHttp(url: string, protocol: ProtocolRevision, headers: Record<string, string> = {}): Promise<HttpTestClient> {
  const client =
    protocol === '2026-07-28'
      ? new Client({ name: 'host-tests', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } })
      : new Client({ name: 'host-tests', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: [protocol] });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  await client.connect(transport);
  return {
    client,
    transport,
    get protocolVersion() {
      return client.getNegotiatedProtocolVersion();
    },
    async call(name, args = {}) {
      return toOutcome(await client.callTool({ name, arguments: args }));
    },
    async close() {
      await client.close();
    },
  };
}

/** A raw JSON-RPC POST, for what a well-behaved client would never send. */
export async function rawPost(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

export const INITIALIZE = (protocolVersion = '2025-06-18') => ({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion, capabilities: {}, clientInfo: { name: 'raw-test', version: '1.0.0' } },
});

/**
 * Opens a 2025-06-18 session the raw way (initialize, then initialized) and returns the headers that continue it:
 * `headers` (sent with both) and the session's id and version.
 */
export async function openSession(mcpUrl: string, headers: Record<string, string> = {}): Promise<Record<string, string>> {
  const init = await rawPost(mcpUrl, INITIALIZE('2025-06-18'), headers);
  assert.equal(init.status, 200, init.text);
  const session = { ...headers, 'mcp-session-id': init.headers.get('mcp-session-id')!, 'mcp-protocol-version': '2025-06-18' };
  assert.equal((await rawPost(mcpUrl, { jsonrpc: '2.0', method: 'notifications/initialized' }, session)).status, 202);
  return session;
}

export interface SseEvent {
  event?: string;
  id?: string;
  retry?: number;
  data: string;
}

/** Reads a server-sent event stream event by event; `next()` waits for the next one (undefined at the end). */
export class SseReader {
  private buffer = '';
  private readonly events: SseEvent[] = [];
  private waiting?: () => void;
  private done = false;
  readonly finished: Promise<void>;

  constructor(readonly response: Response, readonly abort?: AbortController) {
    this.finished = this.pump();
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.response.body as unknown as AsyncIterable<Uint8Array>) {
        this.buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          const event: SseEvent = { data: '' };
          const data: string[] = [];
          let hasField = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            hasField = true;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event.event = value;
            else if (field === 'id') event.id = value;
            else if (field === 'retry') event.retry = Number(value);
            else if (field === 'data') data.push(value);
          }
          if (!hasField) continue;
          event.data = data.join('\n');
          this.events.push(event);
          this.waiting?.();
        }
      }
    } catch {
      // The connection was cut (the test killed a server or aborted): the stream simply ends.
    } finally {
      this.done = true;
      this.waiting?.();
    }
  }

  async next(): Promise<SseEvent | undefined> {
    while (this.events.length === 0 && !this.done) await new Promise<void>((resolve) => (this.waiting = resolve));
    return this.events.shift();
  }

  /** The next event that carries a JSON-RPC message (skips priming events). */
  async nextMessage(): Promise<{ id?: string; message: any } | undefined> {
    for (;;) {
      const event = await this.next();
      if (!event) return undefined;
      if (event.data.trim() === '') continue;
      return { id: event.id, message: JSON.parse(event.data) };
    }
  }

  close(): void {
    this.abort?.abort();
  }
}

export async function openSse(url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<SseReader> {
  const abort = new AbortController();
  const response = await fetch(url, { ...init, signal: abort.signal, headers: { accept: 'text/event-stream', ...init.headers } });
  return new SseReader(response, abort);
}
