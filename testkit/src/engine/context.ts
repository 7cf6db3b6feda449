import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GauzyRoute } from '../route-table.js';
import type { Row, SandboxStore } from '../store.js';

/** The authenticated caller, resolved from the JWT + store on every guarded request. */
export interface CallerContext {
  user: Row;
  role: Row;
  tenantId: string;
  permissions: Set<string>;
  employee?: Row;
  isSuperAdmin: boolean;
  /** Lacks CHANGE_SELECTED_EMPLOYEE ⇒ Gauzy restricts employee-owned rows to the caller's employee. */
  selfScoped: boolean;
}

export interface HandlerInput {
  route: GauzyRoute;
  caller?: CallerContext;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  headers: FastifyRequest['headers'];
  store: SandboxStore;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** What a handler returns: a body, with the status defaulting to the TSV `status` column. */
export interface HandlerOutput {
  status?: number;
  body?: unknown;
  /** Sends `body` (bytes) as is with this media type, as Gauzy streams a PDF; otherwise the body goes out as JSON. */
  contentType?: string;
}

export type RouteHandler = (input: HandlerInput) => HandlerOutput | Promise<HandlerOutput>;

export const nowIso = () => new Date().toISOString();
