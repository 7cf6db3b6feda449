import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningHost } from '../src/index.js';
import { connectHttp, createSandbox, INITIALIZE, rawPost, startTestHost, type Sandbox } from './helpers.js';
import { connectWebSocket } from './ws-client.js';

const MODERN_META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };

describe('per-connection toolsets: a client narrows what the host serves it, by URL or headers', () => {
  let sandbox: Sandbox;
  let host: RunningHost;
  let readOnlyHost: RunningHost;
  let everything: Array<{ name: string; annotations?: { readOnlyHint?: boolean } }>;
  before(async () => {
    sandbox = await createSandbox({ seed: 'demo' });
    host = await startTestHost(sandbox, { inventory: { toolsets: ['all'] } });
    readOnlyHost = await startTestHost(sandbox, { inventory: { toolsets: ['all'], readOnly: true } });
    const client = await connectHttp(host.mcpUrl, '2026-07-28');
    everything = (await client.client.listTools()).tools;
    await client.close();
  });
  after(async () => {
    await host.close();
    await readOnlyHost.close();
    await sandbox.close();
  });

  const byToolset = (prefix: RegExp) => everything.filter((tool) => prefix.test(tool.name));

  test('/mcp/x/projects/readonly (2026-07-28): only the projects toolset\'s read tools are listed, and a write tool is unknown there', async () => {
    const client = await connectHttp(`${host.url}/mcp/x/projects/readonly`, '2026-07-28');
    try {
      const { tools } = await client.client.listTools();
      assert.ok(tools.length > 0);
      assert.ok(tools.every((tool) => tool.annotations?.readOnlyHint === true), 'read-only');
      assert.ok(tools.some((tool) => tool.name === 'list_projects'));
      assert.ok(!tools.some((tool) => tool.name === 'list_tasks'), 'another toolset\'s tool is not listed');
      assert.ok(tools.length < everything.length);
      const listed = await client.call('list_projects', { take: 1 });
      assert.equal(listed.isError, false, listed.text);
      await assert.rejects(client.client.callTool({ name: 'create_project', arguments: { name: 'x' } }), /Unknown tool: create_project/);
      await assert.rejects(client.client.callTool({ name: 'get_server_info', arguments: {} }), /Unknown tool/);
    } finally {
      await client.close();
    }
  });

  test('X-MCP-Toolsets and X-MCP-Tools (2025-06-18 session): the tasks toolset plus one named tool; an alias outside it is unknown too', async () => {
    const client = await connectHttp(host.mcpUrl, '2025-06-18', { 'x-mcp-toolsets': 'tasks', 'x-mcp-tools': 'get_server_info' });
    try {
      const names = (await client.client.listTools()).tools.map((tool) => tool.name).sort();
      const tasks = byToolset(/task/).map((tool) => tool.name);
      assert.ok(names.includes('get_server_info'));
      assert.ok(names.includes('list_tasks') && names.includes('create_task'));
      assert.ok(!names.includes('list_projects'));
      assert.ok(names.length <= tasks.length + 1);
      const info = await client.call('get_server_info', {});
      assert.equal(info.isError, false, info.text);
      await assert.rejects(client.client.callTool({ name: 'get_projects', arguments: {} }), /Unknown tool: get_projects/);
    } finally {
      await client.close();
    }
  });

  test('a session keeps the selection it was opened with: another one on the same session id is refused', async () => {
    const init = await rawPost(host.mcpUrl, INITIALIZE('2025-06-18'), { 'x-mcp-toolsets': 'tasks' });
    assert.equal(init.status, 200, init.text);
    const session = { 'mcp-session-id': init.headers.get('mcp-session-id')!, 'mcp-protocol-version': '2025-06-18' };
    const call = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_projects', arguments: {} } };
    const widened = await rawPost(host.mcpUrl, call, session);
    assert.equal(widened.status, 400, 'dropping the header does not widen the session');
    assert.match(widened.json.error.message, /another tool selection/);
    const other = await rawPost(host.mcpUrl, call, { ...session, 'x-mcp-toolsets': 'projects' });
    assert.equal(other.status, 400);
  });

  test('names the host does not serve are refused with 400 naming what it serves; a view never widens', async () => {
    const unknown = await rawPost(`${host.url}/mcp/x/nope,tasks`, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: MODERN_META } }, { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' });
    assert.equal(unknown.status, 400, unknown.text);
    assert.match(unknown.json.error.message, /toolset nope not served here \(served: .*tasks/);
    const tool = await rawPost(host.mcpUrl, INITIALIZE('2025-06-18'), { 'x-mcp-tools': 'no_such_tool' });
    assert.equal(tool.status, 400);
    assert.match(tool.json.error.message, /tool no_such_tool not served here/);
    const badFlag = await rawPost(host.mcpUrl, INITIALIZE('2025-06-18'), { 'x-mcp-readonly': 'maybe' });
    assert.equal(badFlag.status, 400);
    // The operator's read-only holds whatever the client says.
    const client = await connectHttp(readOnlyHost.mcpUrl, '2026-07-28', { 'x-mcp-readonly': 'false', 'x-mcp-toolsets': 'tasks' });
    try {
      const { tools } = await client.client.listTools();
      assert.ok(tools.length > 0 && tools.every((entry) => entry.annotations?.readOnlyHint === true));
    } finally {
      await client.close();
    }
    const writeTool = await rawPost(readOnlyHost.mcpUrl, INITIALIZE('2025-06-18'), { 'x-mcp-tools': 'create_task' });
    assert.equal(writeTool.status, 400, 'a tool the operator does not serve cannot be named in');
  });

  test('WebSocket: the headers narrow the socket\'s catalog the same way', async () => {
    const client = await connectWebSocket(`${host.url.replace(/^http/, 'ws')}/ws`, '2025-06-18', { 'x-mcp-toolsets': 'projects', 'x-mcp-readonly': 'true' });
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.length > 0 && tools.every((entry) => entry.annotations?.readOnlyHint === true));
      assert.ok(tools.some((entry) => entry.name === 'list_projects') && !tools.some((entry) => entry.name === 'list_tasks'));
    } finally {
      await client.close();
    }
  });
});
