import {
  classifyInboundRequest,
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  isJsonContentType,
  PROTOCOL_VERSION_META_KEY,
  SERVER_INFO_META_KEY,
  specTypeSchemas,
} from '@modelcontextprotocol/server';
import type { Caller, ToolCallResult, ToolDispatcher } from '../dispatch.js';
import { isGauzyMcpError } from '../errors.js';
import type { Inventory, ListedTool } from '../inventory.js';
import type { ServerFacts } from '../tool.js';
import { DEFAULT_LIST_PAGE_SIZE, encodeCursor, listingPages, pageOfCursor, serverIdentity } from './server.js';

const MODERN_REVISION = '2026-07-28';
/** The envelope keys a request may carry and still be answered here; anything else goes the SDK's way. */
const ENVELOPE_KEYS = new Set([PROTOCOL_VERSION_META_KEY, CLIENT_INFO_META_KEY, CLIENT_CAPABILITIES_META_KEY]);
const CALL_PARAM_KEYS = new Set(['name', 'arguments', '_meta']);
const LIST_PARAM_KEYS = new Set(['cursor', '_meta']);
const MESSAGE_KEYS = new Set(['jsonrpc', 'id', 'method', 'params']);
const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;

/** The standard headers that came with a POSTed message. */
export interface StandardHeaders {
  contentType?: string;
  protocolVersion?: string;
  method?: string;
  name?: string;
}

/** A 2026-07-28 `tools/call` or `tools/list` this responder can answer, checked. */
export interface AcceptedRequest {
  id: string | number;
  method: 'tools/call' | 'tools/list';
  params: Record<string, unknown>;
}

/**
 * `accept` checks a request without side effects (cheap enough to run on every POST); `answer` serves an
 * accepted one, serialized, or returns undefined when it turns out to need the SDK's full path after all
 * (a cursor this caller's listing does not have, a tool that logs to the client).
 */
export interface StatelessResponder {
  accept(body: unknown, headers: StandardHeaders): AcceptedRequest | undefined;
  /** `signal` aborts when the client goes away, 2026-07-28's cancel signal. */
  answer(request: AcceptedRequest, caller: Caller, signal: AbortSignal): Promise<string> | undefined;
}

export interface StatelessResponderOptions {
  inventory: Inventory;
  dispatcher: ToolDispatcher;
  facts: ServerFacts;
  listPageSize?: number;
}

/**
 * The two 2026-07-28 requests clients send most, `tools/call` and `tools/list`, answered from the long-lived
 * catalog and dispatcher: no server instance, transport or web `Request` per request, and `tools/list` from
 * bytes serialized once per scope set and page.
 *
 * It answers only what the SDK's path would serve as it is: a well-formed request whose standard headers
 * repeat its body exactly, with a plain envelope, no progress token, and (for a call) a tool that does not
 * write to the client's log. Everything else, including every request the SDK refuses, is declined so the
 * SDK answers it, which keeps its validation the only one. The answer is byte-for-byte what the SDK's path
 * answers (its 2026-07-28 encoding: `resultType`, the cache fields on lists, the server's identity in
 * `_meta`); `core/test/stateless.test.ts` holds the two side by side.
 */
export function createStatelessResponder(options: StatelessResponderOptions): StatelessResponder {
  const pagesFor = listingPages(options.inventory, options.listPageSize ?? DEFAULT_LIST_PAGE_SIZE);
  const identity = serverIdentity(options.facts);
  const serializedPages = new WeakMap<ListedTool[][], string[]>();

  const listPage = (pages: ListedTool[][], index: number): string => {
    let serialized = serializedPages.get(pages);
    if (!serialized) serializedPages.set(pages, (serialized = []));
    const next = index + 1 < pages.length ? encodeCursor(index + 1) : undefined;
    return (serialized[index] ??= JSON.stringify({
      tools: pages[index] ?? [],
      ...(next ? { nextCursor: next } : {}),
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
      _meta: { [SERVER_INFO_META_KEY]: identity },
    }));
  };

  const answer = (request: AcceptedRequest, caller: Caller, signal: AbortSignal): Promise<string> | undefined => {
    const { id, params } = request;
    if (request.method === 'tools/list') {
      const pages = pagesFor(caller.scopes);
      const index = pageOfCursor(params.cursor as string | undefined, pages.length);
      if (index === undefined) return undefined;
      return Promise.resolve(`{"result":${listPage(pages, index)},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`);
    }
    const name = params.name as string;
    if (options.inventory.get(name)?.definition.logs) return undefined;
    return options.dispatcher.call(name, params.arguments, { caller, signal }).then(
      (result) => {
        const wire = wireCallResult(result);
        if ('invalid' in wire) return JSON.stringify({ jsonrpc: '2.0', id, error: { code: INVALID_PARAMS, message: `Invalid tools/call result: ${wire.invalid}` } });
        return JSON.stringify({ result: withServerIdentity({ ...wire.result, resultType: 'complete' }, identity), jsonrpc: '2.0', id });
      },
      (error: unknown) => {
        const unknownTool = isGauzyMcpError(error, 'GMCP_ERR_UNKNOWN_TOOL');
        const message = error instanceof Error ? error.message : 'Internal error';
        const failure = unknownTool ? { code: INVALID_PARAMS, message, data: { code: error.code } } : { code: INTERNAL_ERROR, message };
        return JSON.stringify({ jsonrpc: '2.0', id, error: failure });
      },
    );
  };
  return { accept: acceptedRequest, answer };
}

