import type { JSONRPCMessage, MessageExtraInfo, Transport, TransportSendOptions } from '@modelcontextprotocol/server';
import { LazyAbortController } from '@gauzy-mcp/core/internal';

type RequestId = string | number;

/** Where the messages of one client request go while its POST is open on this instance. */
export interface ExchangeSink {
  deliver(message: JSONRPCMessage): void;
}

/** Where everything else goes: the session's own stream (server-initiated messages), or a request stream the client left. */
export interface OffExchangeRouter {
  toStandalone(message: JSONRPCMessage): Promise<void>;
  toDetachedRequest(requestId: RequestId, message: JSONRPCMessage): Promise<void>;
}

/**
 * The SDK `Server` of one 2025-revision session, on one instance, talks through this transport. A message
 * answering (or about) a client request goes to that request's POST if it is open here; otherwise it is
 * routed to a stream through the shared event log and bus, so whichever instance holds the client's
 * stream delivers it.
 */
export class SessionTransport implements Transport {
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private readonly exchanges = new Map<RequestId, ExchangeSink>();
  /** Client requests whose POST went away before the answer: their messages go to the event log for resumption. */
  private readonly detached = new Set<RequestId>();
  /** Requests this server sent the client (sampling, elicitation) and still waits on. */
  private readonly awaitingClient = new Set<RequestId>();
  /** Client requests answered by the host's direct path instead of the server, until their answer is sent. */
  private readonly directRuns = new Map<RequestId, LazyAbortController>();
  private closed = false;

  constructor(
    readonly sessionId: string,
    private readonly router: OffExchangeRouter,
  ) {}

  async start(): Promise<void> {}

  /** Hands a client message to the server; a request's messages go to `sink` while it is open. */
  receive(message: JSONRPCMessage, extra: MessageExtraInfo, sink?: ExchangeSink): void {
    if ('method' in message && message.method === 'notifications/cancelled' && this.cancelDirect((message.params as { requestId?: RequestId } | undefined)?.requestId)) return;
    if ('id' in message && 'method' in message && sink) this.exchanges.set(message.id, sink);
    if (!('method' in message) && 'id' in message && message.id !== null && message.id !== undefined) this.awaitingClient.delete(message.id);
    this.onmessage?.(message, extra);
  }

  /**
   * Runs a client request the host answers itself (a tool call, through the catalog's dispatcher), with the
   * routing a request answered by the server gets: whatever the call sends the client (a sampling request, say)
   * and its answer go to `sink` while the POST is open, to the event log once it has left. A cancelled or
   * expired run's answer goes nowhere, as the server's would.
   */
  runDirect(requestId: RequestId, sink: ExchangeSink, run: (cancel: { readonly signal: AbortSignal }) => Promise<JSONRPCMessage>): void {
    const abort = new LazyAbortController();
    this.exchanges.set(requestId, sink);
    this.directRuns.set(requestId, abort);
    run(abort)
      .then(async (answer) => {
        if (this.directRuns.get(requestId) !== abort) return;
        this.directRuns.delete(requestId);
        await this.send(answer);
      })
      .catch((error: unknown) => this.onerror?.(error as Error));
  }

  private cancelDirect(requestId: RequestId | undefined): boolean {
    const run = requestId === undefined ? undefined : this.directRuns.get(requestId);
    if (!run) return false;
    this.directRuns.delete(requestId!);
    run.abort();
    return true;
  }

  /** True while a client request with this id is being answered: a second one would never get its answer. */
  isInFlight(requestId: RequestId): boolean {
    return this.exchanges.has(requestId) || this.detached.has(requestId);
  }

  /**
   * The request ran past its time: the client gets `error` as its answer (on its POST, or on the stream it
   * left), and the server is told to cancel it, so its late answer goes nowhere.
   */
  async expire(requestId: RequestId, error: JSONRPCMessage): Promise<void> {
    if (!this.isInFlight(requestId)) return;
    if (!this.cancelDirect(requestId)) this.onmessage?.({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId, reason: 'The request timed out.' } });
    const sink = this.exchanges.get(requestId);
    this.exchanges.delete(requestId);
    if (sink) return sink.deliver(error);
    this.detached.delete(requestId);
    await this.router.toDetachedRequest(requestId, error);
  }

  /** The POST carrying this request closed before its answer; keep what follows for a resuming GET. */
  detach(requestId: RequestId): void {
    if (this.exchanges.delete(requestId)) this.detached.add(requestId);
  }

  isAwaitingClient(requestId: RequestId): boolean {
    return this.awaitingClient.has(requestId);
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.closed) return;
    const isResponse = !('method' in message) && 'id' in message;
    if ('method' in message && 'id' in message) this.awaitingClient.add(message.id);
    const related = isResponse ? (message as { id: RequestId }).id : options?.relatedRequestId;
    if (related !== undefined && related !== null) {
      const sink = this.exchanges.get(related);
      if (sink) {
        if (isResponse) this.exchanges.delete(related);
        sink.deliver(message);
        return;
      }
      if (this.detached.has(related)) {
        if (isResponse) this.detached.delete(related);
        await this.router.toDetachedRequest(related, message);
        return;
      }
    }
    await this.router.toStandalone(message);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const run of this.directRuns.values()) run.abort();
    this.directRuns.clear();
    this.exchanges.clear();
    this.onclose?.();
  }
}
