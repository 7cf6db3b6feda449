import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { conformanceChecks, derivedTools, openConformanceHarness, type ConformanceHarness, type CrudConformanceOptions } from '@gauzy-mcp/testkit';
import { employeeEntity } from '../src/entities.js';
import employeesPlugin from '../src/index.js';
import { employeesSandbox } from '../src/sandbox.js';

/*
 * The employee's standard tools, checked by the suite derived from the entity, except where Gauzy answers the
 * employee differently from the generic CRUD the suite assumes (each covered in employees.test.ts instead):
 *  - list_employees as the EMPLOYEE role: Gauzy refuses GET /api/employee (ORG_EMPLOYEES_VIEW), and the tool
 *    answers from the member list (ORG_MEMBERS_VIEW) instead of passing the 403 on;
 *  - get_employee_by_id as the EMPLOYEE role: GET /api/employee/:id answers the caller's own record for any id,
 *    which the tool refuses with a 403 and a hint;
 *  - archive then get: EmployeeController.findById reads withDeleted, so an archived employee is still found
 *    (marked archived); the archive check runs without the get tool, over the list and restore;
 *  - the include check: list_employees offers no `relations` (it joins the person and the job itself, and its
 *    catalog entry is kept small), and the suite calls every list with `relations` even when it offers none.
 */
const options: CrudConformanceOptions = {
  entity: employeeEntity,
  plugin: employeesPlugin,
  sandboxEntities: employeesSandbox,
  sample: {
    // The userId path of CreateEmployeeDTO: an existing user (the email path creates a user, whose columns are not the employee's).
    create: (seed) => ({ userId: seed.users.localAdmin.id, startedWorkOn: '2024-02-01T00:00:00.000Z', short_description: 'Conformance hire' }),
    update: { billRateValue: 45, payPeriod: 'WEEKLY' },
  },
};

const GAUZY_DIFFERS = [/^list_employees as the employee/, /^get_employee_by_id as the employee/, /^archive_employee hides/, /^every include path/];
const checks = conformanceChecks(options).filter((check) => !GAUZY_DIFFERS.some((pattern) => pattern.test(check.name)));
const withoutGet = { ...options, plugin: { ...employeesPlugin, tools: employeesPlugin.tools.filter((tool) => tool.name !== 'get_employee_by_id') } };
const archiveCheck = conformanceChecks(withoutGet).filter((check) => /^archive_employee hides/.test(check.name));

describe(`employee conformance (${employeeEntity.path})`, () => {
  let harness: ConformanceHarness;
  before(async () => {
    harness = await openConformanceHarness(options);
  });
  after(async () => {
    await harness?.close();
  });
  for (const check of [...checks, ...archiveCheck]) test(check.name, () => check.run(harness));
  test('the suite exercises every derived tool the plugin has', () => {
    assert.equal(archiveCheck.length, 1);
    const present = Object.keys(derivedTools(options));
    const covered = new Set([...checks, ...archiveCheck].flatMap((check) => check.kinds));
    assert.deepEqual(present.filter((kind) => !covered.has(kind as never)), []);
    assert.deepEqual(present.sort(), ['archive', 'bulkCreate', 'create', 'get', 'list', 'restore', 'update']);
  });
});
