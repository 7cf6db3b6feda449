import {
  compactRelations,
  crudToolList,
  dataQuery,
  defined,
  defineTool,
  entityOutput,
  entityRoute,
  GauzyMcpError,
  listTool,
  ok,
  refusalIn200,
  relationsParam,
  uuid,
  type ToolContext,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { CONTACT_SUMMARY_RELATIONS, CONTACTS_TOOLSET as toolset, ContactType, contactEntity, describeContact } from '../entities.js';

type Item = Record<string, unknown>;

const PAGINATION_ROUTE = '/api/organization-contact/pagination';

/**
 * list_clients reads /pagination, not GET /api/organization-contact: that findAll (`?data=`) matches
 * exactly and ignores take, skip and order, while OrganizationContactService.pagination LIKE-matches
 * `where[name]`, takes `where[members]` as employee ids (In) and pages with `skip` as a 1-based page.
 */
const listClientsTool = listTool(contactEntity, {
  name: 'list_clients',
  title: 'Find clients',
  description: 'Find clients, customers and leads by part of the name, type or assigned employee; newest first.',
  toolset,
  aliases: contactEntity.aliases?.list,
  route: PAGINATION_ROUTE,
  query: 'where',
  paging: 'page',
  entityFilters: true,
  filters: {
    contactType: ContactType.optional(),
    employeeId: uuid().optional(),
  },
  where: ({ contactType, employeeId }) => defined({ contactType, members: employeeId ? [employeeId] : undefined }),
});
/** Gauzy applies `where[members]` as a join condition: the contacts it finds come with only that employee as members. */
const MEMBERS_NOTE = 'Filtered by an assigned employee: Gauzy then names only that employee among the members (get_client_by_id has them all).';

export const listClients = defineTool({
  ...listClientsTool,
  // The search and the plain list are the same route here.
  routes: [...new Set(listClientsTool.routes)],
  async handler(args, ctx) {
    const answer = await listClientsTool.handler(args, ctx);
    if (!(args as { employeeId?: string }).employeeId) return answer;
    const note = [answer.structured.note, MEMBERS_NOTE].filter(Boolean).join(' ');
    return { ...answer, structured: { ...answer.structured, note }, text: `${answer.text}\n${MEMBERS_NOTE}` };
  },
});

/**
 * One contact. GET /api/organization-contact/:id reads its relations from `?data={"relations":[…]}`
 * (ParseJsonPipe), not from `relations[]`, which it ignores.
 */
export async function readContact(ctx: ToolContext, id: string, relations: readonly string[]): Promise<Item> {
  const item = await ctx.gauzy.get<Item>(`${contactEntity.path}/:id`, { params: { id }, query: dataQuery({ relations: [...relations] }) });
  refusalIn200(item);
  if (!item || typeof item !== 'object' || typeof item.id !== 'string') throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected an organization contact']);
  return item;
}

/** A contact with its members and projects as `{ id, name }`, for the answers that name them. */
export async function readContactSummary(ctx: ToolContext, id: string): Promise<Item> {
  return compactRelations(await readContact(ctx, id, CONTACT_SUMMARY_RELATIONS), CONTACT_SUMMARY_RELATIONS);
}

export const getClient = defineTool({
  name: 'get_client_by_id',
  title: 'Get a client',
  description: 'Get one client, customer or lead by id, with its assigned employees and projects (or the relations asked for).',
  toolset,
  aliases: contactEntity.aliases?.get,
  effect: 'read',
  input: z.object({ id: uuid(), relations: relationsParam(contactEntity.include) }),
  output: entityOutput,
  routes: [entityRoute(contactEntity, 'findById')],
  async handler({ id, relations }, ctx) {
    const item = relations?.length ? await readContact(ctx, id, relations) : await readContactSummary(ctx, id);
    return ok(item, `Found client: ${describeContact(item)}`);
  },
});

const COUNT_ROUTE = '/api/organization-contact/count';
const TYPE_WORDS: Record<z.infer<typeof ContactType>, [string, string]> = { CLIENT: ['client', 'clients'], CUSTOMER: ['customer', 'customers'], LEAD: ['lead', 'leads'] };
const counted = (count: number, [one, many]: [string, string]) => `${count} ${count === 1 ? one : many}`;

/** GET /count takes CountQueryDTO: flat `organizationId`, `tenantId`, and the columns to match (countBy). */
async function countContacts(ctx: ToolContext, contactType?: string): Promise<number> {
  const count = await ctx.gauzy.get<number>(COUNT_ROUTE, { query: { ...(contactType ? { contactType } : {}), organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId } });
  if (typeof count !== 'number') throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['count was not a number']);
  return count;
}

/** Gauzy has no statistics route for contacts (GET /statistics would be read as /:id): the count per type is the summary it can give. */
export const getClientCount = defineTool({
  name: 'get_client_count',
  title: 'Count clients',
  description: 'Count clients, customers and leads: the total and each type, or one type.',
  toolset,
  aliases: contactEntity.aliases?.count,
  effect: 'read',
  input: z.object({ contactType: ContactType.optional() }),
  output: z.object({ count: z.number(), byType: z.record(z.string(), z.number()).optional() }),
  routes: [`GET ${COUNT_ROUTE}`],
  async handler({ contactType }, ctx) {
    if (contactType) {
      const count = await countContacts(ctx, contactType);
      return ok({ count, contactType }, `${counted(count, TYPE_WORDS[contactType])}.`);
    }
    const types = ContactType.options;
    const [count, ...perType] = await Promise.all([countContacts(ctx), ...types.map((type) => countContacts(ctx, type))]);
    const byType = Object.fromEntries(types.map((type, index) => [type, perType[index]!]));
    const parts = types.map((type) => counted(byType[type]!, TYPE_WORDS[type]));
    return ok({ count: count!, byType }, `${counted(count!, ['contact', 'contacts'])}: ${parts.join(', ')}.`);
  },
});

/** The derived tools: only the texts the templates cannot know are given here. */
export const contactCrudTools = crudToolList(contactEntity, {
  toolset,
  tools: {
    // Hand-written above: the list reads /pagination, get and count differ from the templates.
    list: false,
    pagination: false,
    get: false,
    count: false,
    create: { description: 'Create a client, customer or lead (contactType, default CLIENT), optionally with assigned employees.' },
    update: { description: 'Change fields of a client, customer or lead; only the fields given change (memberIds replaces who is assigned).' },
    delete: { description: 'Permanently delete one client, customer or lead by id; its projects, invoices and time logs stay, without a client.' },
    // Not offered: see tools/retired.ts (the catalog budget; Gauzy has no bulk route for contacts).
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
  },
});
