import {
  defineTool,
  entityFieldsParam,
  fetchEntity,
  gauzyReadsAsBoolean,
  GauzyMcpError,
  isGauzyMcpError,
  listOutput,
  listResult,
  normalizePage,
  pagination,
  readRowWindow,
  relationsParam,
  requireEmployeeId,
  scopeWhere,
  uuid,
  withRelations,
  entityOutput,
  type ToolContext,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { EMPLOYEES_TOOLSET as toolset, describeEmployee, employeeEntity, employeeListFields } from '../entities.js';

type Item = Record<string, unknown>;

const LIST_ROUTE = '/api/employee';
const SEARCH_ROUTE = '/api/employee/pagination';
export const MEMBERS_ROUTE = '/api/employee/members';

/** Joined for the text when the caller asks for no relations: the person (name, email) and the job. */
const SUMMARY = employeeEntity.summaryRelations ?? [];

/** A joined relation the caller did not ask for, cut to what the line names. */
function compact(employee: Item): Item {
  const out: Item = { ...employee };
  const user = employee.user as Item | undefined | null;
  if (user && typeof user === 'object') out.user = { id: user.id, name: user.name ?? [user.firstName, user.lastName].filter(Boolean).join(' '), email: user.email };
  const position = employee.organizationPosition as Item | undefined | null;
  if (position && typeof position === 'object') out.organizationPosition = { id: position.id, name: position.name };
  return out;
}

/**
 * EmployeeService.pagination's search: each word of the needle LIKE-matched, in any case, against the user's
 * first and last name (where[user][name]) and email (where[user][email]), any match counting.
 */
export function matchesPerson(employee: Item, needle: string): boolean {
  const user = (employee.user as Item | undefined) ?? {};
  const haystack = [user.firstName, user.lastName].map((part) => String(part ?? '').toLowerCase());
  const email = String(user.email ?? '').toLowerCase();
  const words = needle.toLowerCase().split(' ').filter(Boolean);
  return words.some((word) => haystack.some((part) => part.includes(word))) || email.includes(needle.toLowerCase());
}

/** The organization's (or a team's or project's) members: GET /api/employee/members, which every role with ORG_MEMBERS_VIEW may read. */
export async function readMembers(ctx: ToolContext, filter: { teamId?: string; projectId?: string } = {}): Promise<Item[]> {
  const data = await ctx.gauzy.get(MEMBERS_ROUTE, {
    query: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId, organizationTeamId: filter.teamId, organizationProjectId: filter.projectId },
  });
  return normalizePage(data).items;
}

const listInput = z.object({
  name: z.string().trim().min(1).max(200).optional().describe('Part of the name or email'),
  teamId: uuid().optional(),
  projectId: uuid().optional(),
  ...pagination,
  fields: entityFieldsParam(employeeListFields),
});
type ListArgs = z.output<typeof listInput>;

/** The line needs the person whatever `fields` picks. */
export const keepPerson = (fields: readonly string[] | undefined) => withRelations(fields, SUMMARY);

async function listFromEmployees(ctx: ToolContext, args: ListArgs) {
  const { name, take, skip, fields } = args;
  // The person and the job, for the line; get_employee_by_id joins the rest.
  const joined = [...SUMMARY];
  // The plain list matches exactly; EmployeeService.pagination LIKE-matches where[user][name] and where[user][email].
  const route = name ? SEARCH_ROUTE : LIST_ROUTE;
  const where = scopeWhere(ctx.scope, name ? { user: { name, email: name } } : {});
  const fetch = async (pageTake: number, pageSkip: number) =>
    normalizePage(await ctx.gauzy.get(route, { query: { where, relations: joined, ...(name ? {} : { order: { createdAt: 'DESC' } }), take: pageTake, skip: pageSkip } }));
  // /pagination reads skip as a 1-based page; the tool's skip is rows.
  const page = name ? await readRowWindow(fetch, skip, take) : await fetch(take, skip);
  return listResult({ items: page.items.map(compact), total: page.total, skip, take, fields: keepPerson(fields), noun: employeeEntity.plural, describe: describeEmployee });
}

