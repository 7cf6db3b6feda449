import { randomUUID } from 'node:crypto';
import { PassThrough, Writable, type Readable } from 'node:stream';
import type { EarlyAnswers } from './start-cache.js';

/**
 * Holds stdin while the kernel loads. With the answers the kernel gave last time it started the same way, it
 * answers the client's `initialize`, `ping` and `tools/list` at once; everything else waits, in order, for the
 * kernel. At the hand-over the kernel's transport reads what was kept, with the early `initialize` replayed under
 * a private id (the kernel's server needs its state; its answer is compared with the one sent, and dropped).
 * Only plain requests are answered early: anything the SDK might answer differently waits, and so does
 * everything after it.
 */
/** Longer than any `initialize`, `ping` or `tools/list` a client sends. */
const MAX_EARLY_LINE = 64 * 1024;

export class EarlyStdio {
  /** Resolves when the kernel should start loading (see `startLoading`). */
  readonly loadNow: Promise<void>;
  private startLoading!: () => void;
  private buffer = '';
  /** Lines for the kernel, in the order they came. */
  private readonly kept: string[] = [];
  private deferring: boolean;
  private negotiated?: string;
  private ended = false;
  private idle?: NodeJS.Timeout;
  private handedOver = false;
  /** The id the early `initialize` is replayed under. */
  private readonly replayId = `gauzy-mcp-early-initialize-${randomUUID()}`;
  /** Which texts went out early, so the start can check them against the kernel's own. */
  readonly sent: { initialize?: { version: string; text: string }; toolsList: Array<{ version: string; cursor: string; text: string }> } = { toolsList: [] };

  constructor(
    private readonly answers: EarlyAnswers | undefined,
    private readonly input: Readable = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
    /** How long a quiet client may keep the kernel from loading: long enough for its next request to come. */
    private readonly idleMs = 50,
  ) {
    this.loadNow = new Promise((resolve) => (this.startLoading = resolve));
    this.deferring = answers === undefined;
    input.setEncoding('utf8');
    input.on('data', this.onData);
    input.on('end', this.onEnd);
    input.on('error', this.onEnd);
    if (this.deferring) this.defer();
    else this.idle = setTimeout(this.startLoading, idleMs);
  }

  /**
   * Gives up stdin: what the kernel's transport should read (the kept lines, then the rest of stdin) and write to
   * (stdout, minus the kernel's answer to the replayed `initialize`; `refreshEarlyAnswers` checks what was sent).
   */
  handOver(): { input: Readable; output: Writable } {
    if (!this.letGo()) throw new Error('stdin was already handed over');
    const kernelInput = new PassThrough({ encoding: 'utf8' });
    for (const line of this.kept) kernelInput.write(`${line}\n`);
    if (this.buffer) kernelInput.write(this.buffer);
    if (this.ended) kernelInput.end();
    else {
      this.input.on('error', (error) => kernelInput.destroy(error));
      this.input.pipe(kernelInput);
    }
    let expecting = this.sent.initialize !== undefined;
    const marker = JSON.stringify(this.replayId);
    const stdout = this.output;
    const kernelOutput = new Writable({
      decodeStrings: false,
      write: (chunk: string | Buffer, _encoding, done) => {
        const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
        if (expecting && text.includes(marker) && (JSON.parse(text) as { id?: unknown }).id === this.replayId) {
          expecting = false;
          return done();
        }
        stdout.write(text, (error?: Error | null) => done(error ?? null));
      },
    });
    return { input: kernelInput, output: kernelOutput };
  }

  /** Lets go of stdin without handing it over: the start ended before the kernel served (a config error, say). */
  release(): void {
    if (this.letGo()) this.input.pause();
  }

  /** Stops listening to stdin, once; false when that was already done. */
  private letGo(): boolean {
    if (this.handedOver) return false;
    this.handedOver = true;
    clearTimeout(this.idle);
    this.input.off('data', this.onData);
    this.input.off('end', this.onEnd);
    this.input.off('error', this.onEnd);
    return true;
  }

  private readonly onData = (chunk: string): void => {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      if (!line.trim()) continue;
      if (!this.deferring && this.answerEarly(line)) continue;
      this.defer();
      this.kept.push(line);
    }
    // A line this long is none the early answers know; the kernel's transport decides what to do with it.
    if (this.buffer.length > MAX_EARLY_LINE) this.defer();
    if (!this.deferring && !this.handedOver) this.idle?.refresh();
  };

  /** From here on everything waits for the kernel, which starts loading; stdin is read again once it is handed over. */
  private defer(): void {
    this.deferring = true;
    this.input.pause();
    this.startLoading();
  }

  private readonly onEnd = (): void => {
    this.ended = true;
    this.startLoading();
  };

  /** Answers (or keeps for the kernel, without waiting) the lines that need no kernel; false for any other. */
  private answerEarly(line: string): boolean {
    let message: { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return false;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message) || message.jsonrpc !== '2.0' || typeof message.method !== 'string') return false;
    const answers = this.answers!;
    if (message.id === undefined) {
      // The server must see it after its `initialize`; the client expects no answer.
      if (message.method !== 'notifications/initialized' || this.negotiated === undefined) return false;
      this.kept.push(line);
      return true;
    }
    const { id } = message;
    if (!(typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id)))) return false;
    const params = message.params;
    if (params !== undefined && !isPlainObject(params)) return false;
    switch (message.method) {
      case 'initialize': {
        if (this.negotiated !== undefined || !params) return false;
        const { protocolVersion, capabilities, clientInfo } = params as { protocolVersion?: unknown; capabilities?: unknown; clientInfo?: { name?: unknown; version?: unknown } };
        if (typeof protocolVersion !== 'string' || !isPlainObject(capabilities) || !isPlainObject(clientInfo)) return false;
        if (typeof clientInfo.name !== 'string' || typeof clientInfo.version !== 'string') return false;
        const text = answers.initialize[protocolVersion];
        if (text === undefined) return false;
        this.negotiated = (JSON.parse(text) as { protocolVersion: string }).protocolVersion;
        this.sent.initialize = { version: protocolVersion, text };
        this.kept.push(JSON.stringify({ ...message, id: this.replayId }));
        this.respond(id, text);
        return true;
      }
      case 'ping':
        if (this.negotiated === undefined || (params && Object.keys(params).some((key) => key !== '_meta'))) return false;
        this.respond(id, '{}');
        return true;
      case 'tools/list': {
        if (this.negotiated === undefined) return false;
        if (params && Object.keys(params).some((key) => key !== 'cursor' && key !== '_meta')) return false;
        const cursor = (params as { cursor?: unknown } | undefined)?.cursor ?? '';
        if (typeof cursor !== 'string') return false;
        const text = answers.toolsList[this.negotiated]?.[cursor];
        if (text === undefined) return false;
        this.sent.toolsList.push({ version: this.negotiated, cursor, text });
        this.respond(id, text);
        // The client has what it needs to show its tools; the kernel can take the processor now.
        this.startLoading();
        return true;
      }
      default:
        return false;
    }
  }

  private respond(id: string | number, resultText: string): void {
    // The SDK's own order of members, so an early answer reads like a later one.
    this.output.write(`{"result":${resultText},"jsonrpc":"2.0","id":${JSON.stringify(id)}}\n`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
