import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';
import { definePlugin, defineTool, isGauzyMcpError, KERNEL_API_VERSION, silentLogger, type PluginDefinition } from '../src/index.js';
import { createCatalog, createCredentialCaller, createGauzyHttp, createToolsetSwitch, type Caller } from '../src/internal.js';

const GAUZY = 'http://127.0.0.1:9';
const base = { version: '1.0.0', description: 'Test plugin.', kernel: KERNEL_API_VERSION };

/** Two toolsets, reads and writes, none reaching Gauzy. */
const notes = definePlugin({
  ...base,
  name: 'notes',
  toolsets: [
    { name: 'notes', description: 'Read and write notes.', default: true },
    { name: 'labels', description: 'Colour labels for notes.' },
  ],
  tools: [
    defineTool({ name: 'list_notes', title: 'List notes', description: 'Lists the notes. Newest first.', toolset: 'notes', effect: 'read', session: false, routes: [], input: z.object({ take: z.number().int().optional() }), handler: async (args) => ({ structured: { notes: [], take: args.take ?? null }, text: 'No notes.' }) }),
    defineTool({ name: 'create_note', title: 'Create a note', description: 'Writes a new note.', toolset: 'notes', effect: 'write', session: false, routes: [], input: z.object({ text: z.string() }), handler: async ({ text }) => ({ structured: { text }, text: `Created: ${text}` }) }),
    defineTool({ name: 'list_labels', title: 'List labels', description: 'Lists the colour labels.', toolset: 'labels', effect: 'read', session: false, routes: [], input: z.object({}), handler: async () => ({ structured: { labels: ['red'] }, text: 'red' }) }),
  ],
});

function catalogOf(plugins: PluginDefinition[] = [notes]) {
  const catalog = createCatalog({ plugins, inventory: { toolsets: ['all'] }, gauzyBaseUrl: GAUZY, transport: 'memory', log: silentLogger, catalogMode: true });
  const caller = createCredentialCaller(createGauzyHttp({ gauzyBaseUrl: GAUZY, log: silentLogger }), { log: silentLogger });
  return { catalog, caller };
}

async function connect(extra: Partial<Caller> = {}) {
  const { catalog, caller } = catalogOf();
  const connection: Caller = { ...caller, view: { catalog: true }, toolsets: createToolsetSwitch(), ...extra };
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const handle = serveStdio(catalog.serverFactoryFor(() => connection), { transport: serverSide });
  const client = new Client({ name: 'catalog-test', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: ['2025-06-18'] });
  await client.connect(clientSide);
  return { client, connection, close: async () => (await client.close(), await handle.close()) };
}

const text = (result: { content?: unknown }) => (result.content as Array<{ text: string }>)[0]!.text;
const names = (tools: Array<{ name: string }>) => tools.map((tool) => tool.name);

test('stdio in catalog mode: the meta-tools are listed, the server says its list can change, and enable_toolset changes it', async () => {
  const { client, close } = await connect();
  try {
    assert.equal(client.getServerCapabilities()?.tools?.listChanged, true);
    assert.deepEqual(names((await client.listTools()).tools), ['search_tools', 'describe_tool', 'call_tool', 'list_toolsets', 'enable_toolset']);
    const changed = new Promise<void>((resolve) => client.setNotificationHandler('notifications/tools/list_changed', () => resolve()));
    const enabled = await client.callTool({ name: 'enable_toolset', arguments: { toolsets: ['labels'] } });
    assert.notEqual(enabled.isError, true, text(enabled));
    assert.match(text(enabled), /Enabled labels: 1 tool is now in tools\/list \(list_labels\)/);
    await changed;
    assert.deepEqual(names((await client.listTools()).tools).slice(5), ['list_labels']);
    const sets = (await client.callTool({ name: 'list_toolsets', arguments: {} })).structuredContent as { toolsets: Array<{ name: string; enabled: boolean; tools: number }> };
    assert.deepEqual(sets.toolsets, [
      { name: 'labels', description: 'Colour labels for notes.', tools: 1, enabled: true },
      { name: 'notes', description: 'Read and write notes.', tools: 2, enabled: false },
    ]);
  } finally {
    await close();
  }
});

test('a token with only mcp.read: search shows no write tool, call_tool of one answers the scope it needs', async () => {
  const { client, close } = await connect({ scopes: ['mcp.read'] });
  try {
    const listed = (await client.listTools()).tools;
    assert.equal(listed.find((tool) => tool.name === 'call_tool')?.annotations?.readOnlyHint, true, 'call_tool can only read for this token');
    const found = (await client.callTool({ name: 'search_tools', arguments: { query: 'note' } })).structuredContent as { tools: Array<{ name: string }> };
    assert.deepEqual(names(found.tools), ['list_notes']);
    const refused = await client.callTool({ name: 'call_tool', arguments: { name: 'create_note', arguments: { text: 'x' } } });
    assert.equal(refused.isError, true);
    assert.match(text(refused), /GMCP_ERR_INSUFFICIENT_SCOPE: This tool needs the mcp\.write scope/);
    const hidden = await client.callTool({ name: 'describe_tool', arguments: { name: 'create_note' } });
    assert.equal(hidden.isError, true, 'a tool the token cannot call is not described either');
  } finally {
    await close();
  }
});

test('search ranks tools matching more words first, a name match above a description match; the limit says what was left', async () => {
  const { client, close } = await connect();
  try {
    const result = await client.callTool({ name: 'search_tools', arguments: { query: 'list notes', limit: 1 } });
    const structured = result.structuredContent as { matched: number; tools: Array<{ name: string; description: string }> };
    assert.equal(structured.tools[0]!.name, 'list_notes');
    assert.equal(structured.tools[0]!.description, 'Lists the notes.', 'the first sentence');
    assert.ok(structured.matched > 1);
    assert.match(text(result), /the first 1 shown/);
    const none = await client.callTool({ name: 'search_tools', arguments: { query: 'payroll' } });
    assert.match(text(none), /No tool here matches "payroll"/);
    const meta = await client.callTool({ name: 'call_tool', arguments: { name: 'search_tools', arguments: {} } });
    assert.match(text(meta), /search_tools is one of the catalog tools: call it directly/);
  } finally {
    await close();
  }
});

test('outside catalog mode the meta-tools are unknown, and a pack cannot bring a tool of the same name', async () => {
  const { catalog, caller } = catalogOf();
  await assert.rejects(catalog.dispatcher.call('search_tools', { query: 'x' }, { caller, signal: new AbortController().signal }), (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_UNKNOWN_TOOL'));
  const clash = definePlugin({
    ...base,
    name: 'clash',
    toolsets: [{ name: 'clash', description: 'Clashes.', default: true }],
    tools: [defineTool({ name: 'call_tool', title: 'Call', description: 'Calls.', toolset: 'clash', effect: 'read', session: false, routes: [], input: z.object({}), handler: async () => ({ structured: {}, text: '' }) })],
  });
  assert.throws(() => catalogOf([clash]), (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_DUPLICATE_TOOL') && /call_tool/.test((error as Error).message));
});

test('a toolset switch keeps each name once and tells its store only of a change', async () => {
  const stored: string[][] = [];
  const toolsets = createToolsetSwitch(['b'], async (enabled) => void stored.push([...enabled]));
  await toolsets.enable(['a', 'b']);
  await toolsets.enable(['b']);
  assert.deepEqual(toolsets.enabled, ['a', 'b']);
  assert.deepEqual(stored, [['a', 'b']]);
});