function acceptedRequest(body: unknown, headers: StandardHeaders): AcceptedRequest | undefined {
  if (headers.protocolVersion !== MODERN_REVISION || !isJsonContentType(headers.contentType ?? null)) return undefined;
  if (!isPlainObject(body) || body.jsonrpc !== '2.0' || !hasOnlyKeys(body, MESSAGE_KEYS)) return undefined;
  const { id, method, params } = body;
  if (!(typeof id === 'string' || Number.isSafeInteger(id))) return undefined;
  if ((method !== 'tools/call' && method !== 'tools/list') || headers.method !== method) return undefined;
  if (!isPlainObject(params) || !isPlainObject(params._meta) || !hasOnlyKeys(params._meta, ENVELOPE_KEYS)) return undefined;
  if (params._meta[PROTOCOL_VERSION_META_KEY] !== MODERN_REVISION) return undefined;
  if (method === 'tools/call') {
    if (!hasOnlyKeys(params, CALL_PARAM_KEYS) || typeof params.name !== 'string' || headers.name !== params.name) return undefined;
    if (params.arguments !== undefined && !isPlainObject(params.arguments)) return undefined;
  } else if (!hasOnlyKeys(params, LIST_PARAM_KEYS) || headers.name !== undefined || (params.cursor !== undefined && typeof params.cursor !== 'string')) {
    return undefined;
  }
  // The SDK's own reading of the envelope (its shape, the client info and capabilities) decides the rest.
  const outcome = classifyInboundRequest({ httpMethod: 'POST', protocolVersionHeader: headers.protocolVersion, mcpMethodHeader: headers.method, mcpNameHeader: headers.name, body });
  if (outcome.kind !== 'modern' || outcome.classification.revision !== MODERN_REVISION) return undefined;
  return { id: id as string | number, method, params };
}

/**
 * A call result as the SDK puts it on the wire: checked against the spec's schema, whose parse also sets the
 * key order. The kernel's own results (text blocks, structured content, `isError`) are put in that order
 * without a parse; anything else (images, resources, annotations, a plugin's `_meta`) goes through the schema.
 */
function wireCallResult(result: ToolCallResult): { result: Record<string, unknown> } | { invalid: string } {
  if (isKernelShaped(result)) {
    const { content, structuredContent, isError } = result;
    return { result: { content, ...(structuredContent === undefined ? {} : { structuredContent }), ...(isError === undefined ? {} : { isError }) } };
  }
  const checked = specTypeSchemas.CallToolResult['~standard'].validate(result);
  if (checked instanceof Promise) throw new Error('the CallToolResult schema validates synchronously');
  if (checked.issues) return { invalid: checked.issues.map((issue) => `${(issue.path ?? []).map((part) => (typeof part === 'object' ? part.key : part)).join('.')}: ${issue.message}`).join('; ') };
  return { result: checked.value as Record<string, unknown> };
}

function isKernelShaped(result: ToolCallResult): boolean {
  for (const key in result) if (key !== 'content' && key !== 'structuredContent' && key !== 'isError') return false;
  if (!Array.isArray(result.content)) return false;
  if (result.structuredContent !== undefined && !isPlainObject(result.structuredContent)) return false;
  if (result.isError !== undefined && typeof result.isError !== 'boolean') return false;
  for (const block of result.content) {
    if (!isPlainObject(block) || block.type !== 'text' || typeof block.text !== 'string') return false;
    for (const key in block) if (key !== 'type' && key !== 'text') return false;
  }
  return true;
}

/** The SDK's rule for every 2026-07-28 result: the server's identity joins `_meta`, unless the result names one. */
function withServerIdentity(result: Record<string, unknown>, identity: ReturnType<typeof serverIdentity>): Record<string, unknown> {
  const meta = result._meta;
  if (meta === undefined) return { ...result, _meta: { [SERVER_INFO_META_KEY]: identity } };
  if (!isPlainObject(meta) || meta[SERVER_INFO_META_KEY] !== undefined) return result;
  return { ...result, _meta: { ...meta, [SERVER_INFO_META_KEY]: identity } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}
