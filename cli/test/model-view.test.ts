import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Sandbox } from '@gauzy-mcp/testkit';
import { MAX_ANSWER_BYTES } from '@gauzy-mcp/core/internal';
import { connect, createSandbox } from './helpers.js';

// Issue #14: answers a model can act on. The text alone must carry what a person asked about, agree with
// the structured result, and a refusal must say what to do next.

let sandbox: Sandbox;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
});
after(async () => {
  await sandbox.close();
});

type Item = Record<string, any>;
const name = (person: Item) => [person.user?.firstName ?? person.firstName, person.user?.lastName ?? person.lastName].filter(Boolean).join(' ');

test('list_tasks text shows each task\'s key, status, priority, due date, project and assignees by name, all of it in the structured items', async () => {
  const { client } = await connect(sandbox);
  try {
    const answer = await client.call('list_tasks', { take: 20 });
    assert.equal(answer.isError, false, answer.text);
    const items = answer.structured!.items as Item[];
    const lines = answer.text.split('\n').filter((line) => line.startsWith('- '));
    assert.equal(lines.length, items.length);
    const projects = new Map(sandbox.seed.projects.map((project) => [project.id, project.name]));
    items.forEach((task, index) => {
      const line = lines[index]!;
      const stored = sandbox.db.get('task', String(task.id))!;
      for (const fact of [`${String(stored.prefix).toUpperCase()}-${String(stored.number)}`, stored.title, stored.status, stored.priority, String(stored.dueDate).slice(0, 10), projects.get(String(stored.projectId))]) {
        assert.ok(line.includes(String(fact)), `${line} shows ${fact}`);
      }
      const assignees = (stored.memberIds as string[]).map((id) => name(sandbox.db.get('employee', id)! as Item & { user?: Item }) || name(sandbox.db.get('user', String(sandbox.db.get('employee', id)!.userId))!));
      for (const assignee of assignees) assert.ok(line.includes(assignee), `${line} names ${assignee}`);
      // Text and structure agree: every name and id in the line is in the item the model also receives.
      const json = JSON.stringify(task);
      for (const id of line.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []) assert.ok(json.includes(id), `${id} of the text is in the item`);
      for (const assignee of assignees) assert.ok(json.includes(assignee), `${assignee} is in the item`);
      assert.ok(json.includes(String(projects.get(String(stored.projectId)))));
    });
    // The joined relations the model did not ask for come as {id, name}, not whole employee and user records.
    const member = items.find((task) => task.members?.length)!.members[0];
    assert.deepEqual(Object.keys(member).sort(), ['id', 'name']);
  } finally {
    await client.close();
  }
});

test('fields and relations together: the asked fields and relations stay, id and title too, and the text shows the fields', async () => {
  const { client } = await connect(sandbox);
  try {
    const answer = await client.call('list_tasks', { take: 3, fields: ['dueDate', 'estimate'], relations: ['project'] });
    assert.equal(answer.isError, false, answer.text);
    for (const task of answer.structured!.items as Item[]) {
      assert.deepEqual(Object.keys(task).sort(), ['dueDate', 'estimate', 'id', 'project', 'taskNumber', 'title'].filter((key) => key in task).sort());
      assert.ok(task.project?.name, 'the relation asked for is whole');
      assert.ok('estimate' in task && 'title' in task);
    }
    assert.match(answer.text, /estimate: \d+/);
    assert.doesNotMatch(answer.text, /\(untitled\)/);
    const wrong = await client.call('list_tasks', { fields: ['dueDat'] });
    assert.equal(wrong.isError, true, 'a field name is one of the entity\'s');
    assert.deepEqual(wrong.error?.fields, ['fields.0']);
  } finally {
    await client.close();
  }
});