async function listFromMembers(ctx: ToolContext, args: ListArgs, why?: string) {
  const { name, teamId, projectId, take, skip, fields } = args;
  const members = await readMembers(ctx, { teamId, projectId });
  const items = (name ? members.filter((member) => matchesPerson(member, name)) : members).map(compact);
  const result = listResult({ items, unpaged: true, skip, take, fields: keepPerson(fields), noun: teamId || projectId ? `members of that ${teamId ? 'team' : 'project'}` : 'organization members', describe: describeEmployee });
  const notes = [
    why,
    teamId || projectId ? "Gauzy's member list carries name, email and presence only" : '',
    name ? `${members.length} members were read and matched by name here` : '',
  ].filter(Boolean);
  if (!notes.length) return result;
  const note = `${notes.join('; ')}.`;
  return { ...result, structured: { ...result.structured, ...(name ? { membersRead: members.length } : {}), note }, text: `${result.text}\n${note}` };
}

export const listEmployees = defineTool({
  name: 'list_employees',
  title: 'Find employees',
  description: 'Find, list or count employees: by part of the name or email, or all, a team\'s or a project\'s.',
  toolset,
  effect: 'read',
  input: listInput,
  output: listOutput,
  aliases: employeeEntity.aliases?.list,
  routes: [`GET ${LIST_ROUTE}`, `GET ${SEARCH_ROUTE}`, `GET ${MEMBERS_ROUTE}`],
  async handler(args, ctx) {
    if (args.name && gauzyReadsAsBoolean(args.name)) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['list_employees'], { issues: [{ field: 'name', message: 'give part of a name or an email; Gauzy reads a bare number as true' }], fields: ['name'] });
    }
    if (args.teamId || args.projectId) return listFromMembers(ctx, args);
    try {
      return await listFromEmployees(ctx, args);
    } catch (error) {
      // The EMPLOYEE role lacks ORG_EMPLOYEES_VIEW; the member list (ORG_MEMBERS_VIEW) is what Gauzy shows it.
      if (!isGauzyMcpError(error, 'GMCP_ERR_GAUZY_FORBIDDEN')) throw error;
      return listFromMembers(ctx, args, 'Your Gauzy role may not list employees (ORG_EMPLOYEES_VIEW), so these are the organization\'s members, which it may see');
    }
  },
});

/** GET /api/employee/:id answers a caller without CHANGE_SELECTED_EMPLOYEE with their own record, whatever the id. */
export const OWN_RECORD_ONLY_HINT = 'Your Gauzy role reads only your own employee record (Gauzy answers it for any id). Find colleagues with list_employees.';

/** One employee with the person and job joined; refuses, rather than passes off, the caller's own record for another id. */
export async function readEmployee(ctx: ToolContext, id: string, relations: readonly string[] = []): Promise<Item> {
  const employee = await fetchEntity(employeeEntity, ctx, id, [...new Set([...SUMMARY, ...relations])]);
  if (employee.id !== id) {
    throw new GauzyMcpError('GMCP_ERR_GAUZY_FORBIDDEN', [], { status: 403, gauzyMessages: [`Gauzy answered employee ${String(employee.id)} (yours) for ${id}`], hint: OWN_RECORD_ONLY_HINT });
  }
  return employee;
}

export const getEmployeeById = defineTool({
  name: 'get_employee_by_id',
  title: 'Get an employee',
  description: 'Get one employee by id (yours without id): job, dates, rates; archived ones too.',
  toolset,
  effect: 'read',
  input: z.object({ id: uuid().optional(), relations: relationsParam(employeeEntity.include) }),
  output: entityOutput,
  aliases: employeeEntity.aliases?.get,
  routes: ['GET /api/employee/:id'],
  async handler({ id, relations }, ctx) {
    const employee = await readEmployee(ctx, id ?? requireEmployeeId(ctx, 'get_employee_by_id'), relations);
    return { structured: employee, text: `Found employee: ${describeEmployee(employee)}` };
  },
});
