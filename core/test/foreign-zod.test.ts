import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { definePlugin, defineTool, isGauzyMcpError, KERNEL_API_VERSION, ok, silentLogger, validatePlugin } from '../src/index.js';
import { Inventory, ToolDispatcher, type Caller } from '../src/internal.js';
import type { ServerFacts } from '../src/tool.js';

/**
 * A plugin that depends on zod itself gets a copy of its own, whose classes are not the kernel's: the
 * kernel must recognise its schemas by shape. The copy here is the kernel's zod package copied to a temporary
 * folder and imported from there, which Node loads as a separate module instance, as it would a second install.
 * (zod 4's classes answer `instanceof` by trait names, which holds across copies of the classic API but not
 * for zod/mini, whose objects are zod 4 objects all the same.)
 */
let foreign: typeof z;
let foreignMini: typeof z;
let folder: string;

before(async () => {
  const packageRoot = dirname(createRequire(import.meta.url).resolve('zod/package.json'));
  folder = mkdtempSync(join(tmpdir(), 'gauzy-mcp-zod-'));
  cpSync(packageRoot, join(folder, 'zod'), { recursive: true, filter: (path) => !path.startsWith(join(packageRoot, 'src') + sep) && path !== join(packageRoot, 'src') });
  foreign = ((await import(pathToFileURL(join(folder, 'zod', 'index.js')).href)) as { z: typeof z }).z;
  foreignMini = ((await import(pathToFileURL(join(folder, 'zod', 'mini', 'index.js')).href)) as { z: typeof z }).z;
  assert.notEqual(foreign.ZodObject, z.ZodObject, 'the copy is a separate module instance');
});
after(() => rmSync(folder, { recursive: true, force: true }));

const facts: ServerFacts = { name: 't', version: '0', protocolVersions: [], transport: 'memory', gauzyBaseUrl: 'http://127.0.0.1:9', sandbox: false, readOnly: false, toolCount: 1, toolsets: [], plugins: [] };

function pluginWith(input: z.ZodObject, output?: z.ZodObject, session?: false) {
  return definePlugin({
    name: 'foreign-zod',
    version: '1.0.0',
    description: 'A plugin built with another copy of zod.',
    kernel: KERNEL_API_VERSION,
    toolsets: [{ name: 'foreign', description: 'Foreign.', default: true }],
    tools: [
      defineTool({
        name: 'echo_name',
        title: 'Echo a name',
        description: 'Answers with the name it was given.',
        toolset: 'foreign',
        effect: 'read',
        session,
        routes: session === false ? [] : ['GET /api/user/me'],
        input,
        output,
        handler: async (args) => ok({ name: (args as { name: string }).name }, String((args as { name: string }).name)),
      }),
    ],
  });
}

test('a tool whose input and output come from another copy of zod is accepted, listed and validated', async () => {
  const input = foreignMini.object({ name: foreignMini.string().check(foreignMini.minLength(2), foreignMini.describe('A name')) }) as unknown as z.ZodObject;
  const output = foreign.object({ name: foreign.string() }) as unknown as z.ZodObject;
  assert.ok(!(input instanceof z.ZodObject), 'instanceof does not recognise it');
  const plugin = pluginWith(input, output, false);
  validatePlugin(plugin);

  const inventory = new Inventory([plugin]);
  const listed = inventory.get('echo_name')!.listing;
  assert.deepEqual(listed.inputSchema.properties, { name: { type: 'string', minLength: 2, description: 'A name' } });

  const dispatcher = new ToolDispatcher(inventory, facts, silentLogger);
  const caller = { gauzy: {}, session: {} } as unknown as Caller;
  const good = await dispatcher.call('echo_name', { name: 'Ada' }, { caller, signal: new AbortController().signal });
  assert.deepEqual(good.structuredContent, { name: 'Ada' });
  const bad = await dispatcher.call('echo_name', { name: 'A' }, { caller, signal: new AbortController().signal });
  assert.equal(bad.isError, true);
  assert.match(JSON.stringify(bad.content), /GMCP_ERR_INVALID_ARGUMENTS/);
});

test("a session tool's input from another copy of zod gets the kernel's organizationId", () => {
  const inventory = new Inventory([pluginWith(foreign.object({ name: foreign.string() }) as unknown as z.ZodObject)]);
  const registered = inventory.get('echo_name')!;
  assert.deepEqual(Object.keys(registered.listing.inputSchema.properties as object).sort(), ['name', 'organizationId']);
  assert.equal(registered.input.safeParse({ name: 'Ada', organizationId: 'not-a-uuid' }).success, false);
});

test('a session tool whose input cannot take organizationId (zod/mini) is refused with the reason', () => {
  const input = foreignMini.object({ name: foreignMini.string() }) as unknown as z.ZodObject;
  assert.throws(() => validatePlugin(pluginWith(input)), (error) => isGauzyMcpError(error) && /zod 4\.1 or later \(not zod\/mini\)/.test(error.message));
});

test('what only looks like a schema is still refused', () => {
  for (const input of [{}, { _zod: { def: { type: 'string' } } }, foreign.string(), { _zod: { def: { type: 'object' } } }]) {
    assert.throws(() => validatePlugin(pluginWith(input as unknown as z.ZodObject, undefined, false)), (error) => isGauzyMcpError(error) && /input must be a z\.object/.test(error.message));
  }
});
