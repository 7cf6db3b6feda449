import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataQuery, encodeQuery, fillRoute } from '../src/gauzy/query.js';

test('style A encodes where, relations and order in bracket notation', () => {
  const query = encodeQuery({ where: { organizationId: 'o-1', tenantId: 't-1' }, relations: ['project', 'members'], order: { createdAt: 'DESC' }, take: 5, skip: 0 });
  assert.equal(query, 'where[organizationId]=o-1&where[tenantId]=t-1&relations[0]=project&relations[1]=members&order[createdAt]=DESC&take=5&skip=0');
});

test('style B sends one data parameter holding JSON', () => {
  const query = encodeQuery(dataQuery({ findInput: { organizationId: 'o' }, relations: ['user'] }));
  assert.equal(decodeURIComponent(query), 'data={"findInput":{"organizationId":"o"},"relations":["user"]}');
});

test('style C flattens arrays and drops undefined values', () => {
  assert.equal(encodeQuery({ organizationId: 'o', employeeIds: ['a', 'b'], projectIds: undefined, startDate: new Date('2026-01-02T00:00:00Z') }), 'organizationId=o&employeeIds[0]=a&employeeIds[1]=b&startDate=2026-01-02T00%3A00%3A00.000Z');
});

test('values are URI-encoded, keys keep their brackets', () => {
  assert.equal(encodeQuery({ where: { name: 'R&D / 50%' } }), 'where[name]=R%26D%20%2F%2050%25');
});

test('route parameters are filled and encoded so an id cannot change the path', () => {
  assert.equal(fillRoute('/api/tasks/:id', { id: '../user' }), '/api/tasks/..%2Fuser');
  assert.throws(() => fillRoute('/api/tasks/:id', {}), /Missing path parameter "id"/);
});
