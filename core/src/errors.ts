/**
 * The one table of coded errors. Every error the kernel raises or returns carries one of these codes,
 * so clients, logs and tests can match on a stable string. Codes are never reused once retired.
 */
export const ERROR_TABLE = {
  GMCP_ERR_INVALID_ARGUMENTS: { kind: 'input', message: 'Invalid arguments for %s' },
  GMCP_ERR_UNKNOWN_TOOL: { kind: 'protocol', message: 'Unknown tool: %s' },
  GMCP_ERR_ORGANIZATION_NOT_ALLOWED: { kind: 'input', message: 'You do not belong to organization %s' },
  GMCP_ERR_NO_EMPLOYEE: { kind: 'input', message: 'The signed-in Gauzy user has no employee record; %s needs one' },
  GMCP_ERR_GAUZY_BAD_REQUEST: { kind: 'gauzy', message: 'Gauzy rejected the request (400)' },
  GMCP_ERR_GAUZY_UNAUTHORIZED: { kind: 'gauzy', message: 'Gauzy did not accept the credentials (401)' },
  GMCP_ERR_GAUZY_FORBIDDEN: { kind: 'gauzy', message: 'Gauzy refused: not permitted for this user (403)' },
  GMCP_ERR_GAUZY_NOT_FOUND: { kind: 'gauzy', message: 'Gauzy found no such record (404)' },
  GMCP_ERR_GAUZY_NOT_ACCEPTABLE: { kind: 'gauzy', message: 'Gauzy could not accept the request (406)' },
  GMCP_ERR_GAUZY_CONFLICT: { kind: 'gauzy', message: 'Gauzy rejected the request (%s)' },
  GMCP_ERR_GAUZY_RATE_LIMITED: { kind: 'gauzy', message: 'Gauzy is rate limiting requests (429)' },
  GMCP_ERR_GAUZY_UNAVAILABLE: { kind: 'gauzy', message: 'Gauzy is unavailable (%s) after %s attempt(s)' },
  GMCP_ERR_GAUZY_TIMEOUT: { kind: 'gauzy', message: 'Gauzy did not answer within %s ms' },
  GMCP_ERR_GAUZY_BAD_RESPONSE: { kind: 'gauzy', message: 'Gauzy answered with something unexpected: %s' },
  GMCP_ERR_NOT_SIGNED_IN: { kind: 'auth', message: 'Not signed in to Gauzy: %s' },
  GMCP_ERR_CANCELLED: { kind: 'protocol', message: 'The request was cancelled' },
  GMCP_ERR_UNDECLARED_ROUTE: { kind: 'internal', message: 'Tool %s called %s, which it does not declare' },
  GMCP_ERR_OUTPUT_SCHEMA: { kind: 'internal', message: 'Tool %s produced a result that does not match its output schema' },
  GMCP_ERR_INTERNAL: { kind: 'internal', message: 'Internal error in %s' },
  GMCP_ERR_PLUGIN_INVALID: { kind: 'config', message: 'Plugin %s is invalid: %s' },
  GMCP_ERR_DUPLICATE_TOOL: { kind: 'config', message: 'Tool name %s is defined by both %s and %s' },
  GMCP_ERR_CONFIG_INVALID: { kind: 'config', message: 'Invalid configuration: %s' },
  GMCP_ERR_NOT_SUPPORTED: { kind: 'input', message: '%s' },
  GMCP_ERR_INSUFFICIENT_SCOPE: { kind: 'auth', message: 'This tool needs the %s scope' },
  GMCP_ERR_TOOL_RETIRED: { kind: 'input', message: 'The tool %s is not offered: %s' },
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;

export type ErrorKind = 'input' | 'protocol' | 'gauzy' | 'auth' | 'internal' | 'config';
export type ErrorCode = keyof typeof ERROR_TABLE;

export interface FieldIssue {
  field: string;
  message: string;
}

/** An error with a code from {@link ERROR_TABLE}; `details` is safe to show to the model and the user. */
export class GauzyMcpError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, args: readonly (string | number)[] = [], details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(formatMessage(ERROR_TABLE[code].message, args), options);
    this.name = 'GauzyMcpError';
    this.code = code;
    this.kind = ERROR_TABLE[code].kind;
    this.details = details;
  }
}

function formatMessage(template: string, args: readonly (string | number)[]): string {
  let index = 0;
  return template.replace(/%s/g, () => String(args[index++] ?? ''));
}

export function isGauzyMcpError(error: unknown, code?: ErrorCode): error is GauzyMcpError {
  return error instanceof GauzyMcpError && (code === undefined || error.code === code);
}
