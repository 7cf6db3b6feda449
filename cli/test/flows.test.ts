import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertTextAgrees, type Sandbox } from '@gauzy-mcp/testkit';
import { connect, createSandbox } from './helpers.js';

// The cross-pack flows of issues #11 and #12, through an MCP client against a sandbox that knows every
// default pack: the calls a model makes, in order, and the sandbox state after each.

type Item = Record<string, unknown>;

let sandbox: Sandbox;
before(async () => {
  sandbox = await createSandbox({ seed: 'demo' });
});
after(async () => {
  await sandbox.close();
});

const HOUR = 3_600_000;
const scope = () => ({ tenantId: sandbox.seed.tenantId, organizationId: sandbox.seed.organizationId, createdByUserId: sandbox.seed.users.superAdmin.id, deletedAt: null });

test('a weekly report: completed tasks, time per project, employees over 40 hours — the numbers of the seeded logs exactly; an employee sees only their own time', async () => {
  const week = '2026-04-06';
  const at = (day: number, hour: number) => new Date(Date.parse(`${week}T00:00:00.000Z`) + day * 24 * HOUR + hour * HOUR).toISOString();
  const { superAdmin, employee: me } = sandbox.seed.users;
  const [platform, website] = sandbox.seed.projects;
  const logs: Array<[string, string, number, number, number]> = [
    ...[0, 1, 2, 3, 4].map((day): [string, string, number, number, number] => [superAdmin.employeeId, platform!.id, day, 8, 8.5]),
    [me.employeeId, website!.id, 2, 9, 7], [me.employeeId, platform!.id, 4, 9, 3],
  ];
  for (const [employeeId, projectId, day, hour, hours] of logs) {
    sandbox.db.insert('timeLog', { employeeId, projectId, startedAt: at(day, hour), stoppedAt: at(day, hour + hours), logType: 'TRACKED', source: 'BROWSER', isBillable: true, isRunning: false, description: 'Flow week', ...scope(), createdAt: at(day, hour), updatedAt: at(day, hour) });
  }
  const task = sandbox.db.list('task').find((row) => row.organizationId === sandbox.seed.organizationId && row.status !== 'done')!;
  sandbox.db.update('task', String(task.id), { status: 'done', updatedAt: at(3, 16) });

  // What the report should say, from the rows themselves.
  const inWeek = sandbox.db.list('timeLog').filter((log) => log.organizationId === sandbox.seed.organizationId && String(log.startedAt) >= at(0, 0) && String(log.startedAt) < at(7, 0));
  const seconds = (rows: Item[]) => rows.reduce((sum, log) => sum + (Date.parse(String(log.stoppedAt)) - Date.parse(String(log.startedAt))) / 1000, 0);
  const perProject = (id: string) => seconds(inWeek.filter((log) => log.projectId === id));
  const perEmployee = (id: string) => seconds(inWeek.filter((log) => log.employeeId === id));

  const { client: admin } = await connect(sandbox, { inventory: { toolsets: ['reports'] } });
  try {
    const report = await admin.call('generate_report', { startDate: week });
    assert.equal(report.isError, false, report.text);
    const s = report.structured!;
    assert.equal(s.totalSeconds, seconds(inWeek));
    assert.deepEqual((s.byProject as Item[]).map((row) => [row.id, row.seconds]), [[platform!.id, perProject(platform!.id)], [website!.id, perProject(website!.id)]]);
    assert.deepEqual((s.byEmployee as Item[]).map((row) => [row.id, row.seconds]), [[superAdmin.employeeId, perEmployee(superAdmin.employeeId)], [me.employeeId, perEmployee(me.employeeId)]]);
    assert.deepEqual((s.employeesOver as Item[]).map((row) => row.id), [superAdmin.employeeId], '42.5 h is over 40; 10 h is not');
    assert.ok(((s.completedTasks as { items: Item[] }).items).some((row) => row.id === task.id));
    assert.ok(report.text.includes(`Over 40 h: Super Admin (id ${superAdmin.employeeId}) 42.50 h (153000 s).`), report.text);
    assert.ok(report.text.includes(`- ${platform!.name} (id ${platform!.id}): ${(perProject(platform!.id) / 3600).toFixed(2)} h`), report.text);
    assertTextAgrees(report.text, s);
  } finally {
    await admin.close();
  }

  const { client: employee } = await connect(sandbox, { user: 'employee', inventory: { toolsets: ['reports'] } });
  try {
    const mine = await employee.call('generate_report', { startDate: week });
    assert.equal(mine.isError, false, mine.text);
    assert.deepEqual((mine.structured!.byEmployee as Item[]).map((row) => [row.id, row.seconds]), [[me.employeeId, perEmployee(me.employeeId)]]);
  } finally {
    await employee.close();
  }
});

