import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';
import {
  definePlugin,
  defineTool,
  isGauzyMcpError,
  KERNEL_API_VERSION,
  silentLogger,
  validatePlugin,
  type PluginDefinition,
  type PromptDefinition,
} from '../src/index.js';
import { createCatalog, createCredentialCaller, createGauzyHttp } from '../src/internal.js';

const GAUZY = 'http://127.0.0.1:9';
const base = { version: '1.0.0', description: 'Test plugin.', kernel: KERNEL_API_VERSION };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const clientTools = definePlugin({
  ...base,
  name: 'client-tools',
  toolsets: [{ name: 'client', description: 'Tools that talk to the client.', default: true }],
  tools: [
    defineTool({
      name: 'ask_model',
      title: 'Ask the model',
      description: 'Asks the client model a question.',
      toolset: 'client',
      effect: 'read',
      session: false,
      routes: [],
      input: z.object({ question: z.string() }),
      handler: async ({ question }, ctx) => {
        const answer = await ctx.client.sample({ messages: [{ role: 'user', content: { type: 'text', text: question } }], maxTokens: 50 });
        return { structured: { model: answer.model }, text: JSON.stringify(answer.content) };
      },
    }),
    defineTool({
      name: 'chatty_tool',
      title: 'Chatty',
      description: 'Logs at two levels.',
      toolset: 'client',
      effect: 'read',
      session: false,
      logs: true,
      routes: [],
      input: z.object({}),
      handler: async (_args, ctx) => {
        await ctx.client.log('info', 'routine detail');
        await ctx.client.log('error', { problem: 'something worth seeing' });
        return { structured: {}, text: 'logged' };
      },
    }),
  ],
});

