import { GauzyMcpError, type ErrorCode } from '../errors.js';

/** Gauzy's error bodies: `{statusCode, message: string | string[], error?}` (see the API contract, section 4). */
export interface GauzyErrorBody {
  statusCode?: number;
  message?: string | string[];
  error?: string;
}

export function gauzyMessages(body: unknown): string[] {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as GauzyErrorBody).message;
    if (Array.isArray(message)) return message.map(String);
    if (typeof message === 'string') return [message];
  }
  if (typeof body === 'string' && body.trim()) return [body.trim().slice(0, 500)];
  return [];
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'GMCP_ERR_GAUZY_BAD_REQUEST',
  401: 'GMCP_ERR_GAUZY_UNAUTHORIZED',
  403: 'GMCP_ERR_GAUZY_FORBIDDEN',
  404: 'GMCP_ERR_GAUZY_NOT_FOUND',
  406: 'GMCP_ERR_GAUZY_NOT_ACCEPTABLE',
  429: 'GMCP_ERR_GAUZY_RATE_LIMITED',
};

/** Turns a non-2xx Gauzy answer into a coded error that keeps Gauzy's own messages. */
export function gauzyHttpError(status: number, body: unknown, request: { method: string; route: string }, attempts = 1): GauzyMcpError {
  const messages = gauzyMessages(body);
  const details = { status, gauzyMessages: messages, method: request.method, route: request.route };
  if (status >= 500) return new GauzyMcpError('GMCP_ERR_GAUZY_UNAVAILABLE', [`HTTP ${status}`, attempts], details);
  const code = CODE_BY_STATUS[status];
  if (code) return new GauzyMcpError(code, [], details);
  return new GauzyMcpError('GMCP_ERR_GAUZY_CONFLICT', [`HTTP ${status}`], details);
}