test('start_timer: any task of the organization starts as in Gauzy; a task id that is no record and a refused task say what to do', async () => {
  const { client } = await connect(sandbox, { user: 'employee' });
  try {
    const employeeId = sandbox.seed.users.employee.employeeId;
    // Gauzy (39a5c3ad, held against the real API) starts a timer on a task the employee is not assigned to.
    const task = sandbox.db.list('task').find((row) => row.tenantId === sandbox.seed.tenantId && !(row.memberIds as string[]).includes(employeeId) && row.projectId)!;
    const started = await client.call('start_timer', { taskId: String(task.id), projectId: String(task.projectId) });
    assert.equal(started.isError, false, started.text);
    assert.equal((await client.call('stop_timer', {})).isError, false);

    // Gauzy answers a task id that is no row with 201 and the database's message only: an error, with the lookup to use.
    const unknown = await client.call('start_timer', { taskId: '00000000-0000-4000-8000-00000000abcd' });
    assert.equal(unknown.isError, true, unknown.text);
    assert.equal(unknown.error?.code, 'GMCP_ERR_GAUZY_BAD_REQUEST');
    assert.match(unknown.text, /FOREIGN KEY constraint failed/);
    assert.match(String(unknown.error?.hint), /list_tasks/);
    assert.ok(unknown.text.includes(`What to do: ${String(unknown.error?.hint)}`), unknown.text);

    // A Gauzy that refuses tasks the caller is not a member of: the refusal names the tool that fixes it.
    sandbox.faults.add({ method: 'POST', path: '/api/timesheet/timer/start', status: 403, body: { statusCode: 403, message: 'invalid-task-permissions', error: 'Forbidden' } });
    const refused = await client.call('start_timer', { taskId: String(task.id) });
    assert.equal(refused.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', refused.text);
    assert.match(String(refused.error?.hint), /assign_task_to_employee/);
  } finally {
    sandbox.faults.clear();
    await client.close();
  }
});

test('no answer of a read tool called with its defaults is over 32 KB (text and structured content together)', async () => {
  const { client, kernel } = await connect(sandbox, { inventory: { toolsets: ['all'] } });
  try {
    const sizes: string[] = [];
    for (const tool of kernel.inventory.tools) {
      const required = (tool.listing.inputSchema.required as string[] | undefined) ?? [];
      if (tool.definition.effect !== 'read' || required.length > 0) continue;
      const answer = await client.call(tool.name, {});
      const text = Buffer.byteLength(answer.text);
      const structured = Buffer.byteLength(JSON.stringify(answer.structured ?? {}));
      sizes.push(`${tool.name}: text ${text} B, structured ${structured} B`);
      assert.ok(text + structured <= MAX_ANSWER_BYTES, `${tool.name} answers ${text + structured} bytes`);
    }
    assert.ok(sizes.length >= 10, sizes.join('\n'));
  } finally {
    await client.close();
  }
});

test('"show me all active projects and their current status": one list_projects call, each project named with its status in the text', async () => {
  const { client } = await connect(sandbox);
  try {
    const answer = await client.call('list_projects', { status: 'in-progress' });
    assert.equal(answer.isError, false, answer.text);
    const expected = sandbox.db.list('organizationProject').filter((row) => row.organizationId === sandbox.seed.organizationId && row.status === 'in-progress' && row.deletedAt == null);
    assert.ok(expected.length > 0);
    for (const project of expected) assert.ok(answer.text.includes(`${String(project.name)} [in-progress] (id ${String(project.id)})`), answer.text);
    const all = await client.call('list_projects', { take: 100 });
    for (const project of all.structured!.items as Item[]) assert.ok(all.text.includes(`${String(project.name)} [${String(project.status)}]`), `${String(project.name)} and its status`);
  } finally {
    await client.close();
  }
});

test('find by name: list_tasks by part of the title and list_projects by part of the name, any case, through Gauzy\'s /pagination search', async () => {
  const { client } = await connect(sandbox);
  try {
    sandbox.clearRequests();
    const tasks = await client.call('list_tasks', { title: 'LOGIN' });
    assert.equal(tasks.isError, false, tasks.text);
    const expected = sandbox.db.list('task').filter((row) => row.organizationId === sandbox.seed.organizationId && String(row.title).toLowerCase().includes('login'));
    assert.ok(expected.length > 0);
    assert.deepEqual((tasks.structured!.items as Item[]).map((task) => task.id).sort(), expected.map((row) => row.id).sort());
    assert.ok(sandbox.requests.some((request) => request.path === '/api/tasks/pagination' && (request.query.where as Item)?.title === 'LOGIN'), 'Gauzy filters it');

    const projects = await client.call('list_projects', { name: 'website' });
    assert.deepEqual((projects.structured!.items as Item[]).map((project) => project.name), ['Gauzy Website']);

    // Gauzy's query transform reads "2026" as true, so a number-like search is filtered here, and the answer says so.
    const numeric = await client.call('list_tasks', { title: '2026' });
    assert.equal(numeric.isError, false, numeric.text);
    assert.match(String(numeric.structured!.note), /filtered here/);
  } finally {
    await client.close();
  }
});

test('"show all high-priority tasks due this week": one list_tasks call with priority and a due-date range, the due dates in the text', async () => {
  const { client } = await connect(sandbox);
  try {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(0), day(6)];
    const answer = await client.call('list_tasks', { priority: 'high', dueDateFrom: from, dueDateTo: to, take: 100 });
    assert.equal(answer.isError, false, answer.text);
    const inWeek = (row: Item) => String(row.dueDate).slice(0, 10) >= from && String(row.dueDate).slice(0, 10) <= to;
    const expected = sandbox.db.list('task').filter((row) => row.organizationId === sandbox.seed.organizationId && row.priority === 'high' && row.dueDate && inWeek(row));
    assert.ok(expected.length > 0, 'the demo seed has high-priority tasks due this week');
    assert.deepEqual((answer.structured!.items as Item[]).map((task) => task.id).sort(), expected.map((row) => row.id).sort());
    for (const row of expected) assert.ok(answer.text.includes(`due ${String(row.dueDate).slice(0, 10)}`), answer.text);
    assert.match(String(answer.structured!.note), /cannot bound dueDate/);

    // A title search with a due-date range: both are filtered here, the title too.
    const both = await client.call('list_tasks', { title: 'LOGIN', dueDateFrom: from, dueDateTo: day(60), take: 100 });
    const titled = sandbox.db.list('task').filter((row) => row.organizationId === sandbox.seed.organizationId && String(row.title).toLowerCase().includes('login') && row.dueDate && String(row.dueDate).slice(0, 10) >= from);
    assert.ok(titled.length > 0);
    assert.deepEqual((both.structured!.items as Item[]).map((task) => task.id).sort(), titled.map((row) => row.id).sort());
  } finally {
    await client.close();
  }
});