const greet: PromptDefinition = {
  name: 'greet',
  description: 'Greets someone.',
  arguments: [{ name: 'who', required: true }],
  get: async (args) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Hello ${args.who}` } }] }),
  complete: (_argument, value) => ['Ada', 'Alan', 'Grace'].filter((who) => who.startsWith(value)),
};

/** Brings only prompts and a binary resource: no tools, no toolsets. */
const contentOnly = definePlugin({
  ...base,
  name: 'content-only',
  toolsets: [],
  tools: [],
  resources: [{ uri: 'test://pixel', name: 'pixel', mimeType: 'image/png', read: async () => [{ uri: 'test://pixel', mimeType: 'image/png', blob: PNG }] }],
  prompts: [greet],
});

async function connect(plugins: PluginDefinition[], capabilities: Record<string, unknown> = {}) {
  const catalog = createCatalog({ plugins, gauzyBaseUrl: GAUZY, transport: 'memory', log: silentLogger });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const caller = createCredentialCaller(createGauzyHttp({ gauzyBaseUrl: GAUZY, log: silentLogger }), { log: silentLogger });
  const handle = serveStdio(catalog.serverFactoryFor(() => caller), { transport: serverSide });
  const client = new Client({ name: 'resources-prompts-test', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: ['2025-06-18'], capabilities });
  await client.connect(clientSide);
  return { client, close: async () => (await client.close(), await handle.close()) };
}

test('a plugin may bring only resources and prompts; the server announces exactly what is there', async () => {
  const { client, close } = await connect([clientTools, contentOnly]);
  try {
    const capabilities = client.getServerCapabilities();
    assert.deepEqual(capabilities?.resources, { subscribe: true, listChanged: false });
    assert.deepEqual(capabilities?.prompts, { listChanged: false });
    assert.deepEqual(capabilities?.completions, {});
    assert.deepEqual((await client.listTools()).tools.map((tool) => tool.name), ['ask_model', 'chatty_tool']);
    assert.deepEqual((await client.listPrompts()).prompts, [{ name: 'greet', description: 'Greets someone.', arguments: [{ name: 'who', required: true }] }]);
    assert.deepEqual((await client.readResource({ uri: 'test://pixel' })).contents, [{ uri: 'test://pixel', mimeType: 'image/png', blob: PNG }]);
    assert.deepEqual((await client.listResourceTemplates()).resourceTemplates, []);
    assert.deepEqual(await client.subscribeResource({ uri: 'test://pixel' }), {});
    assert.deepEqual(await client.unsubscribeResource({ uri: 'test://pixel' }), {});
    const completion = await client.complete({ ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'who', value: 'A' } });
    assert.deepEqual(completion.completion, { values: ['Ada', 'Alan'], total: 2, hasMore: false });
    // A reference nothing completes gets no suggestions rather than an error.
    assert.deepEqual((await client.complete({ ref: { type: 'ref/prompt', name: 'unknown' }, argument: { name: 'x', value: '' } })).completion.values, []);
  } finally {
    await close();
  }
});

test('a tool samples the client model; without the sampling capability it gets a coded error', async () => {
  const capable = await connect([clientTools], { sampling: {} });
  const asked: unknown[] = [];
  capable.client.setRequestHandler('sampling/createMessage', async (request) => {
    asked.push(request.params.messages);
    return { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'test-model' };
  });
  try {
    const result = await capable.client.callTool({ name: 'ask_model', arguments: { question: 'Capital of France?' } });
    assert.equal(result.isError, undefined, JSON.stringify(result));
    assert.deepEqual(result.structuredContent, { model: 'test-model' });
    assert.deepEqual(asked, [[{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }]]);
  } finally {
    await capable.close();
  }
  const incapable = await connect([clientTools]);
  try {
    const result = await incapable.client.callTool({ name: 'ask_model', arguments: { question: 'Capital of France?' } });
    assert.equal(result.isError, true);
    assert.match(JSON.stringify(result.content), /GMCP_ERR_NOT_SUPPORTED/);
    assert.match(JSON.stringify(result.content), /sampling/);
  } finally {
    await incapable.close();
  }
});

test('a tool logs to the client as notifications/message, filtered by the level the client set', async () => {
  const { client, close } = await connect([clientTools]);
  const messages: Array<{ level: string; data: unknown }> = [];
  client.setNotificationHandler('notifications/message', (notification) => {
    messages.push({ level: notification.params.level, data: notification.params.data });
  });
  try {
    assert.ok(client.getServerCapabilities()?.logging);
    await client.setLoggingLevel('warning');
    const result = await client.callTool({ name: 'chatty_tool', arguments: {} });
    assert.equal(result.isError, undefined, JSON.stringify(result));
    assert.deepEqual(messages, [{ level: 'error', data: { problem: 'something worth seeing' } }]);
  } finally {
    await close();
  }
});

test('a server none of whose tools logs does not announce logging, and a stray log is dropped', async () => {
  const quiet = definePlugin({
    ...base,
    name: 'quiet-tools',
    toolsets: [{ name: 'quiet', description: 'Quiet tools.', default: true }],
    tools: [defineTool({ ...clientTools.tools[1]!, name: 'undeclared_logger', toolset: 'quiet', logs: undefined })],
  });
  const { client, close } = await connect([quiet]);
  const messages: unknown[] = [];
  client.setNotificationHandler('notifications/message', (notification) => void messages.push(notification.params));
  try {
    const capabilities = client.getServerCapabilities();
    assert.deepEqual(Object.keys(capabilities ?? {}).sort(), ['tools']);
    await assert.rejects(client.setLoggingLevel('debug'), /Method not found/);
    const result = await client.callTool({ name: 'undeclared_logger', arguments: {} });
    assert.equal(result.isError, undefined, JSON.stringify(result));
    assert.deepEqual(messages, []);
  } finally {
    await close();
  }
});

test('bad resources, templates and prompts fail at load with a coded error naming the plugin', () => {
  const read = async () => [];
  const plugin = (extras: Partial<PluginDefinition>): PluginDefinition => definePlugin({ ...base, name: 'extras', toolsets: [], tools: [], ...extras });
  const cases: Array<[Partial<PluginDefinition>, RegExp]> = [
    [{ resources: [] }, /declares no tools/],
    [{ resources: {} as never }, /resources must be a list/],
    [{ resources: [{ uri: 'not a uri', name: 'x', read }] }, /uri must be an absolute URI/],
    [{ resources: [{ uri: 'test://a', name: '', read }] }, /has no name/],
    [{ resources: [{ uri: 'test://a', name: 'a', read: 'nope' as never }] }, /has no read\(\)/],
    [{ resources: [{ uri: 'test://a', name: 'a', read }, { uri: 'test://a', name: 'b', read }] }, /"test:\/\/a" is declared twice/],
    [{ resourceTemplates: [{ uriTemplate: 'test://items/{id', name: 'x', read }] }, /Unclosed template expression/],
    [{ resourceTemplates: [{ uriTemplate: 'test://items', name: 'x', read }] }, /has no \{variable\}/],
    [{ resourceTemplates: [{ uriTemplate: 'test://items/{id}', name: 'x', read, complete: 'nope' as never }] }, /complete must be a function/],
    [{ prompts: [{ ...greet, name: 'has space' }] }, /prompt "has space": name must match/],
    [{ prompts: [{ ...greet, description: '' }] }, /prompt "greet": description/],
    [{ prompts: [greet, greet] }, /prompt "greet" is declared twice/],
    [{ prompts: [{ ...greet, arguments: [{ name: 'who' }, { name: 'who' }] }] }, /argument "who" is declared twice/],
    [{ prompts: [{ ...greet, get: undefined as never }] }, /has no get\(\)/],
    [{ prompts: [greet], tools: [clientTools.tools[0]!] }, /declares no toolsets/],
    [{ toolsets: clientTools.toolsets, tools: [{ ...clientTools.tools[0]!, logs: 'yes' as never }] }, /logs must be true or false/],
  ];
  for (const [extras, message] of cases) {
    assert.throws(
      () => validatePlugin(plugin(extras)),
      (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && message.test(error.message) && error.details.plugin === 'extras',
      String(message),
    );
  }
  assert.doesNotThrow(() => validatePlugin(contentOnly));
});

test('two plugins serving the same prompt name or template stop start-up', () => {
  const twin = definePlugin({ ...contentOnly, name: 'content-twin', resources: [] });
  assert.throws(
    () => createCatalog({ plugins: [contentOnly, twin], gauzyBaseUrl: GAUZY, transport: 'memory', log: silentLogger }),
    (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && /prompt greet is already served by content-only/.test(error.message),
  );
  const template = { uriTemplate: 'test://items/{id}', name: 'item', read: async () => [] };
  const first = definePlugin({ ...contentOnly, name: 'first-items', resources: [], prompts: [], resourceTemplates: [template] });
  const second = definePlugin({ ...first, name: 'second-items' });
  assert.throws(
    () => createCatalog({ plugins: [first, second], gauzyBaseUrl: GAUZY, transport: 'memory', log: silentLogger }),
    (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && /resource template test:\/\/items\/\{id\} is already served by first-items/.test(error.message),
  );
});

test('a prompt that names tools is kept only where all of them are served (their toolsets on, not retired)', async () => {
  const { Inventory } = await import('../src/internal.js');
  const noop = async () => ({ messages: [] });
  const withPrompts = definePlugin({
    ...base,
    name: 'with-prompts',
    toolsets: [{ name: 'always', description: 'On by default.', default: true }, { name: 'extra', description: 'Off unless named.' }],
    tools: ['always', 'extra'].map((toolset) =>
      defineTool({ name: `tool_${toolset}`, title: toolset, description: `In ${toolset}.`, toolset, effect: 'read', session: false, routes: [], input: z.object({}), handler: async () => ({ structured: {}, text: '' }) }),
    ),
    prompts: [
      { name: 'plain', description: 'Names no tool.', get: noop },
      { name: 'on-default', description: 'Uses the default tool.', uses: ['tool_always'], get: noop },
      { name: 'needs-extra', description: 'Uses both.', uses: ['tool_always', 'tool_extra'], get: noop },
    ],
  });
  const listed = (toolsets?: string[]) => new Inventory([withPrompts], toolsets ? { toolsets } : {}).extras.promptListing.map((prompt) => prompt.name);
  assert.deepEqual(listed(), ['plain', 'on-default']);
  assert.deepEqual(listed(['all']), ['plain', 'on-default', 'needs-extra']);
  assert.deepEqual(new Inventory([withPrompts], { toolsets: ['all'], exclude: ['tool_extra'] }).extras.promptListing.map((prompt) => prompt.name), ['plain', 'on-default']);
});

test('a connection\'s tool selection hides the prompts that name tools outside it, from the list and from prompts/get', async () => {
  const noop = async () => ({ messages: [{ role: 'user' as const, content: { type: 'text' as const, text: 'go' } }] });
  const withPrompts = definePlugin({
    ...base,
    name: 'viewed-prompts',
    toolsets: [{ name: 'reads', description: 'Reads.', default: true }, { name: 'writes', description: 'Writes.', default: true }],
    tools: [
      defineTool({ name: 'read_thing', title: 'r', description: 'Reads.', toolset: 'reads', effect: 'read', session: false, routes: [], input: z.object({}), handler: async () => ({ structured: {}, text: '' }) }),
      defineTool({ name: 'write_thing', title: 'w', description: 'Writes.', toolset: 'writes', effect: 'write', session: false, routes: [], input: z.object({}), handler: async () => ({ structured: {}, text: '' }) }),
    ],
    prompts: [
      { name: 'plain', description: 'Names no tool.', get: noop },
      { name: 'reader', description: 'Reads.', uses: ['read_thing'], get: noop },
      { name: 'writer', description: 'Writes.', uses: ['read_thing', 'write_thing'], get: noop },
    ],
  });
  const catalog = createCatalog({ plugins: [withPrompts], gauzyBaseUrl: GAUZY, transport: 'memory', log: silentLogger });
  const caller = createCredentialCaller(createGauzyHttp({ gauzyBaseUrl: GAUZY, log: silentLogger }), { log: silentLogger });
  const promptsFor = async (view?: { toolsets?: string[]; readOnly?: boolean }) => {
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const handle = serveStdio(catalog.serverFactoryFor(() => ({ ...caller, ...(view ? { view } : {}) })), { transport: serverSide });
    const client = new Client({ name: 'viewed', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' }, supportedProtocolVersions: ['2025-06-18'] });
    await client.connect(clientSide);
    try {
      const names = (await client.listPrompts()).prompts.map((prompt) => prompt.name);
      const writer = await client.getPrompt({ name: 'writer' }).then(() => 'served', (error: Error) => error.message);
      return { names, writer };
    } finally {
      await client.close();
      await handle.close();
    }
  };
  assert.deepEqual(await promptsFor(), { names: ['plain', 'reader', 'writer'], writer: 'served' });
  const readOnly = await promptsFor({ readOnly: true });
  assert.deepEqual(readOnly.names, ['plain', 'reader']);
  assert.match(readOnly.writer, /Unknown prompt: writer/);
  assert.deepEqual((await promptsFor({ toolsets: ['writes'] })).names, ['plain']);
});
