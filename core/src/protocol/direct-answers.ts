import {
  classifyInboundRequest,
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  INTERNAL_ERROR,
  INVALID_PARAMS,
  isJsonContentType,
  PROTOCOL_VERSION_META_KEY,
  SERVER_INFO_META_KEY,
  specTypeSchemas,
} from '@modelcontextprotocol/server';
import type { CallContext, Caller, ToolCallResult, ToolDispatcher } from '../dispatch.js';
import { isGauzyMcpError } from '../errors.js';
import type { Inventory, ListedTool } from '../inventory.js';
import type { ServerFacts } from '../tool.js';
import { DEFAULT_LIST_PAGE_SIZE, INITIALIZE_ERA_REVISIONS, listingPage, listingPages, MODERN_REVISION, pageOfCursor, serverIdentity } from './server.js';

/** The envelope keys a request may carry and still be answered here; anything else goes the SDK's way. */
const ENVELOPE_KEYS = new Set([PROTOCOL_VERSION_META_KEY, CLIENT_INFO_META_KEY, CLIENT_CAPABILITIES_META_KEY]);
const CALL_PARAM_KEYS = new Set(['name', 'arguments', '_meta']);
const LIST_PARAM_KEYS = new Set(['cursor', '_meta']);
const MESSAGE_KEYS = new Set(['jsonrpc', 'id', 'method', 'params']);

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
 * (a cursor this caller's listing does not have, which the SDK refuses in its own words).
 */
export interface DirectResponder {
  accept(body: unknown, headers: StandardHeaders): AcceptedRequest | undefined;
  /** `cancel.signal` aborts when the client goes away, 2026-07-28's cancel signal (read only if the call needs it). */
  answer(request: AcceptedRequest, caller: Caller, cancel: { readonly signal: AbortSignal }): Promise<Answer> | undefined;
  /**
   * The same two requests inside a 2025-revision session, which the host has already checked belongs to the
   * caller. The transport stays the session's: `answerInSession` gets the call's context (its way back to the
   * client through the session) and its cancel signal (read only if the call needs it), and returns the JSON-RPC
   * answer for the session to send.
   */
  acceptInSession(body: unknown): AcceptedRequest | undefined;
  /** An accepted `tools/call`'s answer. */
  answerInSession(request: AcceptedRequest, context: Omit<CallContext, 'signal'>, cancel: { readonly signal: AbortSignal }): Promise<JSONRPCAnswer>;
  /** A session's `tools/list` page, serialized; undefined for a cursor this caller's listing does not have. */
  listInSession(request: AcceptedRequest, caller: Caller): Answer | undefined;
}

/** A serialized JSON-RPC answer: a listing is bytes (its page was encoded once), a call's answer a string. */
export type Answer = string | Buffer;

/** A JSON-RPC answer as the SDK's server sends it in a 2025-revision session. */
export type JSONRPCAnswer = { jsonrpc: '2.0'; id: string | number; result: Record<string, unknown> } | { jsonrpc: '2.0'; id: string | number; error: { code: number; message: string; data?: unknown } };

export interface DirectResponderOptions {
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
 * `_meta`); `core/test/direct-answers.test.ts` holds the two side by side.
 *
 * Inside a 2025-revision session the same two requests skip the session server's dispatch, not its transport:
 * the host runs the call on the session's routing, so what the tool asks the client still goes through the
 * session's server (see `sessionClientChannel`), and the answer is the one that server would send.
 */
export function createDirectResponder(options: DirectResponderOptions): DirectResponder {
  const pagesFor = listingPages(options.inventory, options.dispatcher.catalogMode, options.listPageSize ?? DEFAULT_LIST_PAGE_SIZE);
  const identity = serverIdentity(options.facts);
  const serializedPages = { stateless: new WeakMap<ListedTool[][], Buffer[]>(), session: new WeakMap<ListedTool[][], Buffer[]>() };
  const RESULT_OPEN = Buffer.from('{"result":');

  /** A page's result, serialized once: 2026-07-28 adds its cache fields and the server's identity. */
  const listPage = (era: keyof typeof serializedPages, pages: ListedTool[][], index: number): Buffer => {
    let serialized = serializedPages[era].get(pages);
    if (!serialized) serializedPages[era].set(pages, (serialized = []));
    const page = listingPage(pages, index);
    // UTF-8 bytes, once: the answer is then copied, not encoded and measured again, on every request.
    return (serialized[index] ??= Buffer.from(JSON.stringify(era === 'session' ? page : { ...page, resultType: 'complete', ttlMs: 0, cacheScope: 'private', _meta: { [SERVER_INFO_META_KEY]: identity } })));
  };
  const listAnswer = (era: keyof typeof serializedPages, request: AcceptedRequest, caller: Caller): Buffer | undefined => {
    const pages = pagesFor(caller);
    const index = pageOfCursor(request.params.cursor as string | undefined, pages.length);
    if (index === undefined) return undefined;
    return Buffer.concat([RESULT_OPEN, listPage(era, pages, index), Buffer.from(`,"jsonrpc":"2.0","id":${JSON.stringify(request.id)}}`)]);
  };

  /** Runs the call and shapes its answer as the SDK would: the result checked and ordered by the spec's schema. */
  const call = async (request: AcceptedRequest, context: CallContext): Promise<{ result: Record<string, unknown> } | { error: { code: number; message: string; data?: unknown } }> => {
    try {
      const wire = wireCallResult(await options.dispatcher.call(request.params.name as string, request.params.arguments, context));
      return 'invalid' in wire ? { error: { code: INVALID_PARAMS, message: `Invalid tools/call result: ${wire.invalid}` } } : wire;
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Internal error';
      return { error: isGauzyMcpError(error, 'GMCP_ERR_UNKNOWN_TOOL') ? { code: INVALID_PARAMS, message, data: { code: error.code } } : { code: INTERNAL_ERROR, message } };
    }
  };
  // call_tool (catalog mode) runs the tool it names, so that tool decides.
  const logsToClient = (request: AcceptedRequest) => {
    const named = request.params.name === 'call_tool' ? (request.params.arguments as { name?: unknown } | undefined)?.name : request.params.name;
    return typeof named === 'string' && options.inventory.get(named)?.definition.logs === true;
  };

  const answer = (request: AcceptedRequest, caller: Caller, cancel: { readonly signal: AbortSignal }): Promise<Answer> | undefined => {
    if (request.method === 'tools/list') {
      const listed = listAnswer('stateless', request, caller);
      return listed === undefined ? undefined : Promise.resolve(listed);
    }
    return call(request, new CancellableCall({ caller }, cancel)).then((answered) =>
      'error' in answered
        ? JSON.stringify({ jsonrpc: '2.0', id: request.id, error: answered.error })
        : JSON.stringify({ result: withServerIdentity({ ...answered.result, resultType: 'complete' }, identity), jsonrpc: '2.0', id: request.id }),
    );
  };

  const answerInSession = (request: AcceptedRequest, context: Omit<CallContext, 'signal'>, cancel: { readonly signal: AbortSignal }): Promise<JSONRPCAnswer> => {
    return call(request, new CancellableCall(context, cancel)).then((answered) => ('error' in answered ? { jsonrpc: '2.0', id: request.id, error: answered.error } : { result: answered.result, jsonrpc: '2.0', id: request.id }) as JSONRPCAnswer);
  };

  // A tool that logs to the client needs the SDK's request context (the level the client set, the call's stream).
  const unlessLogging = (request: AcceptedRequest | undefined) => (request?.method === 'tools/call' && logsToClient(request) ? undefined : request);
  return {
    accept: (body, headers) => unlessLogging(acceptedRequest(body, headers)),
    answer,
    acceptInSession: (body) => unlessLogging(acceptedSessionRequest(body)),
    answerInSession,
    listInSession: (request, caller) => (request.method === 'tools/list' ? listAnswer('session', request, caller) : undefined),
  };
}

function acceptedRequest(body: unknown, headers: StandardHeaders): AcceptedRequest | undefined {
  if (headers.protocolVersion !== MODERN_REVISION || !isJsonContentType(headers.contentType ?? null)) return undefined;
  const request = plainCallOrList(body);
  if (!request || headers.method !== request.method) return undefined;
  const { params } = request;
  if (!isPlainObject(params._meta) || !hasOnlyKeys(params._meta, ENVELOPE_KEYS) || params._meta[PROTOCOL_VERSION_META_KEY] !== MODERN_REVISION) return undefined;
  if (headers.name !== (request.method === 'tools/call' ? params.name : undefined)) return undefined;
  // A name outside the spec's alphabet is left to the SDK whole.
  if (request.method === 'tools/call' && !TOOL_NAME.test(params.name as string)) return undefined;
  return envelopeAccepted(request.method, params._meta) ? request : undefined;
}

/** The spec's tool names: 1 to 128 of these characters. */
const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
/** The SDK's verdict per distinct envelope; a client picks its envelope, so their number is bounded here. */
const envelopeVerdicts = new Map<string, boolean>();
const MAX_ENVELOPES = 256;
/** Stands in for the request's own tool name when the SDK reads an envelope: the name was checked above. */
const PROBE_NAME = 'probe';

/**
 * The SDK's own reading of the envelope (its shape, the client info and capabilities) decides whether a request is
 * answered here. A client sends the same envelope with every request and reading it is most of what accepting one
 * costs, so the verdict is kept per envelope; what else the body holds (the id, the tool name, the arguments, a
 * cursor) was checked above as the SDK's schemas check it for these two methods.
 */
function envelopeAccepted(method: AcceptedRequest['method'], meta: unknown): boolean {
  const key = `${method} ${JSON.stringify(meta)}`;
  let verdict = envelopeVerdicts.get(key);
  if (verdict === undefined) {
    const probe = { jsonrpc: '2.0', id: 0, method, params: { ...(method === 'tools/call' ? { name: PROBE_NAME } : {}), _meta: meta } };
    const outcome = classifyInboundRequest({ httpMethod: 'POST', protocolVersionHeader: MODERN_REVISION, mcpMethodHeader: method, mcpNameHeader: method === 'tools/call' ? PROBE_NAME : undefined, body: probe });
    verdict = outcome.kind === 'modern' && outcome.classification.revision === MODERN_REVISION;
    if (envelopeVerdicts.size >= MAX_ENVELOPES) envelopeVerdicts.delete(envelopeVerdicts.keys().next().value!);
    envelopeVerdicts.set(key, verdict);
  }
  return verdict;
}

/** Inside a 2025-revision session there is no envelope; a `_meta` (a progress token) is left to the session server. */
function acceptedSessionRequest(body: unknown): AcceptedRequest | undefined {
  const request = plainCallOrList(body);
  return request && request.params._meta === undefined ? request : undefined;
}

/** The revisions a 2025-era request's `Mcp-Protocol-Version` header may name. */
const SESSION_ERA_REVISIONS: ReadonlySet<string> = new Set(INITIALIZE_ERA_REVISIONS);

/** Optional whitespace around a header value (RFC 9110 §5.6.3), as the SDK strips it. */
const HTTP_OWS = /^[ \t]+|[ \t]+$/g;

/**
 * Whether a POST is 2025-era traffic by the SDK's own classification rules, without running them: a plain
 * `tools/call` or `tools/list` with no `_meta` carries no envelope claim, so with no header or one naming an
 * initialize-era revision, `classifyInboundRequest` can only answer "legacy, no claim". Its zod parses (two of them
 * failing by design on every request) were a tenth of a 2025 session call's CPU. Anything else is classified.
 */
export function isPlainSessionEraRequest(body: unknown, protocolVersionHeader: string | undefined): boolean {
  if (protocolVersionHeader !== undefined && !SESSION_ERA_REVISIONS.has(protocolVersionHeader.replace(HTTP_OWS, ''))) return false;
  return acceptedSessionRequest(body) !== undefined;
}

/** A `tools/call` or `tools/list` in its plain form (what both eras check first), or undefined. */
function plainCallOrList(body: unknown): AcceptedRequest | undefined {
  if (!isPlainObject(body) || body.jsonrpc !== '2.0' || !hasOnlyKeys(body, MESSAGE_KEYS)) return undefined;
  const { id, method } = body;
  const params = body.params ?? {};
  if (!(typeof id === 'string' || Number.isSafeInteger(id))) return undefined;
  if ((method !== 'tools/call' && method !== 'tools/list') || !isPlainObject(params)) return undefined;
  if (method === 'tools/call') {
    if (!hasOnlyKeys(params, CALL_PARAM_KEYS) || typeof params.name !== 'string') return undefined;
    if (params.arguments !== undefined && !isPlainObject(params.arguments)) return undefined;
  } else if (!hasOnlyKeys(params, LIST_PARAM_KEYS) || (params.cursor !== undefined && typeof params.cursor !== 'string')) {
    return undefined;
  }
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

/**
 * The call's context with its cancel signal read through: a lazily made one (LazyAbortController) is made only if
 * read. A class, so the getter is its prototype's: defining one on each call's copy cost about 2 µs a call.
 */
class CancellableCall implements CallContext {
  readonly caller: CallContext['caller'];
  readonly progress: CallContext['progress'];
  readonly client: CallContext['client'];
  readonly toolsChanged: CallContext['toolsChanged'];
  constructor(
    context: Omit<CallContext, 'signal'>,
    private readonly cancel: { readonly signal: AbortSignal },
  ) {
    this.caller = context.caller;
    this.progress = context.progress;
    this.client = context.client;
    this.toolsChanged = context.toolsChanged;
  }
  get signal(): AbortSignal {
    return this.cancel.signal;
  }
}
/** Fails to compile when CallContext gains a field CancellableCall does not copy. */
const copiesEveryField: [Exclude<keyof CallContext, keyof CancellableCall>] extends [never] ? true : never = true;
void copiesEveryField;

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
