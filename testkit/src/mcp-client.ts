import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport, type Server } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';

/** Protocol revisions a test can pin the client to. */
export type ProtocolRevision = '2025-03-26' | '2025-06-18' | '2025-11-25' | '2026-07-28';

export interface ToolCallOutcome {
  isError: boolean;
  text: string;
  structured: Record<string, unknown> | undefined;
  /** For error results: the `{error:{code,...}}` object the kernel appends to the text. */
  error?: { code: string; message: string; status?: number; gauzyMessages?: string[]; fields?: string[]; [key: string]: unknown };
}

export interface TestClient {
  client: Client;
  protocolVersion: string | undefined;
  call(name: string, args?: Record<string, unknown>): Promise<ToolCallOutcome>;
  listAllTools(): Promise<Awaited<ReturnType<Client['listTools']>>['tools']>;
  close(): Promise<void>;
}

/**
 * Connects a real SDK client to a server factory over an in-memory pair, negotiating `protocol`
 * the way a client of that revision would: `initialize` for 2025 revisions, `server/discover` for 2026-07-28.
 */
export async function connectInMemory(serverFactory: () => Server, options: { protocol?: ProtocolRevision } = {}): Promise<TestClient> {
  const protocol = options.protocol ?? '2026-07-28';
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const handle = serveStdio(serverFactory, { transport: serverSide });
  const client = createClient(protocol);
  await client.connect(clientSide);
  return wrapClient(client, async () => {
    await client.close();
    await handle.close();
  });
}

export function createClient(protocol: ProtocolRevision): Client {
  return protocol === '2026-07-28'
    ? new Client({ name: 'gauzy-mcp-tests', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } })
    : new Client({ name: 'gauzy-mcp-tests', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: [protocol] });
}

export function wrapClient(client: Client, close: () => Promise<void>): TestClient {
  return {
    client,
    get protocolVersion() {
      return client.getNegotiatedProtocolVersion();
    },
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      return toOutcome(result);
    },
    async listAllTools() {
      const tools = [];
      let cursor: string | undefined;
      do {
        const page = await client.listTools(cursor ? { cursor } : {});
        tools.push(...page.tools);
        cursor = page.nextCursor;
      } while (cursor);
      return tools;
    },
    close,
  };
}

export function toOutcome(result: unknown): ToolCallOutcome {
  const value = result as { isError?: boolean; content?: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };
  const text = (value.content ?? []).filter((block) => block.type === 'text').map((block) => block.text ?? '').join('\n');
  const outcome: ToolCallOutcome = { isError: value.isError === true, text, structured: value.structuredContent };
  if (outcome.isError) {
    const json = text.slice(text.indexOf('\n{"error"') + 1);
    try {
      outcome.error = (JSON.parse(json) as { error: ToolCallOutcome['error'] }).error;
    } catch {
      outcome.error = undefined;
    }
  }
  return outcome;
}
