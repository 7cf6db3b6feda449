import { PassThrough } from 'node:stream';

/**
 * One server-sent event stream to one client. Writes are framed as `event: message`; a comment
 * keep-alive stops proxies from timing out idle streams. The stream never buffers without bound: a
 * client that stops reading is disconnected once its backlog passes `maxBufferedBytes`.
 */
export class SseStream {
  readonly body = new PassThrough();
  private keepAlive?: NodeJS.Timeout;
  private ended = false;
  /** Set when the server ends the stream for good (shutdown): the connection should go too, not idle in keep-alive. */
  closeConnection = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(options: { keepAliveMs?: number; maxBufferedBytes?: number } = {}) {
    const maxBuffered = options.maxBufferedBytes ?? 8 * 1024 * 1024;
    this.body.on('close', () => this.finish());
    this.writeRaw = (text: string) => {
      if (this.ended) return;
      this.body.write(text);
      if (this.body.writableLength > maxBuffered) this.end();
    };
    // Headers go out with the first bytes: without this comment a quiet stream would look unanswered until the first keep-alive.
    this.body.write(': stream open\n\n');
    const every = options.keepAliveMs ?? 15_000;
    if (every > 0) {
      this.keepAlive = setInterval(() => this.writeRaw(': keep-alive\n\n'), every);
      this.keepAlive.unref();
    }
  }

  private readonly writeRaw: (text: string) => void;

  get closed(): boolean {
    return this.ended;
  }

  /** A JSON-RPC message, with the id a client can resume after. */
  send(message: unknown, id?: string): void {
    this.writeRaw(`event: message\n${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(message)}\n\n`);
  }

  /** A named event with raw data (the HTTP+SSE transport's `endpoint` event). */
  event(name: string, data: string): void {
    this.writeRaw(`event: ${name}\ndata: ${data}\n\n`);
  }

  /** An id-only event with a reconnection delay (2025-11-25): the client can resume even before the first message. */
  prime(id: string, retryMs: number): void {
    this.writeRaw(`id: ${id}\nretry: ${retryMs}\ndata: \n\n`);
  }

  onClose(listener: () => void): void {
    if (this.ended) listener();
    else this.closeListeners.push(listener);
  }

  end(options: { closeConnection?: boolean } = {}): void {
    if (options.closeConnection) this.closeConnection = true;
    if (this.ended) return;
    this.body.end();
    this.finish();
  }

  private finish(): void {
    if (this.keepAlive) clearInterval(this.keepAlive);
    if (this.ended && this.closeListeners.length === 0) return;
    this.ended = true;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;
