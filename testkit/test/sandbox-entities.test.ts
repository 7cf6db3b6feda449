import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineEntity, isGauzyMcpError, sandboxEntity, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { buildSandboxApp, sandboxRoutes } from '../src/index.js';
import { loginAs } from './helpers.js';

/*
 * createSandbox({ entities }): an entity described once (defineEntity) is served from its description:
 * its operations' routes, its DTO from its zod fields, its relations, its soft delete.
 */

const equipmentEntity = defineEntity({
  name: 'equipment',
  gauzyClass: 'Equipment',
  noun: 'equipment',
  plural: 'equipment',
  path: '/api/equipment',
  operations: ['findAll', 'findById', 'create', 'softDelete', 'recover'],
  // GET /api/equipment takes ?data={"findInput":…,"relations":…} (ParseJsonPipe).
  list: { query: 'data', paging: 'offset' },
  scope: 'organization',
  fields: {
    name: z.string().max(40),
    type: z.string(),
    serialNumber: z.string().optional(),
    manufacturedYear: z.number().int().min(1900).max(2100).optional(),
    currency: z.enum(['USD', 'EUR', 'BGN']).default('USD'),
    autoApproveShare: z.boolean().optional(),
    projectId: uuid().optional(),
    tagIds: z.array(uuid()).optional(),
  },
  softDelete: { recover: true },
  relations: {
    createdByUser: { kind: 'manyToOne', entity: 'user', key: 'createdByUserId' },
    tags: { kind: 'manyToMany', entity: 'tag', key: 'tagIds' },
    // The projects pack is not loaded here: its rows are joined as stored.
    project: { kind: 'manyToOne', entity: 'organizationProject', key: 'projectId' },
  },
});

const bad = (message: string[]) => ({ message, error: 'Bad Request', statusCode: 400 });

async function equipmentSandbox() {
  const s = await buildSandboxApp({ seed: 'demo', entities: [equipmentEntity] });
  const { headers } = await loginAs(s, 'superAdmin');
  const post = (payload: Record<string, unknown>) => s.app.inject({ method: 'POST', url: '/api/equipment', headers, payload: { organizationId: s.seed.organizationId, ...payload } });
  return { s, headers, post };
}

test('a bare entity is served from its description: create, findById, findAll (style B), with a DTO derived from its zod fields', async () => {
  const { s, headers, post } = await equipmentSandbox();
  const created = await post({ name: 'Drill', type: 'Power tool', manufacturedYear: 2020, junk: 'stripped' });
  assert.equal(created.statusCode, 201, created.body);
  const drill = created.json();
  assert.equal(drill.name, 'Drill');
  assert.equal(drill.serialNumber, null, 'a field the body left out is a null column');
  assert.equal(drill.junk, undefined, 'whitelist: true strips keys the DTO does not declare');
  assert.equal(drill.tagIds, undefined, 'a manyToMany id list is the sandbox\'s bookkeeping, never emitted');
  assert.equal(s.db.get('equipment', drill.id)?.organizationId, s.seed.organizationId);

  const found = await s.app.inject({ method: 'GET', url: `/api/equipment/${drill.id}?relations[]=createdByUser`, headers });
  assert.equal(found.statusCode, 200);
  assert.equal(found.json().createdByUser.email, 'admin@ever.co');
  const foundB = await s.app.inject({ method: 'GET', url: `/api/equipment/${drill.id}?data=${encodeURIComponent(JSON.stringify({ relations: ['createdByUser'] }))}`, headers });
  assert.equal(foundB.json().createdByUser.id, s.seed.users.superAdmin.id, 'style B: relations in ?data=');

  const data = encodeURIComponent(JSON.stringify({ findInput: { organizationId: s.seed.organizationId, type: 'Power tool' }, relations: ['tags'] }));
  const listed = await s.app.inject({ method: 'GET', url: `/api/equipment?data=${data}`, headers });
  assert.equal(listed.statusCode, 200, listed.body);
  assert.deepEqual(listed.json().items.map((item: { id: string; tags: unknown[] }) => [item.id, item.tags]), [[drill.id, []]]);
  assert.equal(listed.json().total, 1);
});

