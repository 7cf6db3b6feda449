import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTextAgrees, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import equipmentPlugin from '../src/index.js';
import { equipmentSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's rows (testkit/src/seeds/equipment.ts). */
const EQ = {
  laptop: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b11',
  car: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b12',
  projector: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b13',
  approvedLoan: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b21',
  pendingRequest: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b22',
  refusedRequest: '7e1a2b3c-4d5e-4f6a-8b7c-9d0e1f2a3b23',
};

usePackHarness({ plugin: equipmentPlugin, sandboxEntities: equipmentSandbox }, (opened) => ({ sandbox, admin, employee } = opened));

const DAY_MS = 86_400_000;
/** The UTC day `days` from today, as the seed places its rows. */
const day = (days: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString().slice(0, 10);
};
const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
const nameOf = (employeeId: string) => {
  const user = sandbox.db.get('user', String(sandbox.db.get('employee', employeeId)!.userId))!;
  return `${String(user.firstName)} ${String(user.lastName)}`;
};
const me = () => sandbox.seed.users.employee.employeeId;
const demo = (index: number) => sandbox.seed.demoEmployees[index]!.employeeId;
const sharingRow = (id: string) => sandbox.db.get('equipmentSharing', id);
const lastRequest = (method: string, path: string) => sandbox.requests.filter((entry) => entry.method === method && entry.path === path).at(-1)!;

test('every reference tool of equipment is callable by its exact name; the listed tools stay within 6,000 bytes', async () => {
  const names = referenceToolNames('equipment');
  assert.equal(names.length, 16);
  const catalog = packCatalog([equipmentPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  assert.ok(catalog.bytes <= 6000, `${catalog.bytes} bytes`);
  assert.deepEqual(catalog.listed.map((tool) => tool.name).sort(), [
    'create_equipment', 'delete_equipment', 'delete_equipment_sharing', 'list_equipment', 'list_equipment_sharings',
    'request_equipment_sharing', 'review_equipment_sharing', 'update_equipment',
  ]);
  const list = catalog.listed.find((tool) => tool.name === 'list_equipment')!;
  assert.deepEqual([...list.aliases].sort(), ['get_equipment', 'get_equipment_by_employee', 'get_equipment_by_id', 'get_equipment_count', 'search_equipment']);
  assert.deepEqual([...list.presets].sort(), ['get_available_equipment', 'get_equipment_statistics', 'get_my_equipment']);
  assert.deepEqual(catalog.listed.find((tool) => tool.name === 'request_equipment_sharing')!.presets, ['assign_equipment']);
  assert.deepEqual(catalog.listed.find((tool) => tool.name === 'list_equipment_sharings')!.aliases, ['get_equipment_sharing_requests']);
  assert.deepEqual([...catalog.listed.find((tool) => tool.name === 'review_equipment_sharing')!.presets].sort(), ['approve_equipment_sharing', 'refuse_equipment_sharing']);
  for (const [name, instead] of [['update_equipment_status', /has no status.*request_equipment_sharing/], ['unassign_equipment', /no unassign route.*delete_equipment_sharing/]] as const) {
    sandbox.clearRequests();
    const answer = await employee.call(name, { id: EQ.laptop });
    assert.equal(answer.error?.code, 'GMCP_ERR_TOOL_RETIRED', answer.text);
    assert.match(answer.text, instead);
    assert.equal(sandbox.requests.length, 0);
  }
});

test('list_equipment names who has each equipment when; the laptop is on loan to the demo employee, the others are free', async () => {
  sandbox.clearRequests();
  const all = await admin.call('get_equipment', {});
  assert.equal(all.isError, false, all.text);
  assert.deepEqual([...ids(all)].sort(), [EQ.laptop, EQ.car, EQ.projector].sort());
  assert.equal(all.structured!.total, 3);
  assertTextAgrees(all.text, all.structured!);
  assert.ok(all.text.includes(`MacBook Pro 16 (id ${EQ.laptop}) · Laptop · serial C02XL0001 · made 2023 · 2499 USD · shares up to 30 days · requests need approval · in use today · shared with ${nameOf(me())} (id ${me()}) ${day(-3)} to ${day(10)} (sharing ${EQ.approvedLoan})`), all.text);
  assert.ok(all.text.includes(`Epson projector (id ${EQ.projector}) · Projector · serial EPS-2201 · made 2021 · 650 EUR · shares up to 3 days · requests need approval · available today · 1 pending request`), all.text);
  const laptop = (all.structured!.items as Item[]).find((item) => item.id === EQ.laptop)!;
  assert.equal(laptop.availableToday, false);
  assert.deepEqual((laptop.approvedSharings as Item[])[0]!.employees, [{ id: me(), name: nameOf(me()) }]);
  // The refused request for the laptop is not a loan.
  assert.equal((laptop.approvedSharings as Item[]).length, 1);
  const asked = lastRequest('GET', '/api/equipment/pagination').query as { relations: string[] };
  assert.deepEqual(asked.relations, ['equipmentSharings', 'equipmentSharings.employees', 'equipmentSharings.employees.user', 'equipmentSharings.teams']);
  assert.equal((await admin.call('get_equipment_count', {})).structured!.total, 3);
});

test('search_equipment matches part of the name or type in Gauzy (LIKE on /pagination); invalid filters name the field', async () => {
  const found = await admin.call('search_equipment', { name: 'macbook' });
  assert.deepEqual(ids(found), [EQ.laptop]);
  assert.equal((lastRequest('GET', '/api/equipment/pagination').query.where as Item).name, 'macbook');
  assert.deepEqual(ids(await admin.call('list_equipment', { type: 'proj' })), [EQ.projector]);
  assert.equal((await admin.call('list_equipment', { name: 'nothing like it' })).text, 'No equipment found.');
  const bad = await admin.call('list_equipment', { employeeId: 'me', take: 500 });
  assert.deepEqual([...bad.error!.fields!].sort(), ['employeeId', 'take']);
});

test('get_my_equipment, get_equipment_by_employee and get_available_equipment are read with their sharings and filtered here, and say so', async () => {
  const mine = await employee.call('get_my_equipment', {});
  assert.equal(mine.isError, false, mine.text);
  assert.deepEqual(ids(mine), [EQ.laptop]);
  assert.match(mine.text, /Gauzy cannot filter equipment by its sharings, so 3 of 3 were read with their sharings and filtered here/);
  assertTextAgrees(mine.text, mine.structured!);
  // A refused request is not a loan; a pending one neither.
  assert.deepEqual(ids(await admin.call('get_equipment_by_employee', { employeeId: demo(1) })), []);
  assert.deepEqual(ids(await admin.call('get_equipment_by_employee', { employeeId: demo(0) })), []);
  const free = await admin.call('get_available_equipment', {});
  assert.deepEqual([...ids(free)].sort(), [EQ.car, EQ.projector].sort());
  assert.deepEqual(ids(await admin.call('list_equipment', { available: false })), [EQ.laptop]);
  assert.match((await admin.call('get_available_equipment', { available: false })).text, /available: get_available_equipment fixes it to true/);
});

test('get_equipment_by_id (list_equipment with id) answers one equipment with its sharings; an unknown id is a 404', async () => {
  const got = await admin.call('get_equipment_by_id', { id: EQ.car });
  assert.equal(got.isError, false, got.text);
  assert.equal(got.text, `Found equipment: Fiat Freemont (id ${EQ.car}) · Car · serial CB0950AT · made 2015 · 40000 USD · shares up to 7 days · requests auto-approved · available today`);
  assertTextAgrees(got.text, got.structured!);
  const missing = await admin.call('get_equipment_by_id', { id: MISSING });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
  assert.equal(missing.error!.status, 404);
  assert.deepEqual((await admin.call('get_equipment_by_id', { id: 'car-1' })).error!.fields, ['id']);
});

test('get_equipment_statistics (list_equipment with summary): per type, free and in use today, cost per currency, sharings per status', async () => {
  const stats = await employee.call('get_equipment_statistics', {});
  assert.equal(stats.isError, false, stats.text);
  const s = stats.structured!;
  assert.deepEqual([s.equipment, s.availableToday, s.inUseToday], [3, 2, 1]);
  assert.deepEqual(s.initialCostByCurrency, { USD: 42499, EUR: 650 });
  assert.deepEqual(s.sharingsByStatus, { REQUESTED: 1, APPROVED: 1, REFUSED: 1 });
  assert.deepEqual((s.byType as Item[]).find((entry) => entry.type === 'Laptop'), { type: 'Laptop', count: 1, availableToday: 0, inUseToday: 1 });
  assert.match(stats.text, new RegExp(`^Equipment on ${day(0)}: 3, 2 available today, 1 in use\\.`));
  assert.match(stats.text, /Purchase cost: 650 EUR, 42499 USD\./);
  assertTextAgrees(stats.text, s);
  const cars = await admin.call('get_equipment_statistics', { type: 'car' });
  assert.equal(cars.structured!.equipment, 1);
  assert.match(cars.text, /type containing "car"/);
  const mine = await employee.call('list_equipment', { summary: true, employeeId: me() });
  assert.deepEqual([mine.structured!.equipment, mine.structured!.inUseToday, (mine.structured!.filter as Item).employeeId], [1, 1, me()]);
  assertTextAgrees(mine.text, mine.structured!);
});

test('create_equipment saves Gauzy\'s required columns (autoApproveShare defaults to false); the currency is checked', async () => {
  const created = await admin.call('create_equipment', { name: 'Dell XPS 13', type: 'Laptop', serialNumber: 'DX13-77', currency: 'EUR', initialCost: 1400, maxSharePeriod: 14 });
  assert.equal(created.isError, false, created.text);
  const id = String(created.structured!.id);
  const row = sandbox.db.get('equipment', id)!;
  assert.deepEqual([row.name, row.type, row.serialNumber, row.currency, row.initialCost, row.maxSharePeriod, row.autoApproveShare, row.organizationId], ['Dell XPS 13', 'Laptop', 'DX13-77', 'EUR', 1400, 14, false, sandbox.seed.organizationId]);
  assert.equal(created.text, `Created equipment: Dell XPS 13 (id ${id}) · Laptop · serial DX13-77 · 1400 EUR · shares up to 14 days · requests need approval · available today`);
  assertTextAgrees(created.text, created.structured!);
  for (const [args, field] of [
    [{ name: 'x', type: 'Laptop', serialNumber: 'S', currency: 'DOLLARS' }, 'currency'],
    [{ name: 'x', type: 'Laptop', serialNumber: 'S', currency: 'ZZZ' }, 'currency'],
    [{ name: 'x', type: 'Laptop', currency: 'USD' }, 'serialNumber'],
    [{ name: 'x', type: 'Laptop', serialNumber: 'S', currency: 'USD', initialCost: -5 }, 'initialCost'],
  ] as const) {
    const bad = await admin.call('create_equipment', args);
    assert.ok(bad.error?.fields?.includes(field), `${field}: ${bad.text}`);
  }
  assert.equal((await admin.call('delete_equipment', { id })).isError, false);
});

test('update_equipment sends the whole DTO Gauzy validates (name and currency) and changes only what is given; 404 for an unknown id', async () => {
  sandbox.clearRequests();
  const updated = await admin.call('update_equipment', { id: EQ.car, maxSharePeriod: 5 });
  assert.equal(updated.isError, false, updated.text);
  const body = lastRequest('PUT', `/api/equipment/${EQ.car}`).body as Item;
  assert.deepEqual([body.name, body.currency, body.maxSharePeriod, 'autoApproveShare' in body], ['Fiat Freemont', 'USD', 5, false]);
  const row = sandbox.db.get('equipment', EQ.car)!;
  assert.deepEqual([row.maxSharePeriod, row.autoApproveShare, row.serialNumber], [5, true, 'CB0950AT']);
  assert.match(updated.text, /^Updated equipment: Fiat Freemont .* shares up to 5 days · requests auto-approved/);
  await admin.call('update_equipment', { id: EQ.car, maxSharePeriod: 7 });
  const missing = await admin.call('update_equipment', { id: MISSING, name: 'x' });
  assert.equal(missing.error?.status, 404, missing.text);
  assert.equal((await admin.call('update_equipment', { id: EQ.car })).error?.code, 'GMCP_ERR_INVALID_ARGUMENTS');
});

test('delete_equipment removes it and (Gauzy cascades) its sharings; an unknown id is a 404', async () => {
  const created = await admin.call('create_equipment', { name: 'Old drill', type: 'Tool', serialNumber: 'OD-1', currency: 'USD', autoApproveShare: true });
  const id = String(created.structured!.id);
  const shared = await admin.call('request_equipment_sharing', { equipmentId: id, shareStartDay: day(1), shareEndDay: day(2) });
  assert.equal(shared.structured!.status, 'APPROVED', shared.text);
  const deleted = await admin.call('delete_equipment', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('equipment', id), undefined);
  assert.equal(sharingRow(String(shared.structured!.id)), undefined);
  assert.equal((await admin.call('delete_equipment', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('list_equipment_sharings: by status (get_equipment_sharing_requests), equipment and employee, with names and days', async () => {
  const pending = await employee.call('get_equipment_sharing_requests', { status: 'REQUESTED' });
  assert.equal(pending.isError, false, pending.text);
  assert.deepEqual(ids(pending), [EQ.pendingRequest]);
  assert.equal(pending.text.split('\n')[1], `- Epson projector (id ${EQ.projector}) → ${nameOf(demo(0))} (id ${demo(0)}): ${day(7)} to ${day(8)}, 2 days [REQUESTED] (id ${EQ.pendingRequest}) · "Team workshop"`);
  assertTextAgrees(pending.text, pending.structured!);
  // Gauzy filters the status column: it is sent as its number.
  assert.equal(JSON.parse(String(lastRequest('GET', '/api/equipment-sharing').query.data)).findInput.status, 1);
  const laptop = await admin.call('list_equipment_sharings', { equipmentId: EQ.laptop });
  assert.deepEqual([...ids(laptop)].sort(), [EQ.approvedLoan, EQ.refusedRequest].sort());
  assert.ok(laptop.text.includes(`[APPROVED] (id ${EQ.approvedLoan}) · policy Default Approval Policy`), laptop.text);
  assert.deepEqual(ids(await admin.call('list_equipment_sharings', { employeeId: demo(1) })), [EQ.refusedRequest]);
  assert.deepEqual((await admin.call('list_equipment_sharings', { status: 'PENDING' })).error?.fields, ['status']);
});

test('request_equipment_sharing refuses what Gauzy\'s web app refuses: past days, days out of order, longer than maxSharePeriod, overlapping a loan', async () => {
  const before = sandbox.db.count('equipmentSharing');
  for (const [args, field, words] of [
    [{ equipmentId: EQ.projector, shareStartDay: day(-2), shareEndDay: day(-1) }, 'shareStartDay', /must not be before today/],
    [{ equipmentId: EQ.projector, shareStartDay: day(5), shareEndDay: day(4) }, 'shareEndDay', /must not be before shareStartDay/],
    [{ equipmentId: EQ.projector, shareStartDay: day(20), shareEndDay: day(25) }, 'shareEndDay', /at most 3 days; .* is 6/],
    [{ equipmentId: EQ.laptop, shareStartDay: day(5), shareEndDay: day(12) }, 'shareStartDay', new RegExp(`already shared then \\(approved sharing ${EQ.approvedLoan}`)],
  ] as const) {
    const refused = await employee.call('request_equipment_sharing', args);
    assert.deepEqual(refused.error?.fields, [field], refused.text);
    assert.match(refused.text, words);
  }
  const missing = await employee.call('request_equipment_sharing', { equipmentId: MISSING, shareStartDay: day(3), shareEndDay: day(3) });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  // Gauzy answers a foreign-key failure with its raw database error (no message): the answer says what fails that way.
  const stranger = await admin.call('request_equipment_sharing', { equipmentId: EQ.projector, employeeIds: [MISSING], shareStartDay: day(20), shareEndDay: day(20) });
  assert.equal(stranger.error?.status, 400, stranger.text);
  assert.deepEqual(stranger.error!.gauzyMessages, []);
  assert.match(String(stranger.error!.hint), /check employeeIds with list_employees/);
  assert.equal(sandbox.db.count('equipmentSharing'), before);
});

test('an employee requests equipment, cannot approve it, and an admin approves it: the same sharing, its employees and days kept', async () => {
  sandbox.clearRequests();
  const requested = await employee.call('request_equipment_sharing', { equipmentId: EQ.projector, shareStartDay: day(14), shareEndDay: day(15), name: 'Demo day' });
  assert.equal(requested.isError, false, requested.text);
  const id = String(requested.structured!.id);
  assert.equal(requested.text, `Requested: Epson projector (id ${EQ.projector}) → ${nameOf(me())} (id ${me()}): ${day(14)} to ${day(15)}, 2 days [REQUESTED] (id ${id}) · "Demo day"`);
  assertTextAgrees(requested.text, requested.structured!);
  assert.deepEqual([sharingRow(id)!.status, sharingRow(id)!.employeeIds, sharingRow(id)!.organizationId], [1, [me()], sandbox.seed.organizationId]);
  assert.equal(lastRequest('POST', `/api/equipment-sharing/organization/${sandbox.seed.organizationId}`).status, 202);
  assert.equal(sandbox.db.list('requestApproval').find((entry) => entry.requestId === id)?.status, 1, 'Gauzy files a RequestApproval beside it');

  const self = await employee.call('approve_equipment_sharing', { id });
  assert.equal(self.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', self.text);
  assert.match(self.text, /Forbidden resource/);
  assert.match(String(self.error!.hint), /ask an admin/);
  assert.equal(sharingRow(id)!.status, 1);

  const approved = await admin.call('approve_equipment_sharing', { id });
  assert.equal(approved.isError, false, approved.text);
  assert.equal(approved.text, `Approved (was REQUESTED): Epson projector (id ${EQ.projector}) → ${nameOf(me())} (id ${me()}): ${day(14)} to ${day(15)}, 2 days [APPROVED] (id ${id}) · "Demo day"`);
  assertTextAgrees(approved.text, approved.structured!);
  assert.deepEqual([sharingRow(id)!.status, sharingRow(id)!.employeeIds, sharingRow(id)!.equipmentId], [2, [me()], EQ.projector]);
  assert.equal(sandbox.db.list('requestApproval').find((entry) => entry.requestId === id)?.status, 2);
  // Not Gauzy's PUT /approval/:id, which wipes the sharing (see the next test).
  assert.equal(sandbox.requests.some((entry) => entry.path.startsWith('/api/equipment-sharing/approval/')), false);
  assert.equal((lastRequest('PUT', `/api/equipment-sharing/${id}`).body as Item).status, 2);
  const again = await admin.call('review_equipment_sharing', { id, decision: 'APPROVED' });
  assert.match(again.text, /^Already APPROVED, nothing changed/);
  assert.deepEqual(ids(await employee.call('get_my_equipment', {})).sort(), [EQ.laptop, EQ.projector].sort());
});

test('Gauzy\'s own PUT /api/equipment-sharing/approval/:id leaves a bare { status } in place of the sharing (why the tools do not use it)', async () => {
  const requested = await employee.call('request_equipment_sharing', { equipmentId: EQ.projector, shareStartDay: day(30), shareEndDay: day(30) });
  const id = String(requested.structured!.id);
  const login = await fetch(`${sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@ever.co', password: sandbox.seed.users.superAdmin.password }) });
  const { token } = (await login.json()) as { token: string };
  const answer = await fetch(`${sandbox.url}/api/equipment-sharing/approval/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'tenant-id': sandbox.seed.tenantId, 'content-type': 'application/json' }, body: '{}' });
  assert.equal(answer.status, 202);
  const saved = (await answer.json()) as Item;
  assert.deepEqual([saved.status, saved.equipmentId, saved.organizationId, saved.shareStartDay], [2, null, null, null]);
  assert.equal(sharingRow(id), undefined);
  sandbox.db.remove('equipmentSharing', String(saved.id));
});

test('the sandbox answers as the real Gauzy: a nameless sharing is saved and then refused (RequestApproval.name is NOT NULL); equipment without its NOT NULL columns fails with the driver error', async () => {
  const login = await fetch(`${sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@ever.co', password: sandbox.seed.users.superAdmin.password }) });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'tenant-id': sandbox.seed.tenantId, 'content-type': 'application/json' };
  const before = sandbox.db.count('equipmentSharing');
  const nameless = await fetch(`${sandbox.url}/api/equipment-sharing/organization/${sandbox.seed.organizationId}`, {
    method: 'POST', headers, body: JSON.stringify({ equipmentId: EQ.car, employees: [{ id: me() }], shareStartDay: day(80), shareEndDay: day(80), status: 1, tenantId: sandbox.seed.tenantId }),
  });
  assert.equal(nameless.status, 400);
  assert.equal(((await nameless.json()) as Item).code, 'SQLITE_CONSTRAINT_NOTNULL');
  assert.equal(sandbox.db.count('equipmentSharing'), before + 1, 'the sharing stays (no transaction)');
  for (const row of sandbox.db.list('equipmentSharing').filter((entry) => entry.shareStartDay === day(80))) sandbox.db.remove('equipmentSharing', row.id);
  const bare = await fetch(`${sandbox.url}/api/equipment`, { method: 'POST', headers, body: JSON.stringify({ name: 'Bare', currency: 'USD', organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId }) });
  assert.equal(bare.status, 400);
  assert.deepEqual([((await bare.json()) as Item).code], ['SQLITE_CONSTRAINT_NOTNULL']);
  const noCurrency = await fetch(`${sandbox.url}/api/equipment`, { method: 'POST', headers, body: JSON.stringify({ name: 'Bare', type: 'T', serialNumber: 'S', autoApproveShare: false, organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId }) });
  assert.equal(noCurrency.status, 400);
  assert.ok(((await noCurrency.json()) as { message: string[] }).message.includes('currency should not be empty'));
});

test('refuse_equipment_sharing refuses the pending request; approving one that overlaps a loan is refused with the loan named', async () => {
  const refused = await admin.call('refuse_equipment_sharing', { id: EQ.pendingRequest });
  assert.equal(refused.isError, false, refused.text);
  assert.match(refused.text, /^Refused \(was REQUESTED\): Epson projector .*\[REFUSED\]/);
  assert.equal(sharingRow(EQ.pendingRequest)!.status, 3);
  assert.deepEqual(sharingRow(EQ.pendingRequest)!.employeeIds, [demo(0)]);
  const overlap = await admin.call('approve_equipment_sharing', { id: EQ.refusedRequest });
  assert.deepEqual(overlap.error?.fields, ['shareStartDay'], overlap.text);
  assert.match(overlap.text, new RegExp(EQ.approvedLoan));
  assert.equal(sharingRow(EQ.refusedRequest)!.status, 3);
  assert.equal((await admin.call('review_equipment_sharing', { id: MISSING, decision: 'REFUSED' })).error?.status, 404);
  assert.deepEqual((await admin.call('review_equipment_sharing', { id: EQ.pendingRequest, decision: 'REQUESTED' })).error?.fields, ['decision']);
});

test('assign_equipment is request_equipment_sharing approved at once (admins); an auto-approving equipment is APPROVED on request', async () => {
  const assigned = await admin.call('assign_equipment', { equipmentId: EQ.projector, employeeIds: [demo(2)], shareStartDay: day(40), shareEndDay: day(41) });
  assert.equal(assigned.isError, false, assigned.text);
  assert.match(assigned.text, /^Shared and approved: Epson projector .*\[APPROVED\]/);
  assert.equal(sharingRow(String(assigned.structured!.id))!.status, 2);
  assert.equal(sandbox.db.list('requestApproval').find((entry) => entry.requestId === assigned.structured!.id)?.name, 'Request for Epson projector');
  const byEmployee = await employee.call('assign_equipment', { equipmentId: EQ.projector, shareStartDay: day(50), shareEndDay: day(50) });
  assert.equal(byEmployee.isError, false, byEmployee.text);
  assert.match(byEmployee.text, /^Requested, not approved \(.*ask an admin.*\): .*\[REQUESTED\]/);
  const car = await employee.call('request_equipment_sharing', { equipmentId: EQ.car, shareStartDay: day(3), shareEndDay: day(4) });
  assert.match(car.text, /^Shared \(the equipment auto-approves\): Fiat Freemont .*\[APPROVED\]/);
  assert.equal(sharingRow(String(car.structured!.id))!.status, 2);
});

test('delete_equipment_sharing removes a request (Gauzy checks no permission: an employee may); an unknown id is a 404', async () => {
  const requested = await employee.call('request_equipment_sharing', { equipmentId: EQ.projector, shareStartDay: day(60), shareEndDay: day(60) });
  const id = String(requested.structured!.id);
  const deleted = await employee.call('delete_equipment_sharing', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sharingRow(id), undefined);
  assert.equal((await admin.call('delete_equipment_sharing', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('role matrix: an employee reads equipment and every sharing, requests, and may change equipment (TenantPermissionGuard only), but not review', async () => {
  assert.equal((await employee.call('list_equipment', {})).structured!.total, 3);
  assert.ok(ids(await employee.call('list_equipment_sharings', {})).includes(EQ.refusedRequest), 'GET /api/equipment-sharing is not scoped to the employee');
  const created = await employee.call('create_equipment', { name: 'Employee drill', type: 'Tool', serialNumber: 'ED-1', currency: 'USD' });
  assert.equal(created.isError, false, created.text);
  assert.equal((await employee.call('delete_equipment', { id: String(created.structured!.id) })).isError, false);
  const refused = await employee.call('refuse_equipment_sharing', { id: EQ.approvedLoan });
  assert.equal(refused.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', refused.text);
  assert.equal(sharingRow(EQ.approvedLoan)!.status, 2);
});
