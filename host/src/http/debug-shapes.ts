/**
 * What debug mode logs of a message: its shape, never its values. `{"name":"x","arguments":{"password":"…"}}`
 * becomes `{ name: 'x', arguments: { password: 'string(8)' } }`, so an operator sees which method, tool and
 * argument names a client sent and how big the answer was, and no secret can reach the log. The only strings
 * kept are the protocol's own words at their own places: `jsonrpc` and `method`, and the tool name and
 * protocol version in `params`.
 */
const KEPT_AT = new Set(['jsonrpc', 'method', 'params.name', 'params.protocolVersion']);
const MAX_DEPTH = 4;
const MAX_KEYS = 24;

export function shapeOf(value: unknown, depth = 0, path = ''): unknown {
  if (value === null) return 'null';
  if (typeof value === 'string') return KEPT_AT.has(path) && /^[\w./:-]{1,64}$/.test(value) ? value : `string(${value.length})`;
  if (typeof value !== 'object') return typeof value;
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? `array(${value.length})` : 'object';
  if (Array.isArray(value)) return value.length === 0 ? 'array(0)' : { [`array(${value.length}) of`]: shapeOf(value[0], depth + 1, `${path}[]`) };
  const entries = Object.entries(value as Record<string, unknown>);
  const shaped: Record<string, unknown> = {};
  for (const [name, child] of entries.slice(0, MAX_KEYS)) shaped[safeKey(name)] = shapeOf(child, depth + 1, path ? `${path}.${name}` : name);
  if (entries.length > MAX_KEYS) shaped['…'] = `${entries.length - MAX_KEYS} more keys`;
  return shaped;
}

/** Keys are names a client chose; a key that looks like data (long, odd characters) is shown by its length only. */
function safeKey(name: string): string {
  return /^[\w.$/-]{1,48}$/.test(name) ? name : `key(${name.length})`;
}

/** The shape of a JSON body as sent (string or buffer); `not JSON` for anything else. */
export function shapeOfPayload(payload: unknown): unknown {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload === undefined || payload === null ? 'empty' : 'stream';
  const text = payload.toString();
  if (text.startsWith('event:') || text.startsWith('id:') || text.startsWith(':')) return 'event stream';
  try {
    return shapeOf(JSON.parse(text));
  } catch {
    return `not JSON (${text.length} bytes)`;
  }
}