test('the derived DTO answers in class-validator\'s words: IsNotEmpty for a required field, IsEnum, MaxLength, Min/Max, the type checks', async () => {
  const { s, post } = await equipmentSandbox();
  const before = s.db.list('equipment').length;
  // A zod string is IsString + IsNotEmpty: a missing one fails both, as class-validator words them.
  assert.deepEqual((await post({ type: 'Power tool' })).json(), bad(['name must be a string', 'name should not be empty']));
  // `currency` has a zod default, so a caller may leave it out; a wrong value fails IsEnum alone.
  const wrongEnum = await post({ name: 'Saw', type: 'Hand tool', currency: 'GBP' });
  assert.equal(wrongEnum.statusCode, 400);
  assert.deepEqual(wrongEnum.json(), bad(['currency must be one of the following values: USD, EUR, BGN']));
  assert.deepEqual((await post({ name: 'x'.repeat(41), type: 'Hand tool' })).json(), bad(['name must be shorter than or equal to 40 characters']));
  assert.deepEqual((await post({ name: 'Old saw', type: 'Hand tool', manufacturedYear: 1800 })).json(), bad(['manufacturedYear must not be less than 1900']));
  assert.deepEqual((await post({ name: 'Saw', type: 'Hand tool', autoApproveShare: 'yes', projectId: 'nope' })).json(), bad(['autoApproveShare must be a boolean value', 'projectId must be a UUID']));
  assert.deepEqual((await s.app.inject({ method: 'POST', url: '/api/equipment', headers: (await loginAs(s, 'superAdmin')).headers, payload: { name: 'Saw', type: 'Hand tool' } })).json(),
    bad(['organization must be an object', 'organizationId must be a UUID']), 'an organization\'s entity takes TenantOrganizationBaseDTO');
  assert.equal(s.db.list('equipment').length, before, 'nothing stored');
});

test('softDelete.recover: true is the withDeleted service behaviour: archived rows are restored, failures are 400s', async () => {
  const { s, headers, post } = await equipmentSandbox();
  const org = s.seed.organizationId;
  const id = (await post({ name: 'Drill', type: 'Power tool' })).json().id as string;
  assert.equal((await s.app.inject({ method: 'DELETE', url: `/api/equipment/${id}/soft?organizationId=${org}`, headers })).statusCode, 202);
  assert.equal((await s.app.inject({ method: 'GET', url: `/api/equipment/${id}`, headers })).statusCode, 404);
  assert.equal((await s.app.inject({ method: 'PUT', url: `/api/equipment/${id}/recover`, headers, payload: {} })).statusCode, 400);
  const restored = await s.app.inject({ method: 'PUT', url: `/api/equipment/${id}/recover`, headers, payload: { organizationId: org } });
  assert.equal(restored.statusCode, 202, restored.body);
  assert.equal(restored.json().deletedAt, null);
  const missing = await s.app.inject({ method: 'PUT', url: '/api/equipment/00000000-0000-4000-8000-000000000000/recover', headers, payload: { organizationId: org } });
  assert.deepEqual(missing.json(), { statusCode: 400, message: 'An error occurred during restoring entity: The requested record was not found', error: 'Bad Request' });
});

test('a relation to a table whose entity is not loaded joins its rows as stored; a relation the entity does not declare is refused as Gauzy refuses it', async () => {
  const { s, headers, post } = await equipmentSandbox();
  const project = s.db.list('organizationProject').find((row) => row.tenantId === s.seed.tenantId)!;
  const id = (await post({ name: 'Drill', type: 'Power tool', projectId: project.id })).json().id as string;
  const joined = await s.app.inject({ method: 'GET', url: `/api/equipment/${id}?relations[]=project`, headers });
  assert.equal(joined.statusCode, 200, joined.body);
  assert.deepEqual(joined.json().project, project, 'the stored row: no column defaults, virtuals or hidden columns of a model the sandbox lacks');
  assert.equal('taskListType' in project, false, 'the seed inserted the project raw: the projects pack\'s defaults are not there');

  const unknown = await s.app.inject({ method: 'GET', url: `/api/equipment/${id}?relations[]=owner`, headers });
  assert.equal(unknown.statusCode, 200);
  assert.deepEqual(unknown.json(), { message: 'Property "owner" was not found in "Equipment". Make sure your query is correct.' });
  const beyond = await s.app.inject({ method: 'GET', url: `/api/equipment/${id}?relations[]=project.members`, headers });
  assert.equal(beyond.statusCode, 500);
  assert.match(beyond.json().message, /not given the organizationProject entity/);
});

