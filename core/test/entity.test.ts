import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { crudToolName, crudTools } from '../src/crud-tools.js';
import { defineEntity, unresolvedRelations, type EntityInput } from '../src/entity.js';
import { isGauzyMcpError } from '../src/errors.js';
import type { ToolContext } from '../src/tool.js';

const gadget = (overrides: Partial<EntityInput> = {}): EntityInput => ({
  name: 'equipment',
  gauzyClass: 'Equipment',
  noun: 'gadget',
  plural: 'gadgets',
  path: '/api/equipment',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  scope: 'organization',
  fields: { name: z.string().min(1), type: z.enum(['LAPTOP', 'PHONE']).optional() },
  softDelete: { recover: true },
  ...overrides,
});

const invalid = (pattern: RegExp) => (error: unknown) => isGauzyMcpError(error, 'GMCP_ERR_PLUGIN_INVALID') && pattern.test(error.message);

test('an entity operation Gauzy has no route for stops the entity at definition', () => {
  // Gauzy serves no /api/equipment/me and no /pagination under /api/timesheet/time-log.
  assert.throws(() => defineEntity(gadget({ path: '/api/timesheet/time-log', operations: ['findAll', 'pagination'] })), invalid(/operation pagination needs GET \/api\/timesheet\/time-log\/pagination, which Gauzy does not serve/));
  assert.throws(() => defineEntity(gadget({ path: '/api/no-such-area' })), invalid(/Gauzy does not serve/));
  assert.doesNotThrow(() => defineEntity(gadget()));
});

test('the description is refused when it cannot be right', () => {
  assert.throws(() => defineEntity(gadget({ softDelete: undefined })), invalid(/does not say whether Gauzy can recover/));
  assert.throws(() => defineEntity(gadget({ operations: ['findAll', 'softDelete'], softDelete: { recover: true } })), invalid(/recover operation is not served/));
  assert.throws(() => defineEntity(gadget({ update: { mode: 'merge', bodyFields: [] } })), invalid(/bodyFields/));
  assert.throws(() => defineEntity(gadget({ include: ['owner'] })), invalid(/included relation "owner" is not one of its relations/));
  assert.throws(() => defineEntity(gadget({ name: 'Equipment' })), invalid(/camelCase/));
});

test('include paths resolve through the other entities, or each gap is named', () => {
  const employee = defineEntity({ ...gadget(), name: 'employee', gauzyClass: 'Employee', path: '/api/employee', operations: ['findAll'], softDelete: undefined, relations: { user: { kind: 'manyToOne', entity: 'user', key: 'userId' } } });
  const thing = defineEntity(gadget({ relations: { owner: { kind: 'manyToOne', entity: 'employee', key: 'ownerId' } }, include: ['owner', 'owner.user', 'owner.manager'] }));
  assert.deepEqual(unresolvedRelations([thing, employee]), [
    'equipment: relation "user" of "owner.user" points to user, which is not described',
    'equipment: relation path "owner.manager" has no relation "manager" on employee',
    'employee: relation "user" of "user" points to user, which is not described',
  ]);
  assert.deepEqual(unresolvedRelations([thing]), [
    'equipment: relation "owner" of "owner" points to employee, which is not described',
    'equipment: relation "owner" of "owner.user" points to employee, which is not described',
    'equipment: relation "owner" of "owner.manager" points to employee, which is not described',
  ]);
});

test('crudTools derives one tool per served kind, named by one rule, and a pack overrides or leaves out', () => {
  const entity = defineEntity(gadget({ aliases: { list: ['get_gadgets'] } }));
  const tools = crudTools(entity, { toolset: 'gadgets', tools: { bulkDelete: false, get: { title: 'Look up a gadget' } } });
  assert.deepEqual(Object.values(tools).map((tool) => tool.name), [
    'list_gadgets', 'get_gadgets_pagination', 'get_gadget_by_id', 'get_gadget_count', 'create_gadget', 'bulk_create_gadgets',
    'update_gadget', 'bulk_update_gadgets', 'delete_gadget', 'archive_gadget', 'restore_gadget',
  ]);
  assert.equal(tools.get!.title, 'Look up a gadget');
  assert.equal(tools.create!.title, 'Create a gadget');
  assert.deepEqual(tools.list!.aliases, ['get_gadgets']);
  assert.deepEqual(tools.update!.routes, ['GET /api/equipment/:id', 'PUT /api/equipment/:id']);
  // Only what Gauzy serves: a read-only entity gets read tools.
  const readOnly = defineEntity(gadget({ operations: ['findAll', 'findById'], softDelete: undefined }));
  assert.deepEqual(Object.values(crudTools(readOnly, { toolset: 'gadgets' })).map((tool) => tool.name), ['list_gadgets', 'get_gadget_by_id']);
  assert.equal(crudToolName({ noun: 'time log', plural: 'time logs' }, 'get'), 'get_time_log_by_id');
  // A soft delete Gauzy cannot undo: the restore name stays, retired, with the reason.
  const archiveOnly = defineEntity(gadget({ softDelete: { recover: false, reason: 'Gauzy cannot.' } }));
  const restore = crudTools(archiveOnly, { toolset: 'gadgets' }).restore!;
  assert.equal(restore.retired?.reason, 'Gauzy cannot.');
  assert.match(crudTools(archiveOnly, { toolset: 'gadgets' }).archive!.description, /cannot be restored/);
});

