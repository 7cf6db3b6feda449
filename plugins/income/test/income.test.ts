import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTextAgrees, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import incomePlugin from '../src/index.js';
import { incomeSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's rows (testkit/src/seeds/income.ts, contacts.ts). */
const I = {
  retainer: '7d2e3f4a-5b6c-4d7e-8f90-1a2b3c4d5e01',
  milestone: '7d2e3f4a-5b6c-4d7e-8f90-1a2b3c4d5e02',
  bonus: '7d2e3f4a-5b6c-4d7e-8f90-1a2b3c4d5e03',
  thisMonth: '7d2e3f4a-5b6c-4d7e-8f90-1a2b3c4d5e04',
};
const EVER = '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21';
const ACME = '3d6f8b21-5c4e-4a7f-8b2c-8e9d0f1a2b32';

function lastMonth(): { startDate: string; endDate: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { startDate: first.toISOString().slice(0, 10), endDate: last.toISOString().slice(0, 10) };
}

usePackHarness({ plugin: incomePlugin, sandboxEntities: [...incomeSandbox] }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));

test('every reference tool of incomes is callable; the listed tools (with archive) stay within 5,000 bytes; restore_income is retired with the reason', async () => {
  const names = referenceToolNames('incomes');
  assert.equal(names.length, 8);
  const catalog = packCatalog([incomePlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  assert.equal(catalog.callable('get_my_incomes'), 'preset');
  assert.equal(catalog.callable('get_incomes_by_employee'), 'alias');
  assert.ok(catalog.bytes <= 5000, `${catalog.bytes} bytes`);
  assert.deepEqual(catalog.listed.map((tool) => tool.name).sort(), [
    'archive_income', 'create_income', 'delete_income', 'get_income_by_id', 'list_incomes', 'update_income',
  ]);
  assert.ok(incomePlugin.toolsets.every((toolset) => !toolset.default));
  sandbox.clearRequests();
  const restore = await admin.call('restore_income', { id: I.retainer });
  assert.equal(restore.error?.code, 'GMCP_ERR_TOOL_RETIRED', restore.text);
  assert.match(restore.text, /cannot restore archived \(soft-deleted\) incomes/);
  assert.equal(sandbox.requests.length, 0);
});

test("list_incomes finds last month's incomes through Gauzy's valueDate range, client and employee named, with the sums per currency", async () => {
  const found = await admin.call('list_incomes', { ...lastMonth(), clientId: EVER });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(ids(found), [I.bonus, I.retainer]);
  assert.deepEqual(found.structured!.pageSums, { USD: 5300 });
  assert.match(found.text, new RegExp(`5000\\.00 USD \\(id ${I.retainer}\\) · client Ever Technologies \\(id ${EVER}\\) · employee `));
  assert.match(found.text, /This page sums to 5300\.00 USD\./);
  assertTextAgrees(found.text, found.structured!);
  assert.equal(sandbox.requests.at(-1)!.path, '/api/income/pagination');
  const all = await admin.call('get_incomes', lastMonth());
  assert.ok([I.retainer, I.milestone, I.bonus].every((id) => ids(all).includes(id)) && !ids(all).includes(I.thisMonth), all.text);
});

test('list_incomes by employee, currency, bonus and notes (get_incomes_by_employee, get_income_count, get_incomes_pagination are the list)', async () => {
  const demo = sandbox.seed.users.employee.employeeId;
  const theirs = await admin.call('get_incomes_by_employee', { employeeId: demo, clientId: ACME });
  assert.deepEqual(ids(theirs), [I.milestone]);
  const euros = await admin.call('get_income_count', { currency: 'EUR' });
  assert.equal(euros.structured!.total, sandbox.db.list('income').filter((row) => row.currency === 'EUR').length);
  const bonuses = await admin.call('get_incomes_pagination', { isBonus: true, clientId: EVER });
  assert.deepEqual(ids(bonuses), [I.bonus]);
  assert.match(bonuses.text, /· bonus · "Client bonus"/);
  const byNotes = await admin.call('list_incomes', { notes: 'milestone' });
  assert.deepEqual(ids(byNotes), [I.milestone]);
  for (const [args, field] of [[{ currency: 'dollars' }, 'currency'], [{ endDate: 'yesterday' }, 'endDate'], [{ clientId: 'acme' }, 'clientId'], [{ take: 0 }, 'take']] as const) {
    const answer = await admin.call('list_incomes', args);
    assert.ok(answer.error?.fields?.includes(field), `${JSON.stringify(args)}: ${answer.text}`);
  }
});

test('get_my_incomes lists your employee\'s incomes', async () => {
  const mine = await admin.call('get_my_incomes', { clientId: ACME });
  assert.equal(mine.isError, false, mine.text);
  assert.deepEqual(ids(mine), [I.thisMonth]);
});

test('get_income_by_id (get_income) names client and employee; an unknown id is a 404', async () => {
  const found = await admin.call('get_income', { id: I.milestone });
  assert.equal(found.isError, false, found.text);
  assert.match(found.text, /^Found income: \d{4}-\d{2}-\d{2} 12:00 UTC · 2400\.00 EUR .* client Acme Retail/);
  assertTextAgrees(found.text, found.structured!);
  assert.equal((await admin.call('get_income_by_id', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('create_income stores the income and names its client; clientId, amount and currency are required and checked', async () => {
  const demo = sandbox.seed.users.employee.employeeId;
  const created = await admin.call('create_income', { amount: 1500, currency: 'USD', clientId: ACME, employeeId: demo, valueDate: '2026-11-20', notes: 'Sprint 4', isBonus: false });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  const row = sandbox.db.get('income', id)!;
  assert.deepEqual([row.amount, row.currency, row.clientId, row.employeeId], [1500, 'USD', ACME, demo]);
  assert.match(created.text, /^Created income: 2026-11-20 · 1500\.00 USD .* client Acme Retail/);
  for (const [args, field] of [
    [{ amount: 10, currency: 'USD' }, 'clientId'],
    [{ currency: 'USD', clientId: ACME }, 'amount'],
    [{ amount: 10, clientId: ACME }, 'currency'],
    [{ amount: -10, currency: 'USD', clientId: ACME }, 'amount'],
    [{ amount: 10, currency: 'QQQ', clientId: ACME }, 'currency'],
  ] as const) {
    const answer = await admin.call('create_income', args);
    assert.ok(answer.error?.fields?.includes(field), `${JSON.stringify(args)}: ${answer.text}`);
  }
  sandbox.db.remove('income', id);
});

test('update_income sends clientId, amount and currency with the change; only the given field changes; 404 for an unknown id', async () => {
  sandbox.clearRequests();
  const updated = await admin.call('update_income', { id: I.retainer, notes: 'Retainer (November)' });
  assert.equal(updated.isError, false, updated.text);
  const row = sandbox.db.get('income', I.retainer)!;
  assert.deepEqual([row.notes, row.amount, row.clientId], ['Retainer (November)', 5000, EVER]);
  const put = sandbox.requests.find((request) => request.method === 'PUT')!.body as Item;
  assert.deepEqual([put.clientId, put.amount, put.currency], [EVER, 5000, 'USD']);
  assert.match(updated.text, /^Updated income: .* 5000\.00 USD .* "Retainer \(November\)"/);
  assert.equal((await admin.call('update_income', { id: MISSING, notes: 'x' })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('archive_income takes the income out of lists but keeps the row; delete_income removes one', async () => {
  const created = await admin.call('create_income', { amount: 20, currency: 'USD', clientId: EVER, notes: 'To archive' });
  const id = String(created.structured!.id);
  const archived = await admin.call('archive_income', { id });
  assert.equal(archived.isError, false, archived.text);
  assert.ok(sandbox.db.get('income', id)!.deletedAt);
  assert.ok(!ids(await admin.call('list_incomes', { notes: 'To archive' })).includes(id));
  assert.equal((await admin.call('get_income_by_id', { id })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  const gone = await admin.call('create_income', { amount: 21, currency: 'USD', clientId: EVER });
  const goneId = String(gone.structured!.id);
  assert.equal((await admin.call('delete_income', { id: goneId })).isError, false);
  assert.equal(sandbox.db.get('income', goneId), undefined);
  assert.equal((await admin.call('delete_income', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  assert.equal((await admin.call('archive_income', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('role matrix: the seeded EMPLOYEE role has no ORG_INCOMES_VIEW/EDIT, so every income tool is a 403 with what to do', async () => {
  for (const [name, args] of [
    ['list_incomes', {}],
    ['get_my_incomes', {}],
    ['get_income_by_id', { id: I.bonus }],
    ['create_income', { amount: 5, currency: 'USD', clientId: EVER }],
    ['update_income', { id: I.bonus, notes: 'mine' }],
    ['archive_income', { id: I.bonus }],
    ['delete_income', { id: I.bonus }],
  ] as const) {
    const answer = await employee.call(name, args);
    assert.equal(answer.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', `${name}: ${answer.text}`);
    assert.match(answer.text, /ORG_INCOMES_VIEW/);
  }
  assert.equal(sandbox.db.get('income', I.bonus)!.notes, 'Client bonus');
});

test('sandbox fidelity: PUT /api/income/:id needs clientId, amount and currency, answers an unknown id with a wrapped 400, and keeps what is not sent', async () => {
  const login = await fetch(`${sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@ever.co', password: sandbox.seed.users.superAdmin.password }) });
  const { token } = (await login.json()) as { token: string };
  const put = async (id: string, body: Item) => {
    const response = await fetch(`${sandbox.url}/api/income/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'tenant-id': sandbox.seed.tenantId, 'content-type': 'application/json' },
      body: JSON.stringify({ organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId, ...body }),
    });
    return { status: response.status, body: (await response.json()) as Item };
  };
  const incomplete = await put(I.thisMonth, { amount: 1800, currency: 'USD' });
  assert.equal(incomplete.status, 400);
  assert.ok((incomplete.body.message as string[]).includes('clientId should not be empty'), JSON.stringify(incomplete.body));
  assert.equal((await put(MISSING, { amount: 1, currency: 'USD', clientId: ACME })).body.name, 'NotFoundException');
  const saved = await put(I.thisMonth, { amount: 1900, currency: 'USD', clientId: ACME });
  assert.equal(saved.status, 202);
  assert.equal(saved.body.notes, null);
  assert.deepEqual([sandbox.db.get('income', I.thisMonth)!.amount, sandbox.db.get('income', I.thisMonth)!.notes], [1900, 'Support hours']);
});
