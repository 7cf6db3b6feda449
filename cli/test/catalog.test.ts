import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { crudToolList, defineEntity, definePlugin, defineTool, MAX_DESCRIPTION_LENGTH, ok, TOOL_NAME_PATTERN, type PluginDefinition } from '@gauzy-mcp/core';
import { z } from 'zod';
import { Inventory, resolvedAnnotations } from '@gauzy-mcp/core/internal';
import { findGauzyRoute, referenceToolNames } from '@gauzy-mcp/testkit';
import { renderToolReference, writeOrCheckDocs } from '../src/commands/docs.js';
import { sameJobTools } from '../src/catalog-checks.js';
import { toolsReport } from '../src/commands/tools.js';
import { allPlugins } from './helpers.js';

let plugins: PluginDefinition[];
let inventory: Inventory;

before(async () => {
  plugins = await allPlugins();
  inventory = new Inventory(plugins, { toolsets: ['all'] });
});

test('every reference tool of the loaded categories is callable by its exact name', () => {
  const categories = ['projects', 'tasks', 'timer', 'auth', 'test-connection', 'employees', 'daily-plan', 'organization-contact', 'candidates', 'time-off', 'comments', 'activity-logs', 'skills', 'employee-awards', 'reports', 'expenses', 'incomes', 'deals', 'pipelines', 'goals', 'key-results', 'invoices', 'payments', 'products', 'product-categories', 'warehouses', 'merchants', 'equipment'];
  const names = referenceToolNames(...categories);
  assert.equal(names.length, 42 + 15 + 17 + 17 + 15 + 20 + 15 + 12 + 10 + 12 + 4 + 9 + 8 + 15 + 8 + 12 + 12 + 14 + 14 + 13 + 5 + 5 + 14 + 16);
  const missing = names.filter((name) => !inventory.get(name));
  assert.deepEqual(missing, []);
});