test('a sales flow: a pipeline with stages, a deal moved through them, a goal with key results whose progress follows', async () => {
  const { client } = await connect(sandbox, { inventory: { toolsets: ['deals', 'pipelines', 'goals', 'key-results'] } });
  const client_ = sandbox.db.list('organizationContact').find((row) => row.organizationId === sandbox.seed.organizationId)!;
  try {
    const pipeline = await client.call('create_pipeline', { name: 'Enterprise sales', stages: [{ name: 'Lead' }, { name: 'Proposal' }, { name: 'Won' }] });
    assert.equal(pipeline.isError, false, pipeline.text);
    const pipelineId = String(pipeline.structured!.id);
    const stages = sandbox.db.list('pipelineStage').filter((row) => row.pipelineId === pipelineId).sort((a, b) => Number(a.index) - Number(b.index));
    assert.deepEqual(stages.map((row) => row.name), ['Lead', 'Proposal', 'Won']);

    const deal = await client.call('create_deal', { title: 'Acme rollout', probability: 2, stageId: String(stages[0]!.id), clientId: String(client_.id) });
    assert.equal(deal.isError, false, deal.text);
    const dealId = String(deal.structured!.id);
    assert.equal(sandbox.db.get('deal', dealId)!.stageId, stages[0]!.id);
    for (const [stage, index] of [['Proposal', 1], ['Won', 2]] as const) {
      const moved = await client.call('update_deal', { id: dealId, stage });
      assert.equal(moved.isError, false, moved.text);
      assert.equal(sandbox.db.get('deal', dealId)!.stageId, stages[index]!.id, `the deal is in ${stage}`);
    }

    const year = new Date().getUTCFullYear();
    const goal = await client.call('create_goal', { name: 'Win three enterprise deals', level: 'Organization', deadline: `Annual-${year}` });
    assert.equal(goal.isError, false, goal.text);
    const goalId = String(goal.structured!.id);
    const owner = sandbox.seed.users.superAdmin.employeeId;
    const won = await client.call('create_key_result', { goalId, name: 'Enterprise deals won', type: 'Numerical', initialValue: 0, targetValue: 3, ownerId: owner });
    const demo = await client.call('create_key_result', { goalId, name: 'Run the demo day', type: 'True/False', ownerId: owner });
    assert.equal(won.isError, false, won.text);
    assert.equal(demo.isError, false, demo.text);
    const wonId = String(won.structured!.id);

    const progress = await client.call('update_key_result_progress', { id: wonId, value: 1 });
    assert.equal(progress.isError, false, progress.text);
    assert.equal(sandbox.db.get('keyResult', wonId)!.progress, 33, 'one of three deals');
    assert.ok(sandbox.db.list('keyResultUpdate').some((row) => row.keyResultId === wonId && Number(row.update) === 1), 'the update is recorded');
    // The goal's progress is its key results' average (equal weights): 33 and 0.
    assert.equal(sandbox.db.get('goal', goalId)!.progress, 17);
    await client.call('update_key_result_progress', { id: String(demo.structured!.id), value: 1 });
    assert.equal(sandbox.db.get('goal', goalId)!.progress, 67);
  } finally {
    await client.close();
  }
});