test('"who worked the most hours on the platform project?": list_projects by name, then get_project_statistics names each employee with hours that match the time logs', async () => {
  const { client } = await connect(sandbox);
  try {
    const found = await client.call('list_projects', { name: 'platform' });
    const projectId = String((found.structured!.items as Item[])[0]!.id);
    const stats = await client.call('get_project_statistics', { projectId });
    assert.equal(stats.isError, false, stats.text);
    const since = Date.now() - 30 * 86_400_000;
    const logs = sandbox.db.list('timeLog').filter((log) => log.projectId === projectId && Date.parse(String(log.startedAt)) >= since && log.deletedAt == null);
    assert.ok(logs.length > 0, 'the demo seed logs time on the platform project');
    const perEmployee = new Map<string, number>();
    for (const log of logs) perEmployee.set(String(log.employeeId), (perEmployee.get(String(log.employeeId)) ?? 0) + (Date.parse(String(log.stoppedAt)) - Date.parse(String(log.startedAt))) / 1000);
    const [topId, topSeconds] = [...perEmployee.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const employee = sandbox.db.get('employee', topId)!;
    const user = sandbox.db.get('user', String(employee.userId))!;
    const topName = `${String(user.firstName)} ${String(user.lastName)}`;
    const hours = Math.round((topSeconds / 3600) * 100) / 100;
    // The text alone answers: the first employee listed is the one with the most hours, by name.
    const byEmployee = stats.text.split('By employee:')[1]!.split('\n').filter((line) => line.startsWith('- '));
    assert.ok(byEmployee[0]!.startsWith(`- ${topName} (id ${topId}): ${hours.toFixed(2)} h`), stats.text);
    assert.ok(!('days' in stats.structured!), 'per-day detail is the daily report\'s: a month of it is 80 KB on a real Gauzy');
    const top = (stats.structured!.byEmployee as Item[])[0]!;
    assert.deepEqual({ name: top.name, hours: top.hours }, { name: topName, hours });
  } finally {
    await client.close();
  }
});
