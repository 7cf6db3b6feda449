import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import diagnosticsPlugin from '../src/index.js';

let sandbox: Sandbox;
let client: TestClient;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
  client = await connectInMemory(createKernel({ plugins: [diagnosticsPlugin], inventory: { toolsets: ['diagnostics'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') }).serverFactory);
});
after(async () => {
  await client.close();
  await sandbox.close();
});

test('test_api_connection checks reachability and the session against Gauzy', async () => {
  const result = await client.call('test_api_connection', {});
  assert.equal(result.isError, false, result.text);
  assert.equal(result.structured!.ok, true);
  assert.deepEqual((result.structured!.checks as Array<{ name: string; ok: boolean }>).map((check) => [check.name, check.ok]), [['gauzy reachable', true], ['session accepted', true]]);
  assert.ok(sandbox.requests.some((request) => request.path === '/api/auth/authenticated'));
});

test('test_api_connection reports a failing Gauzy instead of throwing', async () => {
  sandbox.faults.add({ method: 'GET', path: '/api/user/me', status: 503, times: Infinity });
  try {
    const result = await client.call('test_api_connection', {});
    assert.equal(result.isError, false);
    assert.equal(result.structured!.ok, false);
    assert.match(result.text, /FAILED session accepted .*GMCP_ERR_GAUZY_UNAVAILABLE/);
  } finally {
    sandbox.faults.clear();
  }
});

test('get_server_info and test_mcp_capabilities describe the server without calling Gauzy', async () => {
  sandbox.clearRequests();
  const info = await client.call('get_server_info', {});
  assert.equal(info.structured!.name, 'gauzy-mcp');
  assert.equal(info.structured!.gauzyBaseUrl, sandbox.url);
  assert.equal(info.structured!.toolCount, 3);
  const caps = await client.call('test_mcp_capabilities', {});
  assert.ok((caps.structured!.protocolVersions as string[]).includes('2026-07-28'));
  assert.ok((caps.structured!.protocolVersions as string[]).includes('2025-06-18'));
  assert.deepEqual((caps.structured!.toolsets as Array<{ name: string; tools: number }>).map((toolset) => [toolset.name, toolset.tools]), [['diagnostics', 3]]);
  assert.equal(sandbox.requests.length, 0);
});
