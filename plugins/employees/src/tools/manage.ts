import {
  bulkCreateTool,
  crudTools,
  defined,
  defineTool,
  entityOutput,
  GauzyMcpError,
  isoDate,
  personName,
  pick,
  requireEmployeeId,
  runBulk,
  uuid,
  withRefusalHints,
  type ToolContext,
  type ToolDefinition,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import {
  EMPLOYEES_ADMIN_TOOLSET as toolset,
  EMPLOYEES_BULK_TOOLSET as bulkToolset,
  PROFILE_FIELDS,
  describeEmployee,
  employeeEntity,
  employeeFields,
  employeeUpdateBodyFields,
} from '../entities.js';
import { readEmployee } from './lookup.js';

type Item = Record<string, unknown>;

const derived = crudTools(employeeEntity, {
  toolset,
  tools: {
    // list_employees, get_employee_by_id (lookup.ts), create_employee and update_employee (below) are written by hand.
    list: false,
    pagination: false,
    get: false,
    create: false,
    bulkCreate: false,
    update: false,
    // One tool per job: list_employees answers the total beside the rows, and get_employee_count stays callable as it.
    count: false,
    archive: { description: 'Archive one employee by id (Gauzy\'s soft delete): they leave employee lists; their user, time logs and history stay. restore_employee brings them back.' },
    restore: { description: 'Bring back an archived employee by id.' },
  },
});

export const archiveEmployee = derived.archive!;
export const restoreEmployee = derived.restore!;

/**
 * CreateEmployeeDTO: a new user (`user {email, firstName, lastName}` with `password`) or an existing one
 * (`userId`), plus EmploymentDTO's fields. An email that already has a user in the tenant makes that user
 * the employee (EmployeeCreateHandler), unless they are one in this organization already.
 */
export const createEmployeeFields = {
  firstName: z.string().trim().min(1).max(100).optional(),
  lastName: z.string().trim().min(1).max(100).optional(),
  email: z.email().optional().describe('The new user\'s; an existing user with it becomes the employee'),
  password: z.string().min(1).max(100).optional().describe('Sign-in password of a new user'),
  userId: uuid().optional().describe('An existing user, instead of email'),
  startedWorkOn: isoDate().optional(),
  short_description: employeeFields.short_description,
  employeeLevel: employeeFields.employeeLevel,
};
type CreateArgs = z.output<z.ZodObject<typeof createEmployeeFields>>;

/** The field named in the message too: a bulk report shows each item's message, not its issues. */
const invalid = (tool: string, field: string, message: string) => new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [`${tool} (${field}: ${message})`], { issues: [{ field, message }], fields: [field] });

/** The body Gauzy's POST /api/employee takes, or a refusal naming the field a valid call needs. */
export function createEmployeeBody(args: CreateArgs, tool = 'create_employee'): Item {
  const { firstName, lastName, email, password, userId, ...employment } = args;
  if (userId) return { ...defined(employment), userId };
  if (!email) throw invalid(tool, 'email', 'give the new employee\'s email (or userId of an existing user)');
  // IsNotEmpty on password whenever userId is absent, even for an email that already has a user.
  if (!password) throw invalid(tool, 'password', 'Gauzy requires a password for an employee created by email');
  return { ...defined(employment), user: defined({ firstName, lastName, email }), password };
}

const CREATE_HINTS = [
  { match: /Employee already exists for this user/i, hint: 'That person is already an employee here: find them with list_employees (by name or email); an archived one comes back with restore_employee.' },
];

async function postEmployee(ctx: ToolContext, body: Item): Promise<Item> {
  const created = await withRefusalHints(() => ctx.gauzy.post<Item | null>('/api/employee', { ...body, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }), CREATE_HINTS);
  // EmployeeCreateHandler swallows a failure on the userId path and answers 201 without a body.
  if (!created || typeof created !== 'object' || typeof created.id !== 'string') {
    throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['Gauzy created no employee (it answered without a record); check that userId is a user of this tenant']);
  }
  return created;
}

