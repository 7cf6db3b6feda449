import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { test } from 'node:test';

// Issue #15: when stdin ends, `gauzy-mcp stdio` answers every request already received before it exits. Before,
// the SDK's transport closed on end of input: a tools/list answer was cut and the calls after it never answered.

const BIN = new URL('../../node_modules/.bin/gauzy-mcp', import.meta.url).pathname;

test('requests written just before stdin closes are all answered, whole, and the process then exits 0', async () => {
  assert.ok(existsSync(BIN), `${BIN} is missing: run "npm run setup" (install + build) first`);
  const { API_BASE_URL: _drop, GAUZY_AUTH_EMAIL: _e, GAUZY_AUTH_PASSWORD: _p, ...env } = process.env;
  const child = spawn(BIN, ['stdio'], { env: { ...env, GAUZY_MCP_LOG_LEVEL: 'warn', GAUZY_MCP_TOOLSETS: 'all' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  const message = (body: Record<string, unknown>) => `${JSON.stringify({ jsonrpc: '2.0', ...body })}\n`;
  const calls = [3, 4, 5, 6, 7];
  child.stdin.write(
    message({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'drain-test', version: '1.0.0' } } }) +
      message({ method: 'notifications/initialized' }) +
      message({ id: 2, method: 'tools/list' }) +
      calls.map((id) => message({ id, method: 'tools/call', params: { name: 'list_projects', arguments: { take: 5 } } })).join(''),
  );
  child.stdin.end();
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 0);
  const answers = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id?: number; result?: Record<string, unknown>; error?: unknown });
  assert.deepEqual(answers.map((answer) => answer.id).filter((id) => id !== undefined).sort((a, b) => a! - b!), [1, 2, ...calls], stdout.slice(0, 2000));
  const list = answers.find((answer) => answer.id === 2)!;
  assert.ok(Array.isArray(list.result?.tools) && (list.result!.tools as unknown[]).length > 0, 'tools/list is whole JSON with its tools');
  for (const id of calls) {
    const call = answers.find((answer) => answer.id === id)!;
    assert.equal(call.error, undefined);
    assert.notEqual(call.result?.isError, true, JSON.stringify(call.result).slice(0, 500));
  }
});
