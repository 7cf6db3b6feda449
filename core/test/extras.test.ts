import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';
import { definePlugin, defineTool, GauzyMcpError, isGauzyMcpError, KERNEL_API_VERSION, silentLogger, type PluginDefinition } from '../src/index.js';
import { createCatalog, createCredentialCaller, createGauzyHttp } from '../src/internal.js';

const tool = defineTool({ name: 'noop_tool', title: 'Noop', description: 'Does nothing.', toolset: 'extras', effect: 'read', session: false, routes: [], input: z.object({}), handler: async () => ({ structured: {}, text: 'ok' }) });
const base = { version: '1.0.0', description: 'Test plugin.', kernel: KERNEL_API_VERSION, toolsets: [{ name: 'extras', description: 'Extras.', default: true }] };

const withExtras = definePlugin({
  ...base,
  name: 'with-extras',
  tools: [
    tool,
    defineTool({
      name: 'ask_user',
      title: 'Ask',
      description: 'Asks the user.',
      toolset: 'extras',
      effect: 'read',
      session: false,
      routes: [],
      input: z.object({}),
      handler: async (_args, ctx) => {
        const answer = await ctx.client.elicit({ message: 'Name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } } } });
        return { structured: { answer }, text: JSON.stringify(answer) };
      },
    }),
  ],
  resources: [{ uri: 'gauzy://readme', name: 'readme', mimeType: 'text/plain', read: async () => [{ uri: 'gauzy://readme', mimeType: 'text/plain', text: 'hello' }] }],
  resourceTemplates: [
    { uriTemplate: 'gauzy://items/{id}', name: 'item', read: async (uri, variables) => [{ uri, text: `item ${variables.id}` }], complete: (_name, value) => ['a1', 'a2', 'b1'].filter((id) => id.startsWith(value)) },
  ],
  prompts: [
    {
      name: 'greet',
      description: 'Greets someone.',
      arguments: [{ name: 'who', required: true }],
      get: async (args) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Hello ${args.who}` } }] }),
      complete: (_name, value) => ['Ada', 'Alan'].filter((who) => who.startsWith(value)),
    },
  ],
});

async function connect(plugins: PluginDefinition[], capabilities: Record<string, unknown> = {}) {
  const catalog = createCatalog({ plugins, gauzyBaseUrl: 'http://127.0.0.1:9', transport: 'memory', log: silentLogger });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const caller = createCredentialCaller(createGauzyHttp({ gauzyBaseUrl: 'http://127.0.0.1:9', log: silentLogger }), { log: silentLogger });
  const handle = serveStdio(catalog.serverFactoryFor(() => caller), { transport: serverSide });
  const client = new Client({ name: 'extras-test', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: ['2025-06-18'], capabilities });
  await client.connect(clientSide);
  return { client, close: async () => (await client.close(), await handle.close()) };
}

test('resources, templates, prompts and completions are served from plugin data', async () => {
  const { client, close } = await connect([withExtras]);
  try {
    assert.deepEqual((await client.listResources()).resources.map((resource) => resource.uri), ['gauzy://readme']);
    assert.deepEqual((await client.listResourceTemplates()).resourceTemplates.map((template) => template.uriTemplate), ['gauzy://items/{id}']);
    assert.match(JSON.stringify((await client.readResource({ uri: 'gauzy://readme' })).contents[0]), /"text":"hello"/);
    assert.match(JSON.stringify((await client.readResource({ uri: 'gauzy://items/42' })).contents[0]), /"text":"item 42"/);
    await assert.rejects(client.readResource({ uri: 'gauzy://nothing' }), /Resource not found/);
    await client.subscribeResource({ uri: 'gauzy://readme' });
    await assert.rejects(client.subscribeResource({ uri: 'gauzy://nothing' }), /Resource not found/);
    const prompt = await client.getPrompt({ name: 'greet', arguments: { who: 'Ada' } });
    assert.deepEqual(prompt.messages[0]?.content, { type: 'text', text: 'Hello Ada' });
    await assert.rejects(client.getPrompt({ name: 'greet', arguments: {} }), /Missing required argument\(s\): who/);
    await assert.rejects(client.getPrompt({ name: 'nope' }), /Unknown prompt/);
    assert.deepEqual((await client.complete({ ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'who', value: 'Al' } })).completion.values, ['Alan']);
    assert.deepEqual((await client.complete({ ref: { type: 'ref/resource', uri: 'gauzy://items/{id}' }, argument: { name: 'id', value: 'a' } })).completion.values, ['a1', 'a2']);
  } finally {
    await close();
  }
});

test('a server whose plugins bring no resources or prompts does not announce them', async () => {
  const { client, close } = await connect([definePlugin({ ...base, name: 'tools-only', tools: [tool] })]);
  try {
    const capabilities = client.getServerCapabilities();
    assert.equal(capabilities?.resources, undefined);
    assert.equal(capabilities?.prompts, undefined);
    assert.ok(capabilities?.tools);
  } finally {
    await close();
  }
});

test('a tool asks the user through the client; without the capability it gets a coded error', async () => {
  const capable = await connect([withExtras], { elicitation: {} });
  capable.client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { name: 'Ada' } }));
  try {
    const result = await capable.client.callTool({ name: 'ask_user', arguments: {} });
    assert.equal(result.isError, undefined, JSON.stringify(result));
    assert.deepEqual((result.structuredContent as { answer: unknown }).answer, { action: 'accept', content: { name: 'Ada' } });
  } finally {
    await capable.close();
  }
  const incapable = await connect([withExtras]);
  try {
    const result = await incapable.client.callTool({ name: 'ask_user', arguments: {} });
    assert.equal(result.isError, true);
    assert.match(JSON.stringify(result.content), /GMCP_ERR_NOT_SUPPORTED/);
  } finally {
    await incapable.close();
  }
});

test('two plugins serving the same resource URI or prompt name stop start-up', () => {
  const copy = definePlugin({ ...withExtras, name: 'copy-extras', tools: [defineTool({ ...tool, name: 'other_tool' })] });
  assert.throws(
    () => createCatalog({ plugins: [withExtras, copy], gauzyBaseUrl: 'http://127.0.0.1:9', transport: 'memory', log: silentLogger }),
    (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && /resource gauzy:\/\/readme is already served by with-extras/.test((error as GauzyMcpError).message),
  );
});
