import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connectHttp, createSandbox, rawPost, startTestHost, type Sandbox } from './helpers.js';
import type { RunningHost } from '../src/index.js';

describe('Streamable HTTP: the SDK client against the host', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    // Every toolset: get_server_info is in diagnostics, which is not a default one.
    host = await startTestHost(sandbox, { inventory: { toolsets: ['all'] } });
  });
  after(async () => {
    await host.close();
    await sandbox.close();
  });

  for (const protocol of ['2026-07-28', '2025-06-18', '2025-11-25'] as const) {
    test(`${protocol}: negotiates, lists every tool, and calls tools that read and write Gauzy`, async () => {
      const client = await connectHttp(host.mcpUrl, protocol);
      try {
        assert.equal(client.protocolVersion, protocol);
        const { tools } = await client.client.listTools();
        assert.equal(tools.length, host.toolCount);
        const projects = await client.call('list_projects', {});
        assert.equal(projects.isError, false, projects.text);
        assert.ok((projects.structured?.total as number) >= 4);
        const created = await client.call('create_task', { title: `From ${protocol}`, projectId: (projects.structured!.items as Array<{ id: string }>)[0]!.id });
        assert.equal(created.isError, false, created.text);
        const id = created.structured!.id as string;
        const stored = sandbox.db.get('task', id);
        assert.equal(stored?.title, `From ${protocol}`);
        const info = await client.call('get_server_info', {});
        assert.equal(info.structured?.transport, 'http');
      } finally {
        await client.close();
      }
    });
  }

  test('2026-07-28 tools/call and tools/list from an SDK client are answered directly; a call with a progress token goes through the SDK', async () => {
    const direct = () => host.metrics.answers.value({ era: '2026-07-28', path: 'direct' });
    const viaSdk = () => host.metrics.answers.value({ era: '2026-07-28', path: 'sdk' });
    const before = { direct: direct(), sdk: viaSdk() };
    const client = await connectHttp(host.mcpUrl, '2026-07-28');
    try {
      await client.client.listTools();
      const info = await client.call('get_server_info', {});
      assert.equal(info.isError, false, info.text);
      assert.equal(direct() - before.direct, 2, 'tools/list and tools/call should take the direct path');
      const sdkBefore = viaSdk();
      let progressed = 0;
      await client.client.callTool({ name: 'get_server_info', arguments: {} }, { onprogress: () => progressed++ });
      assert.equal(viaSdk() - sdkBefore, 1, 'a call with a progress token needs the per-request stream');
    } finally {
      await client.close();
    }
  });

  test('in a 2025-06-18 session, tools/list and tools/call are answered directly; a call with a progress token goes to the session server', async () => {
    const direct = () => host.metrics.answers.value({ era: 'session', path: 'direct' });
    const viaSdk = () => host.metrics.answers.value({ era: 'session', path: 'sdk' });
    const client = await connectHttp(host.mcpUrl, '2025-06-18');
    try {
      const before = { direct: direct(), sdk: viaSdk() };
      await client.client.listTools();
      const info = await client.call('get_server_info', {});
      assert.equal(info.isError, false, info.text);
      assert.equal(direct() - before.direct, 2);
      await client.client.callTool({ name: 'get_server_info', arguments: {} }, { onprogress: () => {} });
      assert.equal(viaSdk() - before.sdk, 1);
    } finally {
      await client.close();
    }
  });

  test('every answer carries the security headers an API answer needs, and only those: a tool answer, a refusal and an unknown route', async () => {
    const expectSecure = (headers: Headers, what: string) => {
      assert.equal(headers.get('content-security-policy')?.split(';')[0], "default-src 'none'", what);
      assert.match(headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, what);
      assert.equal(headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains', what);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
      assert.equal(headers.get('x-frame-options'), 'DENY', what);
      assert.equal(headers.get('referrer-policy'), 'no-referrer', what);
      assert.equal(headers.get('cross-origin-resource-policy'), 'same-origin', what);
      assert.equal(headers.get('cache-control'), 'no-store', `${what}: what a user was answered is not cached`);
      assert.match(headers.get('x-request-id') ?? '', /^[\w.-]{1,64}$/, `${what}: a request id to quote`);
      // Headers that only mean something on an HTML document are not sent on JSON answers.
      for (const documentOnly of ['cross-origin-opener-policy', 'origin-agent-cluster', 'x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection']) {
        assert.equal(headers.get(documentOnly), null, `${what}: ${documentOnly}`);
      }
    };
    const meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
    const answer = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_server_info', arguments: {}, _meta: meta } }, { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'get_server_info' });
    assert.equal(answer.status, 200, answer.text);
    expectSecure(answer.headers, 'a tool answer');
    const refused = await rawPost(host.mcpUrl, '{not json');
    assert.equal(refused.status, 400);
    expectSecure(refused.headers, 'a refusal');
    const missing = await fetch(`${host.url}/nowhere`);
    await missing.text();
    assert.equal(missing.status, 404);
    expectSecure(missing.headers, 'an unknown route');
  });
});