export const createEmployee = defineTool({
  name: 'create_employee',
  title: 'Create an employee',
  description: 'Hire someone: creates their Gauzy user (email, name, password) and employee record, or makes an existing user (userId) an employee.',
  toolset,
  effect: 'write',
  input: z.object(createEmployeeFields),
  output: entityOutput,
  routes: ['POST /api/employee', 'GET /api/employee/:id'],
  async handler(args, ctx) {
    const created = await postEmployee(ctx, createEmployeeBody(args));
    const employee = await readEmployee(ctx, String(created.id));
    return { structured: employee, text: `Created employee: ${describeEmployee(employee)}` };
  },
});

/**
 * One POST per person, each reported (Gauzy's POST /api/employee/bulk stops at the first failure and reports
 * none of the others). The kernel's bulk tool gives the schema; the handler names each hire by the person.
 */
const bulkSchema = bulkCreateTool(employeeEntity, {
  name: 'bulk_create_employees',
  title: 'Create several employees',
  description: 'Hire up to 50 people at once, each as in create_employee; reports which were created (with ids) and which failed and why.',
  toolset: bulkToolset,
  fields: createEmployeeFields,
  itemsField: 'employees',
});

export const bulkCreateEmployees: ToolDefinition = {
  ...bulkSchema,
  async handler(args, ctx) {
    const { employees } = args as { employees: CreateArgs[] };
    return runBulk(employees, ctx, async (person) => {
      const created = await postEmployee(ctx, createEmployeeBody(person, 'bulk_create_employees'));
      return { id: created.id, name: personName(created) ?? person.email ?? String(created.id) };
    }, { noun: 'employees', verb: 'Created' });
  },
};

const PROFILE_ROUTE = '/api/employee/:id/profile';
const UPDATE_ROUTE = '/api/employee/:id';

const optional = Object.fromEntries(Object.entries(employeeFields).map(([key, schema]) => [key, (schema as z.ZodType).optional()])) as typeof employeeFields;

const UPDATE_HINTS = [
  { match: /Failed to update employee profile/i, hint: 'Your Gauzy role may change only your own employee record (omit id), and only its profile fields, not isTrackingEnabled or allowManualTime.' },
];

/**
 * PUT /api/employee/:id (ORG_EMPLOYEES_EDIT) for anyone's record; one's own profile fields go through
 * PUT /api/employee/:id/profile (PROFILE_EDIT), which the EMPLOYEE role holds. Both save through
 * EmployeeUpdateHandler, so both carry upworkId and linkedInId over (it clears them otherwise).
 */
export const updateEmployee: ToolDefinition = defineTool({
  name: 'update_employee',
  title: 'Update an employee',
  description: 'Change an employee\'s dates, job title, level, rates or tracking switches (yours without id); only the fields given change.',
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({ id: uuid().optional(), ...optional }),
  output: entityOutput,
  aliases: ['update_employee_profile'],
  routes: [`GET ${UPDATE_ROUTE}`, `PUT ${UPDATE_ROUTE}`, `PUT ${PROFILE_ROUTE}`],
  async handler({ id, ...rawChanges }, ctx) {
    const changes = defined(rawChanges as Item);
    if (Object.keys(changes).length === 0) throw invalid('update_employee', '(arguments)', `give at least one field to change: ${Object.keys(employeeFields).join(', ')}`);
    const target = id ?? requireEmployeeId(ctx, 'update_employee');
    const current = await readEmployee(ctx, target);
    const ownProfile = target === ctx.scope.employeeId && Object.keys(changes).every((field) => PROFILE_FIELDS.has(field));
    const body = { ...pick(current, employeeUpdateBodyFields), ...changes, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
    await withRefusalHints(() => ctx.gauzy.put(ownProfile ? PROFILE_ROUTE : UPDATE_ROUTE, body, { params: { id: target } }), UPDATE_HINTS);
    // Gauzy answers what it saved (the changed columns), not the employee: read it back for the answer.
    const updated = await readEmployee(ctx, target);
    return { structured: updated, text: `Updated employee: ${describeEmployee(updated)}` };
  },
});

