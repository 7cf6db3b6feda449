import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { bulkUpdateTool } from '../src/crud.js';
import { defineEntity } from '../src/entity.js';
import { ToolDispatcher, type Caller } from '../src/dispatch.js';
import { Inventory } from '../src/inventory.js';
import { describedElsewhere, slimJsonSchema, toJsonSchema } from '../src/json-schema.js';
import { silentLogger } from '../src/log.js';
import { ok } from '../src/results.js';
import { fields, listOutput, pagination, uuid } from '../src/schema.js';
import { definePlugin, defineTool, KERNEL_API_VERSION, type ServerFacts } from '../src/tool.js';

// Issue #9: tools/list is paid for in every conversation, so the published JSON Schemas carry what the model
// needs and nothing zod writes out of habit; validation stays with the zod schemas in the kernel.

const STATUS = ['open', 'in-progress', 'done'] as const;

const listThings = defineTool({
  name: 'list_things',
  title: 'List things',
  description: 'Lists things.',
  toolset: 'things',
  effect: 'read',
  input: z.object({ projectId: uuid().optional().describe('Only things of this project'), status: z.enum(STATUS).optional(), ...pagination, fields }),
  output: listOutput,
  routes: ['GET /api/tasks'],
  handler: async () => ok({ items: [], total: 0, hasMore: false }, 'none'),
});

const thing = defineEntity({ name: 'thing', gauzyClass: 'Task', noun: 'thing', plural: 'things', path: '/api/tasks', operations: ['findById', 'update'], scope: 'organization', fields: {} });
const bulkUpdateThings = bulkUpdateTool(thing, {
  name: 'bulk_update_things',
  title: 'Update several things',
  description: 'Change up to 50 things.',
  toolset: 'things',
  itemsField: 'updates',
  bodyFields: ['title', 'estimate', 'status'],
  fields: { title: z.string().min(1).max(200).describe('Thing title'), estimate: z.number().int().min(0).describe('Seconds'), status: z.enum(STATUS) },
});

const thingsPlugin = definePlugin({
  name: 'things',
  version: '1.0.0',
  description: 'Things.',
  kernel: KERNEL_API_VERSION,
  toolsets: [{ name: 'things', description: 'Things', default: true }],
  tools: [listThings, bulkUpdateThings],
});

type Json = Record<string, any>;
const listing = (name: string) => new Inventory([thingsPlugin], { toolsets: ['all'] }).get(name)!.listing;

test('published input schemas keep types, enums, formats, bounds, defaults and descriptions and drop what repeats them', () => {
  const input = listing('list_things').inputSchema as Json;
  assert.equal(input.type, 'object');
  assert.equal(input.$schema, undefined, 'no $schema key');
  // A uuid is `format: "uuid"`; the 75-character regex zod writes beside it says the same again.
  assert.deepEqual(input.properties.projectId, { description: 'Only things of this project', type: 'string', format: 'uuid' });
  // In every tool, so undescribed: the server instructions say once that it defaults to the current organization.
  assert.deepEqual(input.properties.organizationId, { type: 'string', format: 'uuid' });
  assert.deepEqual(input.properties.status, { type: 'string', enum: [...STATUS] });
  // Real bounds stay; JavaScript's safe-integer range that zod writes for every .int() does not.
  assert.deepEqual(input.properties.take, { default: 20, type: 'integer', minimum: 1, maximum: 100 });
  assert.deepEqual(input.properties.skip, { default: 0, type: 'integer', minimum: 0 });
  assert.deepEqual(input.properties.fields, { description: 'Only these fields (and id, name)', maxItems: 50, type: 'array', items: { type: 'string' } });
  assert.equal(JSON.stringify(input).includes('9007199254740991'), false);
  assert.equal(JSON.stringify(input).includes('pattern'), false);
});

test('published output schemas are objects without additionalProperties noise; loose and strict outputs both accept more', () => {
  const output = listing('list_things').outputSchema as Json;
  assert.equal(output.type, 'object');
  assert.deepEqual(output.required, ['items', 'total']);
  assert.deepEqual(output.properties.items, { type: 'array', items: { type: 'object' } });
  assert.equal(JSON.stringify(output).includes('additionalProperties'), false);
  const strict = toJsonSchema(z.object({ id: z.string(), nested: z.object({ n: z.number() }) }), 'output');
  assert.deepEqual(strict, { type: 'object', properties: { id: { type: 'string' }, nested: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] } }, required: ['id', 'nested'] });
});

test('an input that forbids unknown keys still says so; a tool without parameters still lists properties', () => {
  assert.deepEqual(toJsonSchema(z.strictObject({ a: z.string() }), 'input'), { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false });
  assert.deepEqual(toJsonSchema(z.object({}), 'input'), { type: 'object', properties: {} });
  assert.deepEqual(toJsonSchema(z.looseObject({}), 'input'), { type: 'object', properties: {} });
});

