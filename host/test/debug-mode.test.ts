import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLogger } from '@gauzy-mcp/core/internal';
import type { RunningHost } from '../src/index.js';
import { createSandbox, INITIALIZE, openSession, rawPost, startTestHost, type Sandbox } from './helpers.js';
import { shapeOf } from '../src/http/debug-shapes.js';

const SECRET_NAME = 'Project Zeta-7 (confidential)';

describe('debug mode logs the shape of every MCP exchange, never a value', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  let quiet: RunningHost;
  const lines: string[] = [];
  const quietLines: string[] = [];
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    host = await startTestHost(sandbox, {}, { env: { GAUZY_MCP_DEBUG: 'true' }, log: createLogger({ level: 'info', sink: (line) => lines.push(line) }) });
    quiet = await startTestHost(sandbox, {}, { log: createLogger({ level: 'info', sink: (line) => quietLines.push(line) }) });
  });
  after(async () => {
    await host.close();
    await quiet.close();
    await sandbox.close();
  });

  test('a session and a write call are logged by method, tool, argument names and sizes; the values appear nowhere', async () => {
    const refused = await rawPost(host.mcpUrl, INITIALIZE('2025-06-18'), { authorization: 'Bearer not-a-real-token-but-secret-1234' });
    assert.equal(refused.status, 401, 'a token that is not configured is refused (and its refusal logged, without the token)');
    const session = await openSession(host.mcpUrl);
    const created = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'create_project', arguments: { name: SECRET_NAME } } }, session);
    assert.equal(created.status, 200, created.text);
    assert.equal(created.json.result.isError, undefined, created.text);
    const exchanges = lines.map((line) => JSON.parse(line) as Record<string, any>).filter((record) => record.msg === 'mcp exchange');
    assert.ok(exchanges.some((record) => record.status === 401), 'the refusal is logged too');
    const call = exchanges.find((record) => record.request?.method === 'tools/call');
    assert.ok(call, `a tools/call exchange should be logged: ${lines.join('\n')}`);
    assert.equal(call.request.params.name, 'create_project');
    assert.deepEqual(call.request.params.arguments, { name: `string(${SECRET_NAME.length})` });
    assert.equal(call.status, 200);
    assert.equal(typeof call.ms, 'number');
    assert.ok(call.answer.result.content, 'the answer\'s shape is logged');
    const everything = lines.join('\n');
    for (const secret of [SECRET_NAME, 'Zeta', 'confidential', 'not-a-real-token', session['mcp-session-id'], created.json.result.structuredContent.id]) {
      assert.ok(!everything.includes(secret), `the log must not contain ${secret}`);
    }
  });

  test('off by default: nothing of the kind is logged', async () => {
    await rawPost(quiet.mcpUrl, INITIALIZE('2025-06-18'));
    assert.ok(!quietLines.some((line) => line.includes('mcp exchange')));
  });

  test('shapes keep only the protocol\'s own words, where the protocol puts them', () => {
    assert.deepEqual(shapeOf({ jsonrpc: '2.0', method: 'tools/call', params: { name: 'x', arguments: { name: 'secret', method: 'secret', list: [1, 2], nested: { deep: { deeper: { deepest: 1 } } } } } }), {
      jsonrpc: '2.0',
      method: 'tools/call',
      params: { name: 'x', arguments: { name: 'string(6)', method: 'string(6)', list: { 'array(2) of': 'number' }, nested: { deep: 'object' } } },
    });
    assert.deepEqual(shapeOf({ 'a key that is really data: 4111 1111 1111 1111': 1 }), { 'key(46)': 'number' });
  });
});