test('two sandboxes with different entities coexist: each serves and models only what it was given', async () => {
  const withEquipment = await buildSandboxApp({ seed: 'demo', entities: [equipmentEntity] });
  const hooked = sandboxEntity(defineEntity({ ...equipmentEntity, fields: { name: z.string() }, relations: {}, include: [] }), { defaults: () => ({ name: null, condition: 'new' }) });
  const other = await buildSandboxApp({ seed: 'demo', entities: [hooked] });
  const plain = await buildSandboxApp({ seed: 'demo' });
  const admin = async (s: typeof plain) => (await loginAs(s, 'superAdmin')).headers;
  const payload = (s: typeof plain) => ({ name: 'Drill', type: 'Power tool', organizationId: s.seed.organizationId });

  const one = await withEquipment.app.inject({ method: 'POST', url: '/api/equipment', headers: await admin(withEquipment), payload: payload(withEquipment) });
  const two = await other.app.inject({ method: 'POST', url: '/api/equipment', headers: await admin(other), payload: payload(other) });
  assert.equal(one.json().type, 'Power tool');
  assert.equal(one.json().condition, undefined);
  assert.equal(two.json().type, undefined, 'the other entity\'s DTO has no type: stripped');
  assert.equal(two.json().condition, 'new', 'its hooks\' defaults');
  const refused = await plain.app.inject({ method: 'POST', url: '/api/equipment', headers: await admin(plain), payload: payload(plain) });
  assert.deepEqual([refused.statusCode, refused.json().message], [404, 'Cannot POST /api/equipment']);
  assert.equal(withEquipment.db.list('equipment').length, 1);
  assert.equal(other.db.list('equipment').length, 1);

  assert.ok(sandboxRoutes({ entities: [equipmentEntity] }).some((route) => route.method === 'PUT' && route.path === '/api/equipment/:id/recover'));
  assert.ok(!sandboxRoutes().some((route) => route.path.startsWith('/api/equipment')));
});

test('an entity naming an operation Gauzy does not serve is refused by defineEntity, so no sandbox can serve an invented route', () => {
  assert.throws(
    () => defineEntity({ ...equipmentEntity, path: '/api/organization-team-employee', operations: ['findAll'] }),
    (error: unknown) => isGauzyMcpError(error) && error.code === 'GMCP_ERR_PLUGIN_INVALID' && /GET \/api\/organization-team-employee/.test(error.message),
  );
});

test('a pack\'s model of a platform entity keeps the platform hooks it does not restate (the employee\'s fullName)', async () => {
  const richerEmployee = defineEntity({
    name: 'employee', gauzyClass: 'Employee', noun: 'employee', plural: 'employees', path: '/api/employee',
    operations: ['findAll', 'findById'], scope: 'organization', fields: { short_description: z.string().optional() },
  });
  const built = await buildSandboxApp({ entities: [sandboxEntity(richerEmployee, { hidden: ['isVetted'] })] });
  try {
    const { headers } = await loginAs(built, 'superAdmin');
    const { employeeId } = built.seed.users.employee;
    const answer = await built.app.inject({ method: 'GET', url: `/api/employee/${employeeId}`, headers });
    assert.equal(answer.statusCode, 200, answer.body);
    const employee = answer.json() as Record<string, unknown>;
    assert.equal(employee.fullName, 'Default Employee', 'the platform virtuals still apply');
    assert.equal(employee.payPeriod, 'TWICE_PER_MONTH', 'the platform column defaults still apply');
    assert.ok(!('isVetted' in employee), 'the pack\'s own hook applies');
  } finally {
    await built.app.close();
  }
});
