/**
 * A refusal at the HTTP layer (before or around JSON-RPC dispatch). It carries the status, the JSON-RPC
 * error code for the body, and any headers (e.g. `WWW-Authenticate`, `Retry-After`).
 */
export class HostHttpError extends Error {
  constructor(
    readonly status: number,
    readonly rpcCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HostHttpError';
  }

  /** The JSON-RPC error body the host answers with; `id` is null when the request could not be read. */
  body(id: string | number | null = null): { jsonrpc: '2.0'; id: string | number | null; error: { code: number; message: string; data?: Record<string, unknown> } } {
    return { jsonrpc: '2.0', id, error: { code: this.rpcCode, message: this.message, ...(this.data ? { data: this.data } : {}) } };
  }
}

/** JSON-RPC codes the host uses at the HTTP layer. */
export const RPC = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INTERNAL_ERROR: -32603,
  /** Implementation-defined server errors (-32000..-32099): session unknown, forbidden, rate limited, unauthorized. */
  SESSION_NOT_FOUND: -32001,
  UNAUTHORIZED: -32002,
  FORBIDDEN: -32003,
  RATE_LIMITED: -32004,
  PAYLOAD_TOO_LARGE: -32005,
  /** The shared state store (Redis) is down: retry later. */
  STATE_UNAVAILABLE: -32006,
  /** A request ran past the host's request timeout and was cancelled. */
  REQUEST_TIMEOUT: -32007,
  HEADER_MISMATCH: -32020,
  UNSUPPORTED_PROTOCOL_VERSION: -32022,
} as const;
