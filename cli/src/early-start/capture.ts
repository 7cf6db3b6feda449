import type { Kernel } from '@gauzy-mcp/core';
import { silentLogger } from '@gauzy-mcp/core';
import { PROTOCOL_VERSIONS, serveKernelOverStdio } from '@gauzy-mcp/core/internal';
import type { EarlyAnswers } from './start-cache.js';

type Message = { jsonrpc: '2.0'; id?: number | string; method?: string; params?: unknown; result?: unknown; error?: unknown };

/** The revisions a client opens with `initialize` (2026-07-28 opens with `server/discover` and is not answered early). */
export const INITIALIZE_VERSIONS = PROTOCOL_VERSIONS.filter((version) => version !== '2026-07-28');

/**
 * Asks the kernel, over its own stdio serving path, what it answers to `initialize` in each revision and to every
 * `tools/list` page after it: the answers a later start may give before its kernel is up.
 */
export async function captureEarlyAnswers(kernel: Kernel): Promise<EarlyAnswers> {
  const answers: EarlyAnswers = { initialize: {}, toolsList: {} };
  for (const version of INITIALIZE_VERSIONS) {
    const wire = new CaptureTransport();
    const handle = serveKernelOverStdio(kernel, silentLogger, wire);
    try {
      const initialized = await wire.request('initialize', { protocolVersion: version, capabilities: {}, clientInfo: { name: 'gauzy-mcp-early-start', version: '1' } });
      const negotiated = (initialized as { protocolVersion: string }).protocolVersion;
      answers.initialize[version] = JSON.stringify(initialized);
      wire.notify('notifications/initialized');
      if (answers.toolsList[negotiated]) continue;
      const pages: Record<string, string> = {};
      let cursor: string | undefined;
      do {
        const page = (await wire.request('tools/list', cursor === undefined ? undefined : { cursor })) as { nextCursor?: string };
        pages[cursor ?? ''] = JSON.stringify(page);
        cursor = page.nextCursor;
      } while (cursor !== undefined && pages[cursor] === undefined);
      answers.toolsList[negotiated] = pages;
    } finally {
      await handle.close();
    }
  }
  return answers;
}

/** A transport the capture talks to directly: requests in, the server's answers matched back by id. */
class CaptureTransport {
  onmessage?: (message: Message) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private nextId = 1;
  private readonly waiting = new Map<number | string, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();

  private markStarted!: () => void;
  private readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));

  async start(): Promise<void> {
    this.markStarted();
  }

  async send(message: Message): Promise<void> {
    if (message.id === undefined || message.method !== undefined) return;
    const waiter = this.waiting.get(message.id);
    this.waiting.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(`the kernel refused: ${JSON.stringify(message.error)}`));
    else waiter?.resolve(message.result);
  }

  async close(): Promise<void> {
    for (const waiter of this.waiting.values()) waiter.reject(new Error('closed before answering'));
    this.waiting.clear();
    this.onclose?.();
  }

  request(method: string, params?: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // The serving entry attaches itself before it starts the transport.
      void this.started.then(() => {
        if (!this.onmessage) return reject(new Error('the serving entry did not attach to the transport'));
        this.onmessage({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
      });
    });
  }

  notify(method: string): void {
    this.onmessage?.({ jsonrpc: '2.0', method });
  }
}