test("month-end: last month's pending expenses, those under a threshold approved in bulk (a bad item reported, the rest through), invoiced per client, a payment recorded against one", async () => {
  const { client } = await connect(sandbox, { inventory: { toolsets: ['expenses', 'expenses-bulk', 'invoices', 'payments'] } });
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const THRESHOLD = 100;
  try {
    // 1. Last month's pending (not yet invoiced) expenses.
    const pending = await client.call('list_expenses', { status: 'UNINVOICED', startDate: day(first), endDate: day(last), take: 100 });
    assert.equal(pending.isError, false, pending.text);
    const expenses = (pending.structured!.items as Item[]);
    const stored = sandbox.db.list('expense').filter((row) => row.organizationId === sandbox.seed.organizationId && row.status === 'UNINVOICED' && String(row.valueDate) >= first.toISOString() && String(row.valueDate) <= `${day(last)}T23:59:59.999Z`);
    assert.deepEqual(expenses.map((row) => row.id).sort(), stored.map((row) => row.id).sort());
    const small = expenses.filter((row) => Number(row.amount) < THRESHOLD);
    assert.ok(small.length >= 2 && small.length < expenses.length, 'some under the threshold, some over');

    // 2. Approve those under the threshold in bulk; one id that does not exist is reported, the others go through.
    const MISSING = '00000000-0000-4000-8000-000000000000';
    const approved = await client.call('bulk_update_expenses', { updates: [...small.map((row) => ({ id: String(row.id), status: 'INVOICED' })), { id: MISSING, status: 'INVOICED' }] });
    assert.equal(approved.structured!.succeeded, small.length, approved.text);
    assert.equal(approved.structured!.failed, 1);
    assert.match(approved.text, new RegExp(`#${small.length + 1} \\(id ${MISSING}\\) failed: `));
    for (const row of small) assert.equal(sandbox.db.get('expense', String(row.id))!.status, 'INVOICED');
    for (const row of expenses.filter((entry) => Number(entry.amount) >= THRESHOLD)) assert.equal(sandbox.db.get('expense', String(row.id))!.status, 'UNINVOICED', 'over the threshold: untouched');

    // 3. One invoice per client, its items the approved expenses.
    const byClient = new Map<string, Item[]>();
    for (const row of small) byClient.set(String(row.organizationContactId), [...(byClient.get(String(row.organizationContactId)) ?? []), row]);
    const invoices: Item[] = [];
    for (const [clientId, rows] of byClient) {
      const created = await client.call('create_invoice', {
        toContactId: clientId, invoiceDate: day(now), dueDate: day(new Date(now.getTime() + 30 * 86_400_000)), currency: String(rows[0]!.currency), status: 'SENT',
        items: rows.map((row) => ({ description: String(row.notes ?? row.purpose ?? 'Expense'), price: Number(row.amount), quantity: 1, expenseId: String(row.id) })),
      });
      assert.equal(created.isError, false, created.text);
      const invoice = sandbox.db.get('invoice', String(created.structured!.id))!;
      assert.equal(Number(invoice.totalValue), rows.reduce((sum, row) => sum + Number(row.amount), 0), 'the total is its items');
      const items = sandbox.db.list('invoiceItem').filter((item) => item.invoiceId === invoice.id);
      assert.deepEqual(items.map((item) => item.expenseId).sort(), rows.map((row) => row.id).sort());
      invoices.push(invoice);
    }

    // 4. A part payment against the first invoice moves it to PARTIALLY_PAID.
    const invoice = invoices[0]!;
    const paid = await client.call('create_payment', { invoiceId: String(invoice.id), amount: Math.round(Number(invoice.totalValue) / 2 * 100) / 100, paymentMethod: 'BANK_TRANSFER' });
    assert.equal(paid.isError, false, paid.text);
    assert.ok(sandbox.db.list('payment').some((row) => row.invoiceId === invoice.id && row.id === paid.structured!.id));
    assert.equal(sandbox.db.get('invoice', String(invoice.id))!.status, 'PARTIALLY_PAID');
  } finally {
    await client.close();
  }
});
