import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assertRelationsResolve, assertTextAgrees, packCatalog, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import { contactEntity, describeContact } from '../src/entities.js';
import contactsPlugin from '../src/index.js';
import { contactsSandbox } from '../src/sandbox.js';
import { projectsAsRead } from './helpers.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's contacts (testkit/src/seeds/contacts.ts). */
const EVER = '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21';
const ACME = '3d6f8b21-5c4e-4a7f-8b2c-8e9d0f1a2b32';
const BRIGHT = '4e7a9c32-6d5f-4b8a-9c3d-9f0e1a2b3c43';

usePackHarness({ plugin: contactsPlugin, sandboxEntities: [...contactsSandbox, projectsAsRead] }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
const row = (id: string) => sandbox.db.get('organizationContact', id)!;
const nameOf = (employeeId: string) => {
  const user = sandbox.db.get('user', String(sandbox.db.get('employee', employeeId)!.userId))!;
  return `${String(user.firstName)} ${String(user.lastName)}`;
};
/** The text with the demo phone numbers taken out: assertTextAgrees reads their digits as figures, which the structure has as a string. */
const withoutPhones = (text: string) => text.replace(/phone [+\d ]+\d/g, 'phone');

async function newClient(name: string, extra: Item = {}): Promise<string> {
  const created = await admin.call('create_client', { name, ...extra });
  assert.equal(created.isError, false, created.text);
  return String(created.structured!.id);
}

test('every reference tool of organization-contact is callable by its exact name: listed, an alias, or retired with a reason', async () => {
  const names = readFileSync(new URL('../../../testkit/data/gauzy-mcp-tools.tsv', import.meta.url), 'utf8')
    .split('\n').map((line) => line.split('\t')).filter((cells) => cells[0] === 'organization-contact').map((cells) => cells[1]!);
  assert.equal(names.length, 17);
  const catalog = packCatalog([contactsPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  const listed = new Set((await admin.listAllTools()).map((tool) => tool.name));
  for (const name of ['bulk_create_organization_contacts', 'bulk_update_organization_contacts', 'bulk_delete_organization_contacts']) {
    assert.equal(catalog.callable(name), 'bulk');
    assert.ok(!listed.has(name), `${name} is not listed`);
  }
  for (const name of ['get_contact_projects']) {
    assert.ok(!listed.has(name), `${name} is not listed`);
    sandbox.clearRequests();
    const answer = await admin.call(name, {});
    assert.equal(answer.error?.code, 'GMCP_ERR_TOOL_RETIRED', answer.text);
    assert.match(answer.text, /Gauzy has no .*route/);
    assert.equal(sandbox.requests.length, 0);
  }
  assert.match((await admin.call('get_contact_projects', {})).text, /list_projects with organizationContactId/);
  // Gauzy has no bulk route: the bulk names run the one-contact tools, each contact reported, a bad one failing alone.
  const before = sandbox.db.count('organizationContact');
  const created = await admin.call('bulk_create_organization_contacts', { contacts: [{ name: 'Bulk Client One' }, { name: '' }, { name: 'Bulk Client Two', contactType: 'LEAD' }] });
  assert.deepEqual([created.structured!.succeeded, created.structured!.failed], [2, 1], created.text);
  assert.equal(sandbox.db.count('organizationContact'), before + 2);
  const made = (created.structured!.results as Array<{ ok: boolean; id?: string }>).filter((outcome) => outcome.ok).map((outcome) => outcome.id!);
  const renamed = await admin.call('bulk_update_organization_contacts', { contacts: [{ id: made[0], name: 'Bulk Client Renamed' }] });
  assert.equal(renamed.structured!.succeeded, 1, renamed.text);
  assert.equal(sandbox.db.get('organizationContact', made[0]!)!.name, 'Bulk Client Renamed');
  const removed = await admin.call('bulk_delete_organization_contacts', { ids: made });
  assert.equal(removed.structured!.succeeded, 2, removed.text);
  assert.equal(sandbox.db.count('organizationContact'), before);
  assert.deepEqual([...listed].sort(), [
    'assign_client_to_employee', 'create_client', 'delete_client', 'get_client_by_id', 'get_client_count', 'invite_client', 'list_clients',
    'unassign_client_from_employee', 'update_client',
  ]);
});

test('list_clients finds by part of the name in any case through Gauzy\'s /pagination LIKE, names members and projects; the old names are aliases', async () => {
  sandbox.clearRequests();
  const found = await admin.call('list_clients', { name: 'TECHNO' });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(ids(found), [EVER]);
  const request = sandbox.requests.find((entry) => entry.path === '/api/organization-contact/pagination')!;
  assert.equal((request.query.where as Item).name, 'TECHNO', 'Gauzy filters it');
  const [superAdmin, demoEmployee] = [sandbox.seed.users.superAdmin.employeeId, sandbox.seed.users.employee.employeeId];
  assert.match(found.text, /^1 of 1 clients:\n- Ever Technologies \[CLIENT\] \(id 2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21\) · office@ever-tech\.example · phone \+359 2 555 0101 · budget 25000 · /);
  assert.ok(found.text.includes(`members ${nameOf(superAdmin)} (id ${superAdmin}), ${nameOf(demoEmployee)} (id ${demoEmployee})`), found.text);
  assert.ok(found.text.includes('projects Gauzy Website'), found.text);
  assertTextAgrees(withoutPhones(found.text), found.structured!);
  const item = (found.structured!.items as Item[])[0]!;
  assert.equal(item.primaryPhone, '+359 2 555 0101');
  // Joined for the line, and cut to what it names.
  assert.deepEqual(item.members, [{ id: superAdmin, name: nameOf(superAdmin) }, { id: demoEmployee, name: nameOf(demoEmployee) }]);
  for (const alias of ['get_organization_contacts', 'get_organization_contacts_pagination']) assert.deepEqual(ids(await admin.call(alias, { name: 'techno' })), [EVER]);
});

test('list_clients filters by type and by an assigned employee (where[members]); get_organization_contacts_by_employee is that filter', async () => {
  const leads = await admin.call('list_clients', { contactType: 'LEAD', take: 100 });
  assert.ok(ids(leads).includes(BRIGHT));
  assert.ok((leads.structured!.items as Item[]).every((item) => item.contactType === 'LEAD'));
  assert.match(leads.text, /Bright Horizons \[LEAD\] \(id [^)]+\) · no members · no projects/);
  const employeeId = sandbox.seed.users.employee.employeeId;
  sandbox.clearRequests();
  const theirs = await admin.call('get_organization_contacts_by_employee', { employeeId, take: 100 });
  assert.equal(theirs.isError, false, theirs.text);
  const expected = sandbox.db.list('organizationContact').filter((contact) => contact.organizationId === sandbox.seed.organizationId && (contact.memberIds as string[]).includes(employeeId));
  assert.deepEqual(ids(theirs).sort(), expected.map((contact) => contact.id).sort());
  assert.deepEqual((sandbox.requests.at(-1)!.query.where as Item).members, [employeeId]);
  // Gauzy's join condition leaves only that employee among the joined members, and the answer says so.
  const ever = (theirs.structured!.items as Item[]).find((item) => item.id === EVER)!;
  assert.deepEqual((ever.members as Item[]).map((member) => member.id), [employeeId]);
  assert.match(String(theirs.structured!.note), /names only that employee among the members/);
  assert.ok(theirs.text.endsWith('(get_client_by_id has them all).'), theirs.text);
  const bad = await admin.call('list_clients', { contactType: 'client', search: 'x' });
  assert.equal(bad.isError, true);
  assert.ok(bad.error!.fields!.includes('contactType'), bad.text);
  assert.match(bad.text, /search/);
});

test('list_clients: a number-like name Gauzy would read as a boolean is filtered here, and the answer says so', async () => {
  const id = await newClient('Studio 2046');
  const answer = await admin.call('list_clients', { name: '2046' });
  assert.equal(answer.isError, false, answer.text);
  assert.deepEqual(ids(answer), [id]);
  assert.match(String(answer.structured!.note), /filtered here/);
});

test('get_client_by_id joins the assigned employees and projects through ?data= (the route ignores relations[]); 404 for an unknown id', async () => {
  sandbox.clearRequests();
  const got = await admin.call('get_client_by_id', { id: EVER });
  assert.equal(got.isError, false, got.text);
  assert.deepEqual(JSON.parse(String(sandbox.requests.at(-1)!.query.data)), { relations: ['members', 'members.user', 'projects'] });
  assert.match(got.text, /^Found client: Ever Technologies \[CLIENT\] \(id 2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21\)/);
  assert.ok(got.text.includes('projects Gauzy Website'), got.text);
  assertTextAgrees(withoutPhones(got.text), got.structured!);
  const asked = await admin.call('get_organization_contact', { id: EVER, relations: ['members', 'members.user'] });
  assert.equal(((asked.structured!.members as Item[])[0]!.user as Item).email, 'admin@ever.co', 'the relations asked for come whole');
  assert.equal(asked.structured!.projects, undefined);
  const missing = await admin.call('get_client_by_id', { id: MISSING });
  assert.equal(missing.error!.status, 404);
  assert.deepEqual(missing.error!.gauzyMessages, ['The requested record was not found']);
  assert.deepEqual((await admin.call('get_client_by_id', { id: 'acme' })).error!.fields, ['id']);
});

test('get_client_count answers the total and each type, in text and structure; with a type, that count', async () => {
  const inOrg = sandbox.db.list('organizationContact').filter((contact) => contact.organizationId === sandbox.seed.organizationId && !contact.deletedAt);
  const count = await admin.call('get_client_count', {});
  assert.equal(count.isError, false, count.text);
  const byType = Object.fromEntries(['CLIENT', 'CUSTOMER', 'LEAD'].map((type) => [type, inOrg.filter((contact) => contact.contactType === type).length]));
  assert.deepEqual(count.structured, { count: inOrg.length, byType });
  assert.ok(count.text.startsWith(`${inOrg.length} contacts: ${byType.CLIENT} client`), count.text);
  assertTextAgrees(count.text, count.structured!);
  const leads = await admin.call('get_organization_contact_statistics', { contactType: 'LEAD' });
  assert.deepEqual(leads.structured, { count: byType.LEAD, contactType: 'LEAD' });
  const refused = await admin.call('get_organization_contact_statistics', { startDate: '2026-01-01' });
  assert.equal(refused.error!.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  assert.match(refused.text, /contactType/);
});

test('create_client stores the contact with Gauzy\'s enums and its assigned employees; a malformed email is refused before Gauzy', async () => {
  const employeeId = sandbox.seed.users.employee.employeeId;
  const id = await newClient('Northwind Traders', { contactType: 'CUSTOMER', primaryEmail: 'sales@northwind.example', budget: 1200, budgetType: 'hours', memberIds: [employeeId] });
  const stored = row(id);
  assert.equal(stored.name, 'Northwind Traders');
  assert.equal(stored.contactType, 'CUSTOMER');
  assert.equal(stored.budgetType, 'hours');
  assert.deepEqual(stored.memberIds, [employeeId]);
  assert.equal(stored.organizationId, sandbox.seed.organizationId);
  const body = sandbox.requests.filter((entry) => entry.method === 'POST' && entry.path === '/api/organization-contact').at(-1)!.body as Item;
  assert.deepEqual(body.members, [{ id: employeeId }]);
  sandbox.clearRequests();
  const bad = await admin.call('create_organization_contact', { name: 'x', primaryEmail: 'not-an-email', contactType: 'VENDOR' });
  assert.deepEqual([...bad.error!.fields!].sort(), ['contactType', 'primaryEmail']);
  assert.equal(sandbox.requests.length, 0);
  assert.deepEqual((await admin.call('create_client', { name: '  ' })).error!.fields, ['name']);
});

test('update_client changes only the given fields, sends the name Gauzy requires, and memberIds replaces who is assigned', async () => {
  const [first, second] = [sandbox.seed.users.employee.employeeId, sandbox.seed.users.localAdmin.employeeId];
  const id = await newClient('Contoso', { primaryEmail: 'it@contoso.example', memberIds: [first] });
  sandbox.clearRequests();
  const updated = await admin.call('update_organization_contact', { id, budget: 900 });
  assert.equal(updated.isError, false, updated.text);
  const put = sandbox.requests.find((entry) => entry.method === 'PUT')!;
  assert.equal((put.body as Item).name, 'Contoso', 'the whole DTO: name carried over');
  assert.equal((put.body as Item).members, undefined, 'members untouched unless memberIds is given');
  assert.equal(row(id).budget, 900);
  assert.equal(row(id).primaryEmail, 'it@contoso.example');
  assert.deepEqual(row(id).memberIds, [first]);
  await admin.call('update_client', { id, memberIds: [second] });
  assert.deepEqual(row(id).memberIds, [second]);
  assert.equal((await admin.call('update_client', { id })).error!.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  // Gauzy's PUT saves under any id (it would create a contact "MISSING"): the tool reads first, so nothing is sent.
  sandbox.clearRequests();
  assert.equal((await admin.call('update_client', { id: MISSING, budget: 1 })).error!.status, 404);
  assert.deepEqual(sandbox.requests.map((entry) => entry.method), ['GET']);
  assert.equal(sandbox.db.get('organizationContact', MISSING), undefined);
});

test('delete_client removes the contact; its project stays without a client; an unknown id is not found', async () => {
  const id = await newClient('Delete me');
  const project = sandbox.db.list('organizationProject').find((entry) => entry.organizationId === sandbox.seed.organizationId)!;
  project.organizationContactId = id;
  const deleted = await admin.call('delete_client', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('organizationContact', id), undefined);
  assert.equal(project.organizationContactId, null);
  const again = await admin.call('delete_organization_contact', { id });
  assert.equal(again.error!.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('assign_client_to_employee and unassign_client_from_employee change the members through PUT /employee and name the employee', async () => {
  const id = await newClient('Fabrikam');
  const employeeId = sandbox.seed.users.employee.employeeId;
  const assigned = await admin.call('assign_contact_to_employee', { clientId: id, employeeId });
  assert.equal(assigned.isError, false, assigned.text);
  assert.deepEqual(row(id).memberIds, [employeeId]);
  assert.equal(assigned.text, `${nameOf(employeeId)} (id ${employeeId}) is now assigned to Fabrikam (id ${id}); its members: ${nameOf(employeeId)} (id ${employeeId}).`);
  assertTextAgrees(assigned.text, assigned.structured!);
  const put = sandbox.requests.filter((entry) => entry.path === '/api/organization-contact/employee').at(-1)!;
  assert.deepEqual(put.body, { addedEntityIds: [id], removedEntityIds: [], member: { id: employeeId }, organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId });
  assert.match((await admin.call('assign_client_to_employee', { clientId: id, employeeId })).text, /was already assigned/);
  const removed = await admin.call('unassign_contact_from_employee', { clientId: id, employeeId });
  assert.equal(removed.isError, false, removed.text);
  assert.deepEqual(row(id).memberIds, []);
  assert.match(removed.text, /is no longer assigned to Fabrikam .*its members: none\.$/);
  assert.equal((await admin.call('assign_client_to_employee', { clientId: MISSING, employeeId })).error!.status, 404);
  const unknown = await admin.call('assign_client_to_employee', { clientId: id, employeeId: MISSING });
  assert.deepEqual([unknown.error!.status, unknown.error!.gauzyMessages], [400, ['SqliteError: FOREIGN KEY constraint failed']]);
  assert.match(String(unknown.error!.hint), /list_employees/);
  assert.deepEqual((await admin.call('assign_client_to_employee', { contactId: id, employeeId })).error!.fields?.includes('clientId'), true);
});

test('invite_client sends Gauzy\'s invite and the contact becomes INVITED; without an email, Gauzy\'s refusal says what to do', async () => {
  const id = await newClient('Tailspin Toys', { primaryEmail: 'owner@tailspin.example' });
  const invited = await admin.call('invite_organization_contact', { clientId: id });
  assert.equal(invited.isError, false, invited.text);
  assert.equal(row(id).inviteStatus, 'INVITED');
  assert.match(invited.text, /^Invited Tailspin Toys \[CLIENT\] .*invite INVITED/);
  const bare = await newClient('No Mail Inc');
  const refused = await admin.call('invite_client', { clientId: bare });
  assert.equal(refused.isError, true);
  assert.match(refused.text, /does not have a primary email address/);
  assert.match(String(refused.error!.hint), /update_client/);
  // Gauzy answers its refusals as 500s: reported as a rejection with Gauzy's sentence, not as Gauzy being down.
  assert.deepEqual([refused.error!.code, refused.error!.status], ['GMCP_ERR_GAUZY_CONFLICT', 500]);
  const user = await newClient('Already A User', { primaryEmail: 'employee@ever.co' });
  const taken = await admin.call('invite_client', { clientId: user });
  assert.deepEqual(taken.error!.gauzyMessages, ['Contact email already exists in the account as a user']);
  assert.match(String(taken.error!.hint), /already belongs to a Gauzy user/);
  assert.notEqual(row(bare).inviteStatus, 'INVITED');
});

test('the role matrix: the employee reads clients, invites and (Gauzy has no permission on DELETE) deletes them; Gauzy refuses them creating, changing or assigning (403)', async () => {
  const list = await employee.call('list_clients', { take: 100 });
  assert.equal(list.isError, false, list.text);
  assert.ok(ids(list).includes(ACME));
  assert.equal((await employee.call('get_client_by_id', { id: ACME })).isError, false);
  assert.equal((await employee.call('get_client_count', {})).isError, false);
  const before = sandbox.db.count('organizationContact');
  for (const [tool, args] of [
    ['create_client', { name: 'Not allowed' }],
    ['update_client', { id: ACME, budget: 1 }],
    ['assign_client_to_employee', { clientId: ACME, employeeId: sandbox.seed.users.employee.employeeId }],
    ['unassign_client_from_employee', { clientId: ACME, employeeId: sandbox.seed.demoEmployees[0]!.employeeId }],
  ] as const) {
    const refused = await employee.call(tool, args);
    assert.equal(refused.error?.status, 403, `${tool}: ${refused.text}`);
    assert.deepEqual(refused.error!.gauzyMessages, ['Forbidden resource']);
  }
  assert.equal(sandbox.db.count('organizationContact'), before);
  assert.equal(row(ACME).budget, 400);
  assert.deepEqual(row(ACME).memberIds, [sandbox.seed.demoEmployees[0]!.employeeId]);
  const id = await newClient('Invited by an employee', { primaryEmail: 'someone@invited.example' });
  assert.equal((await employee.call('invite_client', { clientId: id })).isError, false, 'ORG_INVITE_EDIT is an employee permission');
  // DELETE /api/organization-contact/:id has TenantPermissionGuard only (checked on the real Gauzy: the employee's delete answers affected 1).
  assert.equal((await employee.call('delete_client', { id })).isError, false);
  assert.equal(sandbox.db.get('organizationContact', id), undefined);
});

test('every relation the pack offers is one Gauzy has: each comes back on the record from list_clients and get_client_by_id', async () => {
  await assertRelationsResolve(admin, contactEntity.include, { list: ['list_clients'], get: 'get_client_by_id', id: EVER });
});

// Seen on the real Gauzy: get_client_by_id with relations ['members'] joins employees without their users, and an
// employee's fullName comes from its user, so the line said "no members" for a client with seven.
test('a member joined without its user is named by id, not left out', () => {
  const line = describeContact({ id: EVER, name: 'Ever Technologies', contactType: 'CLIENT', members: [{ id: MISSING }, { id: ACME, fullName: 'Ann Lee' }] });
  assert.equal(line, `Ever Technologies [CLIENT] (id ${EVER}) · members employee ${MISSING}, Ann Lee (id ${ACME})`);
});
