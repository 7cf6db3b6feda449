import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTextAgrees, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import expensesPlugin from '../src/index.js';
import { expensesSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's rows (testkit/src/seeds/expenses.ts, contacts.ts). */
const E = {
  travel: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e01',
  software: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e02',
  taxi: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e11',
  lunch: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e12',
  license: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e13',
  flight: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e14',
  hotel: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e15',
  books: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e16',
  parking: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e17',
  hosting: '6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e18',
};
const EVER = '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21';

/** Last month, as a user means it: its first and last day. */
function lastMonth(): { startDate: string; endDate: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { startDate: first.toISOString().slice(0, 10), endDate: last.toISOString().slice(0, 10) };
}

usePackHarness({ plugin: expensesPlugin, sandboxEntities: [...expensesSandbox] }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));

test('every reference tool of expenses and the documented list_expenses, create_expense, bulk_update_expenses are callable; the listed tools stay within 6,500 bytes', () => {
  const names = referenceToolNames('expenses');
  assert.equal(names.length, 9);
  const catalog = packCatalog([expensesPlugin]);
  assert.deepEqual([...names, 'list_expenses', 'create_expense', 'bulk_update_expenses'].filter((name) => !catalog.callable(name)), []);
  assert.equal(catalog.callable('list_expenses'), 'listed');
  assert.equal(catalog.callable('create_expense'), 'listed');
  assert.equal(catalog.callable('bulk_update_expenses'), 'listed');
  assert.equal(catalog.callable('get_my_expenses'), 'preset');
  assert.ok(catalog.bytes <= 6500, `${catalog.bytes} bytes`);
  assert.deepEqual(catalog.listed.map((tool) => tool.name).sort(), [
    'bulk_update_expenses', 'create_expense', 'delete_expense', 'get_expense_by_id', 'list_expense_categories', 'list_expenses', 'update_expense',
  ]);
  assert.deepEqual(catalog.retired, []);
  assert.equal(catalog.listed.find((tool) => tool.name === 'bulk_update_expenses')!.toolset, 'expenses-bulk');
  assert.ok(expensesPlugin.toolsets.every((toolset) => !toolset.default));
});

test("list_expenses finds last month's pending (UNINVOICED) expenses through Gauzy's valueDate range, naming category, client and employee, with the sums", async () => {
  const found = await admin.call('list_expenses', { status: 'UNINVOICED', ...lastMonth() });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(new Set(ids(found)), new Set([E.taxi, E.lunch, E.license, E.flight, E.hotel]));
  assert.equal(found.structured!.total, 5);
  assert.deepEqual(found.structured!.pageSums, { USD: 1895.49 });
  assert.match(found.text, /This page sums to 1895\.49 USD\./);
  assert.match(found.text, new RegExp(`45\\.50 USD \\[UNINVOICED\\] \\(id ${E.taxi}\\) · Travel \\(id ${E.travel}\\) · client Ever Technologies \\(id ${EVER}\\) · employee `));
  assertTextAgrees(found.text, found.structured!);
  const request = sandbox.requests.at(-1)!;
  assert.equal(request.path, '/api/expense/pagination');
  // The whole last day counts; the range is Gauzy's, not filtered here.
  assert.doesNotMatch(found.text, /filtered here/);
  // The latest day first.
  assert.equal(ids(found)[0], E.hotel);
});

