import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crudServiceCannotRecover, crudToolList, crudTools, defineEntity, definePlugin, KERNEL_API_VERSION, uuid, type ToolDefinition } from '@gauzy-mcp/core';
import { z } from 'zod';
import { conformanceChecks, crudConformance, openConformanceHarness, type CrudConformanceOptions } from '../src/conformance.js';

/*
 * The testkit may not import a pack, so the suite is shown on an entity of this test's own: Gauzy's tasks
 * under another noun ("chore"), which the sandbox serves like any task.
 */
const CHORES = 'chores';

const choreEntity = defineEntity({
  name: 'task',
  gauzyClass: 'Task',
  noun: 'chore',
  plural: 'chores',
  path: '/api/tasks',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  scope: 'organization',
  fields: {
    title: z.string().min(1).max(2000).describe('Title'),
    status: z.enum(['open', 'in-progress', 'done', 'blocked']).describe('Workflow status'),
    description: z.string().max(20000).optional(),
    priority: z.enum(['urgent', 'high', 'medium', 'low']).optional(),
    projectId: uuid().optional(),
  },
  update: { mode: 'merge', bodyFields: ['title', 'status', 'description', 'priority', 'projectId'] },
  softDelete: crudServiceCannotRecover('chores'),
  relations: {
    project: { kind: 'manyToOne', entity: 'organizationProject', key: 'projectId' },
    createdByUser: { kind: 'manyToOne', entity: 'user', key: 'createdByUserId' },
  },
});

const chorePlugin = (tools: readonly ToolDefinition[]) =>
  definePlugin({
    name: 'conformance-chores',
    version: '0.0.0',
    description: 'Chores (Gauzy tasks under another noun), for the conformance suite test.',
    kernel: KERNEL_API_VERSION,
    toolsets: [{ name: CHORES, description: 'Chores' }],
    tools,
  });

const options = (tools: readonly ToolDefinition[] = crudToolList(choreEntity, { toolset: CHORES })): CrudConformanceOptions => ({
  entity: choreEntity,
  plugin: chorePlugin(tools),
  sandboxEntities: [choreEntity],
  sample: {
    create: (seed) => ({ title: 'Conformance chore', status: 'open', priority: 'low', description: 'Sweep the floor', projectId: seed.projects[0]!.id }),
    update: { priority: 'urgent' },
  },
});

crudConformance(options());

/*
 * Where Gauzy can restore (softDelete.recover), the archive check brings the row back instead of expecting a
 * retired restore tool: shown on Gauzy's equipment routes, whose list reads `?data=` (style B). Its paged
 * twin is left out: Gauzy's /pagination routes validate `where` (style A), and the derived tool sends the
 * entity's list style there (a bug this suite found in crudTools; it answers 400 "where should not be empty").
 */
const gadgetEntity = defineEntity({
  name: 'equipment',
  gauzyClass: 'Equipment',
  noun: 'gadget',
  plural: 'gadgets',
  path: '/api/equipment',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete', 'softDelete', 'recover'],
  list: { query: 'data', paging: 'offset' },
  scope: 'organization',
  fields: {
    name: z.string().min(1).describe('Name'),
    type: z.string().optional(),
    currency: z.enum(['USD', 'EUR', 'BGN']).optional(),
    maxSharePeriod: z.number().int().min(0).optional(),
  },
  update: { mode: 'merge', bodyFields: ['name', 'type', 'currency', 'maxSharePeriod'] },
  softDelete: { recover: true },
});

crudConformance({
  entity: gadgetEntity,
  plugin: definePlugin({
    name: 'conformance-gadgets',
    version: '0.0.0',
    description: 'Gadgets (Gauzy equipment), for the conformance suite test.',
    kernel: KERNEL_API_VERSION,
    toolsets: [{ name: 'gadgets', description: 'Gadgets' }],
    tools: crudToolList(gadgetEntity, { toolset: 'gadgets', tools: { pagination: false } }),
  }),
  sandboxEntities: [gadgetEntity],
  sample: { create: { name: 'Drill', type: 'tool', currency: 'EUR', maxSharePeriod: 3 }, update: { type: 'power tool' } },
});

