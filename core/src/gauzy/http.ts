import { GauzyMcpError } from '../errors.js';
import type { Logger } from '../log.js';
import { normalizeGauzyBaseUrl } from './base-url.js';
import { gauzyHttpError } from './errors.js';
import { fetchExchange, gauzyRequestChannel, nodeExchange, type Exchange, type GauzyReply } from './exchange.js';
import { GauzyFile, isFileType } from './file.js';
import { encodeQuery, fillRoute, type QueryInput } from './query.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry, sleep, type RetryPolicy } from './retry.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface GauzyRequest {
  method: HttpMethod;
  /** Route template as in the Gauzy route table, e.g. `/api/tasks/:id`. */
  route: string;
  params?: Record<string, string | number>;
  query?: QueryInput;
  body?: unknown;
  signal?: AbortSignal;
  /** Overrides the client's default timeout for this call. */
  timeoutMs?: number;
  /** Sent as Gauzy's `Language` header (its i18n and translated entities read it). */
  language?: string;
}

export interface GauzyResponse<T = unknown> {
  status: number;
  data: T;
}

export interface GauzyHttpOptions {
  baseUrl: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  log: Logger;
  /** Sends through this instead of node:http (tests hand in a fake). */
  fetch?: typeof fetch;
}

/**
 * One HTTP exchange with Gauzy, with timeout, bounded retries and typed errors. It knows nothing of
 * sessions: callers pass the headers (Authorization, Tenant-Id) to send. Connections are kept alive
 * across calls (see nodeExchange).
 */
export class GauzyHttp {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly log: Logger;
  private readonly exchange: Exchange;

  constructor(options: GauzyHttpOptions) {
    this.baseUrl = normalizeGauzyBaseUrl(options.baseUrl, 'the Gauzy base URL');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.log = options.log;
    this.exchange = options.fetch ? fetchExchange(options.fetch) : nodeExchange();
  }

  url(request: Pick<GauzyRequest, 'route' | 'params' | 'query'>): string {
    const query = encodeQuery(request.query);
    return `${this.baseUrl}${fillRoute(request.route, request.params)}${query ? `?${query}` : ''}`;
  }

  async send<T>(request: GauzyRequest, headers: Record<string, string>): Promise<GauzyResponse<T>> {
    const url = this.url(request);
    const init = {
      method: request.method,
      // The caller's headers (authorization, tenant) come last: a request's own options never replace them.
      headers: { accept: 'application/json', ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(request.language ? { language: request.language } : {}), ...headers },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
    };
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    for (let attempt = 1; ; attempt++) {
      const limit = attemptSignal(request.signal, timeoutMs);
      if (gauzyRequestChannel.hasSubscribers) gauzyRequestChannel.publish({ method: request.method, url });
      let response: GauzyReply;
      try {
        response = await this.exchange(url, { ...init, signal: limit.signal });
      } catch (error) {
        if (request.signal?.aborted) throw new GauzyMcpError('GMCP_ERR_CANCELLED', [], {}, { cause: error });
        if (limit.timedOut()) {
          // A timed-out create may have happened on Gauzy's side: never repeat it blindly.
          if (shouldRetry(request.method, { connectionError: true }) && attempt < this.retry.maxAttempts) {
            await this.pause(request, attempt, null);
            continue;
          }
          throw new GauzyMcpError('GMCP_ERR_GAUZY_TIMEOUT', [timeoutMs], { method: request.method, route: request.route, attempts: attempt });
        }
        const reason = connectionErrorReason(error);
        if (shouldRetry(request.method, { connectionError: true }) && attempt < this.retry.maxAttempts) {
          this.log.debug('gauzy connection error, retrying', { route: request.route, method: request.method, attempt, reason });
          await this.pause(request, attempt, null);
          continue;
        }
        throw new GauzyMcpError('GMCP_ERR_GAUZY_UNAVAILABLE', [reason, attempt], { method: request.method, route: request.route, baseUrl: this.baseUrl });
      } finally {
        limit.release();
      }
      const ok = response.status >= 200 && response.status < 300;
      if (response.status >= 300 && response.status < 400) {
        // Followed, a redirect would resend the token elsewhere (and turn a create into a read): said instead.
        const to = response.location ? ` to ${response.location}` : '';
        throw new GauzyMcpError('GMCP_ERR_GAUZY_UNAVAILABLE', [`HTTP ${response.status}, a redirect${to}: API_BASE_URL must be the address Gauzy's API answers at`, attempt], { method: request.method, route: request.route, baseUrl: this.baseUrl });
      }
      const data = readBody(response, ok);
      if (ok) return { status: response.status, data: data as T };
      if (shouldRetry(request.method, { status: response.status }) && attempt < this.retry.maxAttempts) {
        this.log.debug('gauzy transient error, retrying', { route: request.route, method: request.method, status: response.status, attempt });
        await this.pause(request, attempt, response.retryAfter);
        continue;
      }
      throw gauzyHttpError(response.status, data, request, attempt);
    }
  }

  private async pause(request: GauzyRequest, attempt: number, retryAfter: string | null): Promise<void> {
    try {
      await sleep(retryDelayMs(this.retry, attempt, retryAfter), request.signal);
    } catch (error) {
      throw new GauzyMcpError('GMCP_ERR_CANCELLED', [], {}, { cause: error });
    }
  }
}

/**
 * One attempt's signal: the caller's cancel and the attempt's time limit, as one controller and a timer released
 * when the answer is in. AbortSignal.timeout and AbortSignal.any cost ~18 µs a request on Node 20, and any()
 * keeps the caller's signal tied to every attempt's until they are collected.
 */
function attemptSignal(cancel: AbortSignal | undefined, timeoutMs: number): { signal: AbortSignal; timedOut: () => boolean; release: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, timeoutMs);
  timer.unref();
  const onCancel = () => controller.abort(cancel!.reason);
  if (cancel?.aborted) onCancel();
  else cancel?.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    release: () => {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    },
  };
}

function readBody(response: GauzyReply, ok: boolean): unknown {
  const type = response.contentType;
  if (ok && isFileType(type)) return new GauzyFile(type.split(';')[0]!.trim(), response.body);
  const text = textDecoder.decode(response.body);
  if (!text) return null;
  if (type.includes('json') || /^[[{"]|^(true|false|null|-?\d)/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

const textDecoder = new TextDecoder();

function connectionErrorReason(error: unknown): string {
  // node:http puts the code on the error (ECONNREFUSED); fetch on its cause.
  const { code, cause } = error as { code?: string; cause?: { code?: string; message?: string } };
  return code ?? cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
