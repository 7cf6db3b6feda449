/** A 2026-07-28 `tools/call`, as the bench clients send it: its envelope in `_meta`, its routing headers, JSON in and out; and a 2025-06-18 session's opening. */
export const MODERN_META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

export const modernHeaders = (name: string) => ({ 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': name });

export const toolCall = (name: string, args: Record<string, unknown>, modern: boolean) => ({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args, ...(modern ? { _meta: MODERN_META } : {}) } });

export const SESSION_REVISION = '2025-06-18';

export const initializeRequest = (id: number) => ({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: SESSION_REVISION, capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });

/**
 * Opens a 2025-06-18 session (initialize, then initialized) and returns the headers its requests carry; each of the
 * two requests gives up after `timeoutMs` when one is given.
 */
export async function openSession(mcpUrl: string, options: { id?: number; timeoutMs?: number } = {}): Promise<{ 'mcp-session-id': string; 'mcp-protocol-version': string }> {
  const post = async (message: object, headers: Record<string, string>) => {
    const signal = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
    const response = await fetch(mcpUrl, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(message), signal });
    return { response, text: await response.text() };
  };
  const { response, text } = await post(initializeRequest(options.id ?? 0), {});
  const sessionId = response.headers.get('mcp-session-id');
  if (response.status !== 200 || !sessionId) throw new Error(`initialize: HTTP ${response.status}, session id ${sessionId}: ${text.slice(0, 200)}`);
  const headers = { 'mcp-session-id': sessionId, 'mcp-protocol-version': SESSION_REVISION };
  const initialized = await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, headers);
  if (initialized.response.status !== 202) throw new Error(`notifications/initialized: HTTP ${initialized.response.status}: ${initialized.text.slice(0, 200)}`);
  return headers;
}