/** Runs one generated check against `tools` (a plugin with a deliberately broken tool) in a sandbox of its own. */
async function runCheck(tools: readonly ToolDefinition[], named: RegExp) {
  const suite = options(tools);
  const check = conformanceChecks(suite).find((candidate) => named.test(candidate.name));
  assert.ok(check, `no check matches ${named}`);
  const harness = await openConformanceHarness(suite);
  try {
    await check.run(harness);
  } finally {
    await harness.close();
  }
}

test('the create check fails for a create tool that drops a field on the way to Gauzy', async () => {
  const tools = crudTools(choreEntity, {
    toolset: CHORES,
    tools: {
      create: {
        body: (args) => {
          const { description: _dropped, ...rest } = args;
          return rest;
        },
      },
    },
  });
  await assert.rejects(runCheck(Object.values(tools), /^create_chore stores one new/), /description is stored as null, not "Sweep the floor"/);
});

test('the invalid-arguments check fails for a create tool that lets a required field be left out', async () => {
  const tools = crudTools(choreEntity, { toolset: CHORES, tools: { create: { fields: { ...choreEntity.fields, title: z.string().optional() } } } });
  await assert.rejects(runCheck(Object.values(tools), /^create_chore names the field/), /create_chore accepted|GMCP_ERR_GAUZY_BAD_REQUEST/);
});

test('the paging check fails for a list tool that ignores skip', async () => {
  const tools = crudTools(choreEntity, { toolset: CHORES });
  const list = tools.list!;
  const ignoringSkip: ToolDefinition = { ...list, handler: (args, ctx) => list.handler({ ...args, skip: 0 }, ctx) };
  await assert.rejects(runCheck([ignoringSkip, ...Object.values(tools).filter((tool) => tool !== list)], /^list_chores: following nextSkip/), /still paging|on two pages/);
});

test('the update check fails for an update tool that overwrites a field it was not given', async () => {
  const tools = crudTools(choreEntity, { toolset: CHORES });
  const update = tools.update!;
  const clobbering: ToolDefinition = { ...update, handler: (args, ctx) => update.handler({ ...args, description: 'clobbered' }, ctx) };
  await assert.rejects(runCheck([clobbering, ...Object.values(tools).filter((tool) => tool !== update)], /^update_chore changes only/), /changed description/);
});

test('the permission check fails when a tool the employee may not use is not refused', async () => {
  // A delete that never reaches Gauzy's DELETE route (which needs ORG_TASK_DELETE) cannot be refused.
  const tools = crudTools(choreEntity, { toolset: CHORES });
  const remove = tools.delete!;
  const neverRefused: ToolDefinition = { ...remove, handler: async (args) => ({ structured: { id: String(args.id), deleted: true, recoverable: false }, text: 'Deleted.' }) };
  await assert.rejects(runCheck([neverRefused, ...Object.values(tools).filter((tool) => tool !== remove)], /^delete_chore as the employee: Gauzy's 403/), /the employee was not refused/);
});

test('a kind the plugin lacks generates no check; the ones it has do', () => {
  const all = conformanceChecks(options()).map((check) => check.name);
  const partial = conformanceChecks(options(crudToolList(choreEntity, { toolset: CHORES, tools: { archive: false, restore: false, pagination: false } }))).map((check) => check.name);
  assert.ok(all.some((name) => name.startsWith('archive_chore hides')));
  assert.ok(all.some((name) => name.startsWith('get_chores_pagination:')));
  assert.ok(!partial.some((name) => /archive_chore|restore_chore|get_chores_pagination/.test(name)), partial.join('\n'));
  assert.ok(partial.some((name) => name.startsWith('list_chores: following nextSkip')));
  // The employee holds ORG_TASK_VIEW/ADD/EDIT but not ORG_TASK_DELETE (Gauzy's default EMPLOYEE role).
  assert.ok(all.includes("delete_chore as the employee: Gauzy's 403 (DELETE /api/tasks/:id needs ALL_ORG_EDIT or ORG_TASK_DELETE)"), all.join('\n'));
  assert.ok(all.some((name) => name.startsWith('update_chore as the employee: not refused')));
});
