#!/usr/bin/env node
// A WebSocket client for the gauzy-mcp host: one JSON-RPC message per text frame.
// Usage: node client.mjs <ws-url> [bearer-token] [tool-name] [json-arguments]
//   node client.mjs ws://127.0.0.1:3001/ws
//   node client.mjs ws://127.0.0.1:3001/ws my-dev-token list_projects '{"take":5}'
import WebSocket from 'ws';

const [url, token, toolName = 'get_session_info', toolArgs = '{}'] = process.argv.slice(2);
if (!url) {
  process.stderr.write('usage: node client.mjs <ws-url> [bearer-token] [tool-name] [json-arguments]\n');
  process.exit(2);
}

const socket = new WebSocket(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, perMessageDeflate: true });
const pending = new Map();
let nextId = 1;

/** Sends a request and resolves with its result (or rejects with its JSON-RPC error). */
function request(method, params) {
  const id = nextId++;
  socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

socket.on('message', (data) => {
  const message = JSON.parse(data.toString());
  const waiter = pending.get(message.id);
  if (!waiter) return; // a notification (progress, logging): not needed here
  pending.delete(message.id);
  if (message.error) waiter.reject(new Error(`${message.error.code}: ${message.error.message}`));
  else waiter.resolve(message.result);
});
socket.on('unexpected-response', (_request, response) => {
  process.stderr.write(`refused: HTTP ${response.statusCode}\n`);
  process.exit(1);
});
socket.on('error', (error) => {
  process.stderr.write(`connection failed: ${error.message}\n`);
  process.exit(1);
});

socket.on('open', async () => {
  try {
    const init = await request('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'gauzy-mcp-ws-client', version: '0.1.0' } });
    socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    process.stdout.write(`connected to ${init.serverInfo.name} ${init.serverInfo.version} (protocol ${init.protocolVersion})\n`);
    let count = 0;
    let cursor;
    do {
      const page = await request('tools/list', cursor ? { cursor } : {});
      count += page.tools.length;
      cursor = page.nextCursor;
    } while (cursor);
    process.stdout.write(`tools: ${count}\n`);
    const result = await request('tools/call', { name: toolName, arguments: JSON.parse(toolArgs) });
    process.stdout.write(`${toolName}${result.isError ? ' (error)' : ''}:\n${result.content.map((block) => block.text ?? `[${block.type}]`).join('\n')}\n`);
    socket.close(1000);
    process.exitCode = result.isError ? 1 : 0;
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    socket.close(1000);
    process.exitCode = 1;
  }
});