test('a pattern stays unless a format says the same; bounds other than the safe-integer range stay', () => {
  assert.deepEqual(slimJsonSchema({ type: 'string', pattern: '^[A-Z]{3}$' }, 'input'), { type: 'string', pattern: '^[A-Z]{3}$' });
  assert.deepEqual(slimJsonSchema({ type: 'string', format: 'date-time', pattern: '^\\d{4}' }, 'input'), { type: 'string', format: 'date-time' });
  assert.deepEqual(slimJsonSchema({ type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: 10 }, 'input'), { type: 'integer', maximum: 10 });
  assert.deepEqual(slimJsonSchema({ anyOf: [{ type: 'integer', maximum: Number.MAX_SAFE_INTEGER }, { type: 'null' }] }, 'input'), { anyOf: [{ type: 'integer' }, { type: 'null' }] });
  const original = { type: 'string', format: 'uuid', pattern: 'x' };
  slimJsonSchema(original, 'input');
  assert.deepEqual(original, { type: 'string', format: 'uuid', pattern: 'x' }, 'the input is not changed');
});

test('a bulk tool publishes its items as types and enums and names the tool that documents the fields', () => {
  const updates = (listing('bulk_update_things').inputSchema as Json).properties.updates;
  assert.equal(updates.description, 'Per thing: id and fields to change, as in update_thing');
  assert.equal(updates.minItems, 1);
  assert.equal(updates.maxItems, 50);
  assert.deepEqual(updates.items, {
    type: 'object',
    properties: { id: { type: 'string', format: 'uuid' }, title: { type: 'string' }, estimate: { type: 'integer' }, status: { type: 'string', enum: [...STATUS] } },
    required: ['id'],
    // A misspelt field inside an item is refused like a misspelt argument.
    additionalProperties: false,
  });
  assert.deepEqual(toJsonSchema(z.object({ list: describedElsewhere(z.array(z.object({ a: z.string().max(3).describe('A') })).max(2).describe('See make_a')) }), 'input'), {
    type: 'object',
    properties: { list: { type: 'array', maxItems: 2, description: 'See make_a', items: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } } },
    required: ['list'],
  });
});

const facts: ServerFacts = {
  name: 'test', version: '0.0.0', protocolVersions: [], transport: 'memory', gauzyBaseUrl: 'http://127.0.0.1:9', sandbox: true, readOnly: false,
  toolCount: 2, toolsets: [], plugins: [],
};

/** Refused arguments must be refused before the caller (Gauzy, the session) is touched. */
const untouchable = new Proxy({} as Caller, {
  get: (_target, key) => {
    // What the caller may call (scopes, the connection's tool selection) is read first; Gauzy and the session never.
    if (key === 'scopes' || key === 'view' || key === 'subject' || key === 'then') return undefined;
    throw new Error(`refused arguments reached caller.${String(key)}`);
  },
});

test('the kernel refuses what the slimmer schema no longer spells out, naming the field', async () => {
  const inventory = new Inventory([thingsPlugin], { toolsets: ['all'] });
  const dispatcher = new ToolDispatcher(inventory, facts, silentLogger);
  const refused = async (name: string, args: unknown) => {
    const result = await dispatcher.call(name, args, { caller: untouchable, signal: new AbortController().signal });
    assert.equal(result.isError, true, `${JSON.stringify(args)} is refused`);
    const text = (result.content[0] as { text: string }).text;
    return (JSON.parse(text.slice(text.lastIndexOf('\n{') + 1)) as { error: { code: string; fields?: string[] } }).error;
  };
  for (const [args, field] of [
    [{ projectId: 'not-a-uuid' }, 'projectId'],
    [{ organizationId: '123e4567-e89b-12d3-a456-42661417400' }, 'organizationId'],
    [{ take: 101 }, 'take'],
    [{ take: 0 }, 'take'],
    [{ skip: -1 }, 'skip'],
    [{ skip: 1.5 }, 'skip'],
    [{ skip: Number.MAX_SAFE_INTEGER + 2 }, 'skip'],
    [{ status: 'OPEN' }, 'status'],
    [{ fields: [''] }, 'fields.0'],
    [{ fields: ['x'.repeat(65)] }, 'fields.0'],
  ] as const) {
    const error = await refused('list_things', args);
    assert.equal(error.code, 'GMCP_ERR_INVALID_ARGUMENTS');
    assert.deepEqual(error.fields, [field], JSON.stringify(args));
  }
  const bulk = await refused('bulk_update_things', { updates: [{ id: 'nope', title: '', estimate: -1, status: 'DONE' }] });
  assert.deepEqual([...(bulk.fields ?? [])].sort(), ['updates.0.estimate', 'updates.0.id', 'updates.0.status', 'updates.0.title']);
});
