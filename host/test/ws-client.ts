import { Client } from '@modelcontextprotocol/client';
import { WebSocketClientTransport, type ProtocolRevision } from '@gauzy-mcp/testkit';

export { WebSocketClientTransport };

export async function connectWebSocket(url: string, protocol: ProtocolRevision, headers: Record<string, string> = {}): Promise<Client> {
  const client =
    protocol === '2026-07-28'
      ? new Client({ name: 'ws-tests', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } })
      : new Client({ name: 'ws-tests', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: [protocol] });
  await client.connect(new WebSocketClientTransport(url, headers));
  return client;
}
