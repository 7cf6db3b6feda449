import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import type { RunningHost } from '../src/index.js';
import { connectHttp, createSandbox, openSession, rawPost, startTestHost, type Sandbox } from './helpers.js';
import { randomStateKey, REDIS_URL, requireRedis } from './redis.js';
import { connectWebSocket } from './ws-client.js';

const META = ['search_tools', 'describe_tool', 'call_tool', 'list_toolsets'];
const MODERN_META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
const MODERN_LIST = { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' };

type Listed = { name: string; annotations?: { readOnlyHint?: boolean } };
const names = (tools: Listed[]) => tools.map((tool) => tool.name);
const structured = (result: { structuredContent?: unknown }) => result.structuredContent as Record<string, any>;

/** Waits for the next notification of `method` on a client; fails the test rather than waiting forever. */
function nextNotification(client: Client, method: 'notifications/tools/list_changed'): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${method} arrived`)), 10_000);
    client.setNotificationHandler(method, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('catalog mode: meta-tools instead of every tool, for clients with small tool budgets', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    host = await startTestHost(sandbox, { inventory: { toolsets: ['all'] } });
  });
  after(async () => {
    await host.close();
    await sandbox.close();
  });

  test('/mcp/catalog (2026-07-28): four meta-tools within 8 KB, no enable_toolset where nothing is kept between requests', async () => {
    const listed = await rawPost(`${host.url}/mcp/catalog`, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: MODERN_META } }, MODERN_LIST);
    assert.equal(listed.status, 200, listed.text);
    assert.deepEqual(names(listed.json.result.tools), META);
    assert.ok(Buffer.byteLength(JSON.stringify(listed.json.result.tools)) <= 8 * 1024, `${Buffer.byteLength(listed.text)} bytes`);
    // The same request without catalog mode lists the whole catalog.
    const full = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: MODERN_META } }, MODERN_LIST);
    assert.ok(full.json.result.tools.length > 40 && names(full.json.result.tools).includes('list_projects'));
  });

  test('search, describe and call through the meta-tools: the answers a model needs to pick a tool and call it', async () => {
    const client = await connectHttp(`${host.url}/mcp/catalog`, '2026-07-28');
    try {
      const found = await client.client.callTool({ name: 'search_tools', arguments: { query: 'start timer' } });
      assert.notEqual(found.isError, true, JSON.stringify(found.content));
      const tools = structured(found).tools as Array<{ name: string; toolset: string }>;
      assert.ok(tools.some((tool) => tool.name === 'start_timer'), JSON.stringify(tools));
      assert.match((found.content as Array<{ text: string }>)[0]!.text, /start_timer \(time-tracking, write\)/);

      const byToolset = await client.client.callTool({ name: 'search_tools', arguments: { toolset: 'projects', limit: 50 } });
      assert.ok((structured(byToolset).tools as Array<{ toolset: string }>).every((tool) => tool.toolset === 'projects'));

      const described = await client.client.callTool({ name: 'describe_tool', arguments: { name: 'list_projects' } });
      assert.equal(structured(described).inputSchema.type, 'object');
      assert.match((described.content as Array<{ text: string }>)[0]!.text, /Arguments \(JSON Schema\): \{/);

      const called = await client.client.callTool({ name: 'call_tool', arguments: { name: 'list_projects', arguments: { take: 2 } } });
      assert.notEqual(called.isError, true, JSON.stringify(called.content));
      const direct = await client.call('list_projects', { take: 2 });
      assert.deepEqual(called.structuredContent, direct.structured, 'call_tool answers what the tool answers');

      const wrongArgs = await client.client.callTool({ name: 'call_tool', arguments: { name: 'list_projects', arguments: { colour: 'red' } } });
      assert.equal(wrongArgs.isError, true);
      assert.match((wrongArgs.content as Array<{ text: string }>)[0]!.text, /colour: unknown argument/);

      const typo = await client.client.callTool({ name: 'call_tool', arguments: { name: 'list_projetcs' } });
      assert.equal(typo.isError, true);
      assert.match((typo.content as Array<{ text: string }>)[0]!.text, /no tool "list_projetcs" here; did you mean list_projects/);

      const nothing = await client.client.callTool({ name: 'search_tools', arguments: {} });
      assert.equal(nothing.isError, true);
      assert.match((nothing.content as Array<{ text: string }>)[0]!.text, /give a query, a toolset, or both/);
    } finally {
      await client.close();
    }
  });

  test('/mcp/x/projects/readonly/catalog: the meta-tools reach only what the full listing there would show', async () => {
    const client = await connectHttp(`${host.url}/mcp/x/projects/readonly/catalog`, '2026-07-28');
    try {
      const { tools } = await client.client.listTools();
      assert.deepEqual(names(tools), META);
      assert.equal(tools.find((tool) => tool.name === 'call_tool')!.annotations?.readOnlyHint, true, 'call_tool can only read here, and says so');
      const found = structured(await client.client.callTool({ name: 'search_tools', arguments: { query: 'project', limit: 50 } })).tools as Array<{ name: string; effect: string }>;
      assert.ok(found.length > 0 && found.every((tool) => tool.effect === 'read'), JSON.stringify(found));
      assert.ok(!found.some((tool) => /task/.test(tool.name)));
      const create = await client.client.callTool({ name: 'call_tool', arguments: { name: 'create_project', arguments: { name: 'x' } } });
      assert.equal(create.isError, true);
      assert.match((create.content as Array<{ text: string }>)[0]!.text, /no tool "create_project" here/);
      const outside = await client.client.callTool({ name: 'describe_tool', arguments: { name: 'list_tasks' } });
      assert.equal(outside.isError, true);
      const sets = structured(await client.client.callTool({ name: 'list_toolsets', arguments: {} })).toolsets as Array<{ name: string }>;
      assert.deepEqual(sets.map((set) => set.name), ['projects']);
    } finally {
      await client.close();
    }
  });

  test('2025 session with X-MCP-Catalog: enable_toolset lists the toolset\'s tools and notifies the client; the session keeps them', async () => {
    const client = await connectHttp(host.mcpUrl, '2025-06-18', { 'x-mcp-catalog': 'true' });
    try {
      const before = (await client.client.listTools()).tools;
      assert.deepEqual(names(before), [...META, 'enable_toolset']);
      const changed = nextNotification(client.client, 'notifications/tools/list_changed');
      const enabled = await client.client.callTool({ name: 'enable_toolset', arguments: { toolsets: ['tasks'] } });
      assert.notEqual(enabled.isError, true, JSON.stringify(enabled.content));
      await changed;
      const after = names((await client.client.listTools()).tools);
      assert.ok(after.includes('list_tasks') && after.includes('create_task'), after.join(', '));
      assert.ok(!after.includes('list_projects'));
      assert.deepEqual(after.slice(0, 5), [...META, 'enable_toolset']);
      // A listed tool is called directly too.
      assert.equal((await client.call('list_tasks', { take: 1 })).isError, false);
      const again = await client.client.callTool({ name: 'enable_toolset', arguments: { toolsets: ['tasks'] } });
      assert.match((again.content as Array<{ text: string }>)[0]!.text, /already enabled/);
      const unknown = await client.client.callTool({ name: 'enable_toolset', arguments: { toolsets: ['payroll'] } });
      assert.equal(unknown.isError, true);
      assert.match((unknown.content as Array<{ text: string }>)[0]!.text, /not served here: payroll/);
    } finally {
      await client.close();
    }
    // Another session starts from the meta-tools alone.
    const other = await connectHttp(host.mcpUrl, '2025-06-18', { 'x-mcp-catalog': 'true' });
    assert.deepEqual(names((await other.client.listTools()).tools), [...META, 'enable_toolset']);
    await other.close();
  });

  test('a stateless request cannot call enable_toolset: it is an unknown tool there, as it is unlisted', async () => {
    const client = await connectHttp(`${host.url}/mcp/catalog`, '2026-07-28');
    try {
      await assert.rejects(client.client.callTool({ name: 'enable_toolset', arguments: { toolsets: ['tasks'] } }), /Unknown tool: enable_toolset/);
    } finally {
      await client.close();
    }
  });

  test('WebSocket in catalog mode: the toolsets a socket enables live as long as it', async () => {
    const socket = await connectWebSocket(host.url.replace(/^http/, 'ws') + '/ws', '2025-06-18', { 'x-mcp-catalog': 'true' });
    try {
      assert.deepEqual(names((await socket.listTools()).tools), [...META, 'enable_toolset']);
      const changed = nextNotification(socket, 'notifications/tools/list_changed');
      await socket.callTool({ name: 'enable_toolset', arguments: { toolsets: ['projects'] } });
      await changed;
      assert.ok(names((await socket.listTools()).tools).includes('list_projects'));
    } finally {
      await socket.close();
    }
  });

  test('X-MCP-Catalog must be true or false; a session keeps the mode it was opened with', async () => {
    const bad = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: MODERN_META } }, { ...MODERN_LIST, 'x-mcp-catalog': 'maybe' });
    assert.equal(bad.status, 400);
    assert.match(bad.json.error.message, /X-MCP-Catalog must be true or false/);
    const session = await openSession(host.mcpUrl, { 'x-mcp-catalog': 'true' });
    const { 'x-mcp-catalog': _dropped, ...withoutCatalog } = session;
    const switched = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, withoutCatalog);
    assert.equal(switched.status, 400);
    assert.match(switched.json.error.message, /opened with another tool selection/);
  });
});

describe('catalog mode by config, and across instances', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
  });
  after(async () => sandbox.close());

  test('inventory.catalog serves every connection in catalog mode; X-MCP-Catalog: false asks for the full listing', async () => {
    const host = await startTestHost(sandbox, { inventory: { catalog: true } });
    try {
      const client = await connectHttp(host.mcpUrl, '2026-07-28');
      assert.deepEqual(names((await client.client.listTools()).tools), META);
      await client.close();
      const full = await connectHttp(host.mcpUrl, '2026-07-28', { 'x-mcp-catalog': 'false' });
      assert.ok((await full.client.listTools()).tools.some((tool) => tool.name === 'list_projects'));
      await full.close();
    } finally {
      await host.close();
    }
  });

  test('GAUZY_MCP_CATALOG=true does the same', async () => {
    const host = await startTestHost(sandbox, {}, { env: { GAUZY_MCP_CATALOG: 'true' } });
    try {
      const listed = await rawPost(host.mcpUrl, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: MODERN_META } }, MODERN_LIST);
      assert.deepEqual(names(listed.json.result.tools), META);
    } finally {
      await host.close();
    }
  });

  test('two instances on one Redis: toolsets enabled on one are listed by the other for the same session', async () => {
    const redis = await requireRedis();
    const state = { redisUrl: REDIS_URL, keyPrefix: redis.prefix, encryptionKey: randomStateKey() };
    const first = await startTestHost(sandbox, { state });
    const second = await startTestHost(sandbox, { state });
    try {
      const session = await openSession(first.mcpUrl, { 'x-mcp-catalog': 'true' });
      const enabled = await rawPost(first.mcpUrl, { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'enable_toolset', arguments: { toolsets: ['tasks'] } } }, session);
      assert.equal(enabled.status, 200, enabled.text);
      const listed = await rawPost(second.mcpUrl, { jsonrpc: '2.0', id: 3, method: 'tools/list' }, session);
      assert.equal(listed.status, 200, listed.text);
      assert.ok(names(listed.json.result.tools).includes('list_tasks'), listed.text.slice(0, 300));
    } finally {
      await first.close();
      await second.close();
      await redis.cleanup();
    }
  });
});
