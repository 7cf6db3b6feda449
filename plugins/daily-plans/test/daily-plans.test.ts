import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createKernel, defineEntity, sandboxEntity, silentLogger } from '@gauzy-mcp/core';
import { Inventory } from '@gauzy-mcp/core/internal';
import { assertTextAgrees, connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import dailyPlansPlugin from '../src/index.js';
import { dailyPlansSandbox } from '../src/sandbox.js';

/**
 * Plans hold tasks, and the task entity is the tasks pack's: a pack may not import another, so the test
 * teaches the sandbox a task as a plan shows it (no routes; its key computed as TaskSubscriber does).
 */
export const tasksAsPlanned = sandboxEntity(
  defineEntity({ name: 'task', gauzyClass: 'Task', noun: 'task', plural: 'tasks', path: '', operations: [], scope: 'organization', fields: {} }),
  { virtuals: (row) => ({ taskNumber: [row.prefix ? String(row.prefix).toUpperCase() : '', Number(row.number) || 0].filter(Boolean).join('-') }) },
);

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
const today = () => new Date().toISOString().slice(0, 10);
const dayAfter = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: [...dailyPlansSandbox, tasksAsPlanned] });
  const connect = (user: 'superAdmin' | 'employee') =>
    connectInMemory(createKernel({ plugins: [dailyPlansPlugin], inventory: { toolsets: ['all'] }, log: silentLogger, ...kernelOptionsFor(sandbox, user) }).serverFactory);
  admin = await connect('superAdmin');
  employee = await connect('employee');
});
after(async () => {
  await admin.close();
  await employee.close();
  await sandbox.close();
});

const seedIds = () => ({ me: sandbox.seed.users.employee.employeeId, boss: sandbox.seed.users.superAdmin.employeeId, team: sandbox.seed.teams[0]!.id });
const plansOf = (employeeId: string) => sandbox.db.list('dailyPlan').filter((plan) => plan.employeeId === employeeId && !plan.deletedAt);
const taskRow = (id: string) => sandbox.db.get('task', id)!;
const orgTasks = () => sandbox.db.list('task').filter((task) => task.organizationId === sandbox.seed.organizationId);

test('every reference tool of the daily-plan category is callable: listed, an alias, or retired with a reason', () => {
  const names = readFileSync(new URL('../../../testkit/data/gauzy-mcp-tools.tsv', import.meta.url), 'utf8')
    .split('\n').map((line) => line.split('\t')).filter((cells) => cells[0] === 'daily-plan').map((cells) => cells[1]!);
  assert.equal(names.length, 17);
  const inventory = new Inventory([dailyPlansPlugin], { toolsets: ['all'] });
  const missing = names.filter((name) => !inventory.get(name));
  assert.deepEqual(missing, []);
  for (const tool of inventory.retired) assert.match(tool.definition.retired!.reason, /create_daily_plan|update_daily_plan|delete_daily_plan|list_daily_plans/);
});

test('get_my_daily_plans answers "what is on my plan today?" in one call: the day, my name, hours and each task by key, title and status', async () => {
  const { me } = seedIds();
  const mine = await employee.call('get_my_daily_plans', { date: today() });
  assert.equal(mine.isError, false, mine.text);
  const [plan] = mine.structured!.items as Item[];
  const stored = plansOf(me).find((row) => String(row.date).startsWith(today()))!;
  assert.equal(plan!.id, stored.id);
  assert.equal(mine.structured!.total, 1);
  assert.match(mine.text, new RegExp(`Plan ${today()} \\[in-progress\\] \\(id ${stored.id}\\) · Default Employee \\(id ${me}\\) · 6 h planned · team Default Team`));
  for (const taskId of stored.taskIds as string[]) {
    const task = taskRow(taskId);
    const key = `${String(task.prefix).toUpperCase()}-${String(task.number)}`;
    assert.ok(mine.text.includes(`${key} ${String(task.title)} [${String(task.status)}] (id ${taskId})`), `${key} in ${mine.text}`);
  }
  assertTextAgrees(mine.text, mine.structured!);
  const all = await employee.call('get_my_daily_plans', {});
  assert.equal(all.structured!.total, plansOf(me).length);
  assert.ok((all.structured!.items as Item[]).every((item) => item.employeeId === me));
  // Latest day first.
  assert.deepEqual((all.structured!.items as Item[]).map((item) => item.date), plansOf(me).map((row) => row.date).sort().reverse());
});
