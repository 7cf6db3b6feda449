import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/client';
import WebSocket from 'ws';

/**
 * The SDK client's side of JSON-RPC over one WebSocket (SDK v2 ships no WebSocket transport), for the host's tests
 * and benchmarks. The host serves MCP over WebSocket on `/ws` and `/sse`.
 */
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
      socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode} at the upgrade`)));
      // Kept for the socket's whole life: an 'error' event with no listener would throw out of the process.
      socket.on('error', (error) => {
        reject(error);
        this.onerror?.(error);
      });
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
