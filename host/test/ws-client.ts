import { Client, type JSONRPCMessage, type Transport } from '@modelcontextprotocol/client';
import WebSocket from 'ws';
import type { ProtocolRevision } from '@gauzy-mcp/testkit';

/** The SDK client's side of JSON-RPC over one WebSocket (v2 ships no WebSocket transport). */
export class WebSocketClientTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  socket?: WebSocket;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url, { headers: this.headers, perMessageDeflate: true });
      this.socket = socket;
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
      socket.once('error', reject);
      socket.on('message', (data) => this.onmessage?.(JSON.parse(data.toString()) as JSONRPCMessage));
      socket.on('close', () => this.onclose?.());
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.socket!.send(JSON.stringify(message));
  }

  async close(): Promise<void> {
    this.socket?.close(1000);
  }
}

export async function connectWebSocket(url: string, protocol: ProtocolRevision, headers: Record<string, string> = {}): Promise<Client> {
  const client =
    protocol === '2026-07-28'
      ? new Client({ name: 'ws-tests', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } })
      : new Client({ name: 'ws-tests', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: [protocol] });
  await client.connect(new WebSocketClientTransport(url, headers));
  return client;
}