test('crudTools puts the bulk tools in the pack\'s bulk toolset when it names one, and every other tool in its toolset', () => {
  const entity = defineEntity(gadget());
  const toolsetOf = (options: { toolset: string; bulkToolset?: string }) =>
    Object.fromEntries(Object.values(crudTools(entity, options)).map((tool) => [tool.name, tool.toolset]));
  const split = toolsetOf({ toolset: 'gadgets', bulkToolset: 'gadgets-bulk' });
  assert.deepEqual(Object.keys(split).filter((name) => split[name] === 'gadgets-bulk'), ['bulk_create_gadgets', 'bulk_update_gadgets', 'bulk_delete_gadgets']);
  assert.ok(Object.entries(split).every(([name, toolset]) => name.startsWith('bulk_') || toolset === 'gadgets'));
  assert.ok(Object.values(toolsetOf({ toolset: 'gadgets' })).every((toolset) => toolset === 'gadgets'), 'without a bulk toolset, one toolset');
});

/** A ToolContext whose Gauzy records each GET and answers a page of rows. */
function recordingContext(rows: Array<Record<string, unknown>>) {
  const calls: Array<{ route: string; query: Record<string, unknown> }> = [];
  const ctx = {
    scope: { userId: 'u', tenantId: 't', organizationId: 'o', organizations: [] },
    gauzy: {
      async get(route: string, options: { query?: Record<string, unknown> } = {}) {
        calls.push({ route, query: options.query ?? {} });
        return { items: rows, total: rows.length };
      },
    },
    signal: new AbortController().signal,
    progress: async () => {},
  } as unknown as ToolContext;
  return { ctx, calls };
}

test('a list reads the query style and paging its entity declares', async () => {
  const styleB = defineEntity(gadget({ list: { query: 'data', paging: 'page' }, filters: { type: z.enum(['LAPTOP', 'PHONE']).optional() } }));
  const list = crudTools(styleB, { toolset: 'gadgets' }).list!;
  const { ctx, calls } = recordingContext([{ id: 'a' }, { id: 'b' }]);
  await list.handler({ type: 'PHONE', take: 2, skip: 2 }, ctx);
  assert.equal(calls.length, 1);
  const data = JSON.parse(String(calls[0]!.query.data));
  // Row 2 of pages of 2 is page 2 on a route that counts pages.
  assert.deepEqual(data, { findInput: { type: 'PHONE', organizationId: 'o', tenantId: 't' }, order: { createdAt: 'DESC' }, take: 2, skip: 2 });
  assert.equal(calls[0]!.query.where, undefined);
  // Its /pagination route still validates `where` (BaseQueryDTO).
  const { ctx: pagedCtx, calls: pagedCalls } = recordingContext([]);
  await crudTools(styleB, { toolset: 'gadgets' }).pagination!.handler({ take: 2, skip: 0 }, pagedCtx);
  assert.equal(pagedCalls[0]!.route, '/api/equipment/pagination');
  assert.deepEqual(pagedCalls[0]!.query.where, { organizationId: 'o', tenantId: 't' });

  const styleA = defineEntity(gadget());
  const { ctx: ctxA, calls: callsA } = recordingContext([]);
  await crudTools(styleA, { toolset: 'gadgets' }).list!.handler({ take: 5, skip: 10 }, ctxA);
  assert.deepEqual(callsA[0]!.query, { where: { organizationId: 'o', tenantId: 't' }, order: { createdAt: 'DESC' }, take: 5, skip: 10 });
});
