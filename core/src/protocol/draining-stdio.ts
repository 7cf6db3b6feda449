import type { Readable, Writable } from 'node:stream';
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/server';

/** How long requests already received may take to be answered once stdin has ended. */
export const DRAIN_TIMEOUT_MS = 30_000;
/** A line longer than this is refused (the SDK's transport uses the same bound). */
const MAX_LINE_BYTES = 10 * 1024 * 1024;

type Id = string | number;

const requestId = (message: JSONRPCMessage): Id | undefined => {
  const value = message as { id?: Id; method?: unknown };
  return value.id !== undefined && typeof value.method === 'string' ? value.id : undefined;
};
const responseId = (message: JSONRPCMessage): Id | undefined => {
  const value = message as { id?: Id; method?: unknown; result?: unknown; error?: unknown };
  return value.id !== undefined && value.method === undefined && ('result' in value || 'error' in value) ? value.id : undefined;
};

/**
 * MCP over newline-delimited JSON on stdin/stdout that finishes what it was asked. The SDK's stdio transport
 * closes when stdin ends and drops requests still in flight; a client that writes its requests and closes
 * its end (a script, `echo ... | gauzy-mcp stdio`) then gets nothing for them. This one, when stdin ends,
 * answers every request already received (up to {@link DRAIN_TIMEOUT_MS}), waits for the writes to reach
 * stdout, and only then closes. `drained` settles when it has.
 */
export class DrainingStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private buffer = '';
  private readonly pending = new Set<Id>();
  private readonly writes = new Set<Promise<void>>();
  private ended = false;
  private closed = false;
  private giveUp?: NodeJS.Timeout;
  private resolveDrained!: () => void;
  readonly drained = new Promise<void>((resolve) => (this.resolveDrained = resolve));

  constructor(
    private readonly input: Readable = process.stdin,
    private readonly output: Writable = process.stdout,
    private readonly drainTimeoutMs = DRAIN_TIMEOUT_MS,
  ) {}

  async start(): Promise<void> {
    this.input.setEncoding('utf8');
    this.input.on('data', this.onData);
    this.input.on('error', this.onInputError);
    this.input.on('end', this.onEnd);
    this.input.on('close', this.onEnd);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) throw new Error('the stdio transport is closed');
    const write = new Promise<void>((resolve, reject) => {
      this.output.write(`${JSON.stringify(message)}\n`, (error) => (error ? reject(error) : resolve()));
    });
    this.writes.add(write);
    try {
      await write;
    } finally {
      this.writes.delete(write);
      const id = responseId(message);
      if (id !== undefined) this.pending.delete(id);
      this.closeIfDone();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.giveUp);
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    this.input.off('end', this.onEnd);
    this.input.off('close', this.onEnd);
    this.input.pause();
    // What was already handed to stdout still goes out before anyone exits.
    await Promise.allSettled([...this.writes]);
    this.onclose?.();
    this.resolveDrained();
  }

  private readonly onData = (chunk: string): void => {
    this.buffer += chunk;
    if (this.buffer.length > MAX_LINE_BYTES && !this.buffer.includes('\n')) {
      this.buffer = '';
      this.onerror?.(new Error(`a message over ${MAX_LINE_BYTES} bytes was dropped`));
      return;
    }
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      if (!line.trim()) continue;
      let message: JSONRPCMessage;
      try {
        message = JSON.parse(line) as JSONRPCMessage;
      } catch (error) {
        this.onerror?.(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      const id = requestId(message);
      // A listen stream is answered only when it ends: it must not hold the process open once stdin has ended.
      if (id !== undefined && (message as { method?: unknown }).method !== 'subscriptions/listen') this.pending.add(id);
      this.onmessage?.(message);
    }
  };

  private readonly onInputError = (error: Error): void => {
    this.onerror?.(error);
  };

  private readonly onEnd = (): void => {
    if (this.ended) return;
    // A last message without its newline still counts.
    if (this.buffer.trim()) this.onData('\n');
    this.ended = true;
    this.closeIfDone();
    // A request that never answers must not keep the process alive for ever.
    if (!this.closed) this.giveUp = setTimeout(() => void this.close(), this.drainTimeoutMs);
  };

  private closeIfDone(): void {
    if (this.ended && !this.closed && this.pending.size === 0) void this.close();
  }
}