test('list_expenses with maxAmount keeps those at or under the threshold (filtered here, and it says so); get_expense_count and get_expenses_by_employee are the list', async () => {
  const under = await admin.call('list_expenses', { status: 'UNINVOICED', ...lastMonth(), maxAmount: 100 });
  assert.equal(under.isError, false, under.text);
  assert.deepEqual(new Set(ids(under)), new Set([E.taxi, E.lunch, E.license]));
  assert.deepEqual(under.structured!.sums, { USD: 225.49 });
  assert.match(under.text, /Gauzy cannot bound an expense's amount, so 5 of 5 matching expenses were read and filtered here/);
  assertTextAgrees(under.text, under.structured!);
  const over = await admin.call('list_expenses', { minAmount: 400 });
  // The employees pack's demo rows include an expense too.
  assert.deepEqual(new Set(ids(over)), new Set(sandbox.db.list('expense').filter((row) => Number(row.amount) >= 400).map((row) => row.id)));
  assert.ok(ids(over).includes(E.flight) && ids(over).includes(E.hotel) && !ids(over).includes(E.license));
  const count = await admin.call('get_expense_count', { status: 'PAID' });
  assert.equal(count.structured!.total, 1);
  assert.deepEqual(ids(count), [E.hosting]);
  const mine = await admin.call('get_expenses_by_employee', { employeeId: sandbox.seed.users.employee.employeeId, status: 'UNINVOICED' });
  assert.deepEqual(new Set(ids(mine)), new Set([E.taxi, E.license, E.parking]));
  const byClient = await admin.call('get_expenses', { organizationContactId: EVER, categoryId: E.travel, currency: 'USD' });
  assert.deepEqual(new Set(ids(byClient)), new Set([E.taxi, E.lunch, E.hotel, E.parking]));
});

test('get_my_expenses is list_expenses with your employee id; a fixed argument cannot be changed', async () => {
  const mine = await admin.call('get_my_expenses', { status: 'UNINVOICED', ...lastMonth() });
  assert.equal(mine.isError, false, mine.text);
  assert.deepEqual(new Set(ids(mine)), new Set([E.lunch, E.flight, E.hotel]));
  const other = await admin.call('get_my_expenses', { employeeId: sandbox.seed.users.employee.employeeId });
  assert.equal(other.isError, true);
  assert.ok(other.error!.fields!.includes('employeeId'), other.text);
});

test('list_expenses refuses bad arguments naming the field', async () => {
  for (const [args, field] of [
    [{ status: 'PENDING' }, 'status'],
    [{ startDate: 'last month' }, 'startDate'],
    [{ currency: 'usd' }, 'currency'],
    [{ currency: 'ABC' }, 'currency'],
    [{ maxAmount: -1 }, 'maxAmount'],
    [{ take: 500 }, 'take'],
    [{ vendor: 'x' }, 'vendor'],
  ] as const) {
    const answer = await admin.call('list_expenses', args);
    assert.equal(answer.isError, true, JSON.stringify(args));
    assert.ok(answer.error!.fields!.includes(field), `${JSON.stringify(args)}: ${answer.text}`);
  }
});

test('get_expense_by_id (get_expense) names category, client and employee; an unknown id is a 404', async () => {
  const found = await admin.call('get_expense', { id: E.hotel });
  assert.equal(found.isError, false, found.text);
  assert.match(found.text, /^Found expense: \d{4}-\d{2}-\d{2} 12:00 UTC · 1250\.00 USD \[UNINVOICED\]/);
  assert.ok(found.text.includes('client Ever Technologies'), found.text);
  assert.equal((found.structured!.category as Item).name, 'Travel');
  assertTextAgrees(found.text, found.structured!);
  const flight = await admin.call('get_expense_by_id', { id: E.flight });
  assert.ok(flight.text.includes('vendor Lufthansa (id 6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e21)'), flight.text);
  const missing = await admin.call('get_expense_by_id', { id: MISSING });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
});

test('create_expense stores amount, currency, category, client and employee and answers them named; Gauzy-invalid values are refused by field', async () => {
  const demo = sandbox.seed.users.employee.employeeId;
  const created = await admin.call('create_expense', {
    amount: 64.2, currency: 'BGN', valueDate: '2026-11-05', categoryId: E.travel, organizationContactId: EVER, employeeId: demo,
    typeOfExpense: 'BILLABLE_TO_CONTACT', status: 'UNINVOICED', purpose: 'Train tickets',
  });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  const row = sandbox.db.get('expense', id)!;
  assert.equal(row.amount, 64.2);
  assert.equal(row.currency, 'BGN');
  assert.equal(row.employeeId, demo);
  assert.equal(row.organizationContactId, EVER);
  assert.equal(row.status, 'UNINVOICED');
  assert.match(created.text, /^Created expense: 2026-11-05 · 64\.20 BGN \[UNINVOICED\] .* Travel .* client Ever Technologies .* employee /);
  for (const [args, field] of [
    [{ currency: 'USD' }, 'amount'],
    [{ amount: 10 }, 'currency'],
    [{ amount: -5, currency: 'USD' }, 'amount'],
    [{ amount: 5, currency: 'XYZ' }, 'currency'],
    [{ amount: 5, currency: 'USD', status: 'APPROVED' }, 'status'],
    [{ amount: 5, currency: 'USD', categoryId: 'travel' }, 'categoryId'],
  ] as const) {
    const answer = await admin.call('create_expense', args);
    assert.equal(answer.isError, true, JSON.stringify(args));
    assert.ok(answer.error!.fields!.includes(field), `${JSON.stringify(args)}: ${answer.text}`);
  }
  sandbox.db.remove('expense', id);
});

test('update_expense sends the whole DTO (amount and currency with the change) and changes only what is given; an unknown id is a 404', async () => {
  sandbox.clearRequests();
  const updated = await admin.call('update_expense', { id: E.books, notes: 'Reference books' });
  assert.equal(updated.isError, false, updated.text);
  const row = sandbox.db.get('expense', E.books)!;
  assert.equal(row.notes, 'Reference books');
  assert.equal(row.amount, 30);
  assert.equal(row.status, 'NOT_BILLABLE');
  const put = sandbox.requests.find((request) => request.method === 'PUT')!;
  assert.deepEqual({ amount: (put.body as Item).amount, currency: (put.body as Item).currency, notes: (put.body as Item).notes }, { amount: 30, currency: 'USD', notes: 'Reference books' });
  assert.match(updated.text, /^Updated expense: .* 30\.00 USD \[NOT_BILLABLE\]/);
  const noEmployee = await admin.call('update_expense', { id: E.books, employeeId: sandbox.seed.users.superAdmin.employeeId });
  assert.ok(noEmployee.error!.fields!.includes('employeeId'), 'the update DTO has no employee');
  assert.equal((await admin.call('update_expense', { id: MISSING, notes: 'x' })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  assert.ok((await admin.call('update_expense', { id: E.books })).isError, 'nothing to change');
});

test('delete_expense removes the row; an unknown id is reported as not found', async () => {
  const created = await admin.call('create_expense', { amount: 1, currency: 'USD', notes: 'To delete' });
  const id = String(created.structured!.id);
  const deleted = await admin.call('delete_expense', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('expense', id), undefined);
  assert.equal((await admin.call('delete_expense', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('list_expense_categories (get_expense_categories) lists the categories by name', async () => {
  const found = await admin.call('get_expense_categories', {});
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(ids(found), [E.software, E.travel]);
  assert.ok(found.text.includes(`Travel (id ${E.travel})`), found.text);
  assertTextAgrees(found.text, found.structured!);
});

test('role matrix: the seeded EMPLOYEE role has no ORG_EXPENSES_VIEW/EDIT, so every expense tool is a 403 with what to do; the super admin may do all', async () => {
  for (const [name, args] of [
    ['list_expenses', {}],
    ['get_my_expenses', {}],
    ['get_expense_by_id', { id: E.taxi }],
    ['list_expense_categories', {}],
    ['create_expense', { amount: 5, currency: 'USD' }],
    ['update_expense', { id: E.taxi, notes: 'mine' }],
    ['delete_expense', { id: E.taxi }],
  ] as const) {
    const answer = await employee.call(name, args);
    assert.equal(answer.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', `${name}: ${answer.text}`);
    assert.match(answer.text, /Forbidden resource/);
    assert.match(answer.text, /ORG_EXPENSES_VIEW/);
  }
  const bulk = await employee.call('bulk_update_expenses', { updates: [{ id: E.taxi, status: 'INVOICED' }] });
  assert.equal(bulk.structured!.failed, 1);
  assert.equal(sandbox.db.get('expense', E.taxi)!.status, 'UNINVOICED');
  assert.equal(sandbox.db.get('expense', E.taxi)!.notes, null);
});

test('month-end through an MCP client: last month\'s pending expenses under 100 USD approved for billing in bulk (INVOICED), a bad item reported while the rest go through', async () => {
  const pending = await admin.call('list_expenses', { status: 'UNINVOICED', ...lastMonth(), maxAmount: 100 });
  const chosen = ids(pending);
  assert.equal(chosen.length, 3);
  const bulk = await admin.call('bulk_update_expenses', { updates: [...chosen.map((id) => ({ id, status: 'INVOICED' })), { id: MISSING, status: 'INVOICED' }] });
  assert.equal(bulk.isError, false, bulk.text);
  assert.equal(bulk.structured!.succeeded, 3);
  assert.equal(bulk.structured!.failed, 1);
  const results = bulk.structured!.results as Array<Item & { error?: Item }>;
  assert.deepEqual(results.filter((result) => result.ok).map((result) => result.id), chosen);
  assert.equal(results[3]!.ok, false);
  assert.equal((results[3]!.error as Item).code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  assert.match(bulk.text, /^Updated 3 of 4 expenses; 1 failed\./);
  assert.match(bulk.text, /#4 \(id 00000000-0000-4000-8000-000000000000\) failed: /);
  assert.ok(bulk.text.includes(`ok: 45.50 USD [INVOICED] (id ${E.taxi})`), bulk.text);
  for (const id of chosen) assert.equal(sandbox.db.get('expense', id)!.status, 'INVOICED');
  // The ones over the threshold stay pending.
  assert.equal(sandbox.db.get('expense', E.flight)!.status, 'UNINVOICED');
  const left = await admin.call('list_expenses', { status: 'UNINVOICED', ...lastMonth() });
  assert.deepEqual(new Set(ids(left)), new Set([E.flight, E.hotel]));
  const invalid = await admin.call('bulk_update_expenses', { updates: [{ id: E.flight, status: 'APPROVED' }] });
  assert.ok(invalid.error!.fields!.some((field) => field.includes('status')), invalid.text);
  const unknownKey = await admin.call('bulk_update_expenses', { updates: [{ id: E.flight, approved: true }] });
  assert.equal(unknownKey.isError, true, 'unknown keys in an item are refused, not dropped');
});

test("sandbox fidelity: PUT /api/expense/:id as the real Gauzy answers it (whole DTO required, an unknown id a wrapped 400, the saved body with unsent columns null while the row keeps them)", async () => {
  const login = await fetch(`${sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@ever.co', password: sandbox.seed.users.superAdmin.password }) });
  const { token } = (await login.json()) as { token: string };
  const put = async (id: string, body: Item) => {
    const response = await fetch(`${sandbox.url}/api/expense/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'tenant-id': sandbox.seed.tenantId, 'content-type': 'application/json' },
      body: JSON.stringify({ organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId, ...body }),
    });
    return { status: response.status, body: (await response.json()) as Item };
  };
  const incomplete = await put(E.parking, { currency: 'USD' });
  assert.equal(incomplete.status, 400);
  assert.deepEqual(incomplete.body.message, ['amount should not be empty']);
  const unknown = await put(MISSING, { amount: 1, currency: 'USD' });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.name, 'NotFoundException');
  const saved = await put(E.parking, { amount: 12, currency: 'USD', status: 'UNINVOICED' });
  assert.equal(saved.status, 202);
  assert.equal(saved.body.notes, null);
  assert.equal(saved.body.purpose, null);
  assert.equal(sandbox.db.get('expense', E.parking)!.purpose, 'Parking');
});