// Issue #12: with every pack loaded the catalog is complete. A retired name counts only when it answers why and
// names the tool to use instead; there should be few, and each is printed with its reason.
test('the whole catalog: each of the 324 reference names is callable, and the few retired ones name a replacement', (t) => {
  const all = readFileSync(new URL('../../testkit/data/gauzy-mcp-tools.tsv', import.meta.url), 'utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split('\t')[1]!);
  assert.equal(all.length, 324);
  assert.deepEqual(all.filter((name) => !inventory.get(name)), [], 'not callable');
  const working = new Set([...inventory.tools.flatMap((tool) => [tool.name, ...(tool.definition.aliases ?? []), ...tool.presets.keys()])]);
  const retired = all.filter((name) => inventory.get(name)!.definition.retired);
  const kinds = { listed: 0, alias: 0, preset: 0, bulk: 0, retired: retired.length };
  for (const name of all) {
    const tool = inventory.get(name)!;
    if (tool.definition.retired) continue;
    if (tool.definition.runsEach) kinds.bulk++;
    else if (tool.name === name) kinds.listed++;
    else if (inventory.presetOf(name)) kinds.preset++;
    else kinds.alias++;
  }
  t.diagnostic(`324 reference names: ${Object.entries(kinds).map(([kind, count]) => `${count} ${kind}`).join(', ')}`);
  const noReplacement: string[] = [];
  for (const name of retired) {
    const tool = inventory.get(name)!;
    t.diagnostic(`retired ${name} (${tool.plugin}): ${tool.definition.retired!.reason}`);
    const named = (tool.definition.retired!.reason.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []).filter((word) => working.has(word));
    // The one exception: a route of Gauzy's own that fails on every call (its merchant module, checked on the real
    // Gauzy) has nothing to stand in for it; the reason says so.
    if (!named.length && !/routes fail on this Gauzy version/.test(tool.definition.retired!.reason)) noReplacement.push(name);
  }
  assert.deepEqual(noReplacement, [], 'a retired name must name a working tool to use instead');
  assert.ok(retired.length <= 40, `${retired.length} retired reference names`);
});

test('the tools the product documentation names are present under those names', () => {
  const documented = [
    'list_projects', 'get_project_by_id', 'create_project', 'update_project', 'delete_project', 'bulk_create_projects', 'get_my_team_projects',
    'assign_project_to_employee', 'bulk_assign_project_to_employees', 'get_project_progress',
    'list_tasks', 'get_task_by_id', 'create_task', 'bulk_create_tasks', 'update_task', 'delete_task', 'get_my_tasks', 'get_team_tasks',
    'start_timer', 'stop_timer', 'timer_status', 'get_time_logs', 'get_active_timers',
    'list_employees', 'get_employee_by_id', 'create_employee', 'update_employee', 'get_employee_statistics', 'get_team_availability',
    'list_candidates', 'get_candidate_evaluations', 'update_candidate_stage', 'send_bulk_emails', 'send_notifications',
    'generate_report', 'list_expenses', 'create_expense', 'bulk_update_expenses',
    'list_invoices', 'create_invoice', 'bulk_create_invoices', 'list_payments', 'create_payment',
  ];
  const listed = new Set(inventory.tools.map((tool) => tool.name));
  assert.deepEqual(documented.filter((name) => !listed.has(name)), []);
});

test('registry invariants hold over every loaded tool', () => {
  const seen = new Set<string>();
  for (const tool of inventory.tools) {
    for (const name of [tool.name, ...(tool.definition.aliases ?? []), ...tool.presets.keys()]) {
      assert.match(name, TOOL_NAME_PATTERN);
      assert.ok(!seen.has(name), `duplicate ${name}`);
      seen.add(name);
    }
    // The listing leaves out hints equal to MCP's defaults; a client applying them must read every hint right.
    assert.deepEqual(resolvedAnnotations(tool.listing.annotations, tool.listing.title), tool.annotations, `${tool.name} hints as a client reads them`);
    assert.equal(typeof tool.listing.annotations.readOnlyHint, 'boolean', `${tool.name} states readOnlyHint`);
    assert.ok(!(tool.annotations.readOnlyHint && tool.annotations.destructiveHint), `${tool.name} is both read-only and destructive`);
    assert.ok(tool.definition.description.length <= MAX_DESCRIPTION_LENGTH, `${tool.name} description too long`);
    assert.equal(tool.listing.inputSchema.type, 'object');
    assert.equal(Object.getPrototypeOf(tool.listing.inputSchema), Object.prototype, `${tool.name} input schema is not a plain object`);
    assert.ok(!('anyOf' in tool.listing.inputSchema || 'oneOf' in tool.listing.inputSchema), `${tool.name} has a top-level union`);
    assert.ok(tool.listing.title && tool.listing.title.length > 0);
  }
});

test('no listed tool sends the model to a retired or unknown tool by name', () => {
  const callable = new Set([...inventory.tools, ...inventory.retired].flatMap((tool) => [tool.name, ...(tool.definition.aliases ?? []), ...tool.presets.keys()]));
  const retired = new Set(inventory.retired.flatMap((tool) => [tool.name, ...(tool.definition.aliases ?? [])]));
  const wrong: string[] = [];
  for (const tool of inventory.tools) {
    for (const word of tool.definition.description.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []) {
      const looksLikeTool = /^(list|get|create|update|delete|archive|restore|bulk|start|stop|add|assign|unassign|refresh)_/.test(word);
      if (retired.has(word) || (looksLikeTool && !callable.has(word))) wrong.push(`${tool.name} names ${word}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(inventory.retired.some((tool) => tool.name === 'restore_project'), 'restore_project is retired, not gone');
});

test('every route a tool declares exists in the Gauzy route table with that method', () => {
  const unknown: string[] = [];
  for (const tool of inventory.tools) {
    for (const route of tool.definition.routes) {
      const [method, path] = route.split(' ') as [string, string];
      if (!findGauzyRoute(method, path)) unknown.push(`${tool.name}: ${route}`);
    }
  }
  assert.deepEqual(unknown, []);
});

test('the tools command prints per-pack counts and the generated reference is current', () => {
  const report = toolsReport(plugins);
  assert.match(report, new RegExp(`^${inventory.tools.length} tools in ${plugins.length} packs`));
  for (const plugin of plugins) assert.match(report, new RegExp(`${plugin.name} [\\d.]+: \\d+ tools`));
  const docsPath = new URL('../../docs/TOOLS.md', import.meta.url).pathname;
  assert.ok(writeOrCheckDocs(plugins, docsPath, 'check'), 'docs/TOOLS.md is stale: run `node cli/bin/gauzy-mcp.js docs --write`');
  assert.match(renderToolReference(plugins), /### `create_task`/);
});

test('one listed tool per job: no two share a description, or the same routes and required inputs', () => {
  const found = sameJobTools(new Inventory(plugins, { toolsets: ['all'] }).tools);
  assert.deepEqual(found.description, [], 'the same description');
  assert.deepEqual(found.job, [], 'the same routes, required inputs and effect');
});

// The duplicate issue #14 found: list_tasks (GET /api/tasks) and get_tasks_pagination (GET /api/tasks/pagination) read the same rows.
test('one listed tool per job: a list and its /pagination twin are caught as one job', () => {
  const taskEntity = defineEntity({ name: 'task', gauzyClass: 'Task', noun: 'task', plural: 'tasks', path: '/api/tasks', operations: ['findAll', 'pagination'], scope: 'organization', fields: {} });
  const twins = definePlugin({
    name: 'twins', version: '0.0.0', description: 'A list listed twice.', kernel: '^1.1.0', toolsets: [{ name: 'twins', description: 'Twins' }],
    tools: crudToolList(taskEntity, { toolset: 'twins', tools: { list: { description: 'List tasks.' }, pagination: { description: 'Page tasks.' } } }),
  });
  assert.deepEqual(sameJobTools(new Inventory([twins], { toolsets: ['all'] }).tools).job, ['get_tasks_pagination and list_tasks']);
});

// get_goal_statistics reads the same route as list_goals with no required input, and answers totals, not rows.
test('one listed tool per job: a summary composed over a list route is another job than the list', () => {
  const goalEntity = defineEntity({ name: 'goal', gauzyClass: 'Goal', noun: 'goal', plural: 'goals', path: '/api/goals', operations: ['findAll'], scope: 'organization', fields: {} });
  const [list] = crudToolList(goalEntity, { toolset: 'goals', tools: { list: { description: 'List goals.' } } });
  const statistics = defineTool({ name: 'get_goal_statistics', title: 'Goal statistics', description: 'Goal totals.', toolset: 'goals', effect: 'read', input: z.object({}), output: z.object({ goals: z.number() }), routes: ['GET /api/goals'], handler: async () => ok({ goals: 0 }, '') });
  const pack = definePlugin({ name: 'goals', version: '0.0.0', description: 'Goals.', kernel: '^1.1.0', toolsets: [{ name: 'goals', description: 'Goals' }], tools: [list!, statistics] });
  assert.deepEqual(sameJobTools(new Inventory([pack], { toolsets: ['all'] }).tools).job, []);
});
