import { GauzyMcpError, LOCAL_FILTER_ROWS, dataQuery, entityRoute, normalizePage, scopeWhere, type QueryValue, type ToolContext } from '@gauzy-mcp/core';
import { EQUIPMENT_RELATIONS, compactSharing, equipmentEntity, equipmentSharingEntity } from '../entities.js';

type Item = Record<string, unknown>;

export const EQUIPMENT_PAGINATION = entityRoute(equipmentEntity, 'pagination');
export const SHARING_LIST = entityRoute(equipmentSharingEntity, 'findAll');
const path = (route: string) => route.slice(route.indexOf(' ') + 1);
const PAGE = 100;

/** One page of equipment from /pagination (`skip` a 1-based page; name, type, serialNumber matched with LIKE), sharings joined. */
export async function readEquipmentPage(ctx: ToolContext, where: Record<string, QueryValue>, take: number, page: number) {
  const answer = await ctx.gauzy.get(path(EQUIPMENT_PAGINATION), {
    query: { where: scopeWhere(ctx.scope, where), relations: [...EQUIPMENT_RELATIONS], order: { createdAt: 'DESC' }, take, skip: page },
  });
  const read = normalizePage(answer);
  if (!read.paged) throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected {items,total}']);
  return read;
}

/** Up to LOCAL_FILTER_ROWS equipment matching `where`, for filters Gauzy cannot run and for statistics. */
export async function readAllEquipment(ctx: ToolContext, where: Record<string, QueryValue>): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  let total = 0;
  for (let page = 1; items.length < LOCAL_FILTER_ROWS; page++) {
    const read = await readEquipmentPage(ctx, where, PAGE, page);
    items.push(...read.items);
    total = read.total;
    if (read.items.length < PAGE || items.length >= total) break;
  }
  return { items, total };
}

/** One equipment with its sharings; GET /:id ignores `relations`, so it is read from /pagination by id (404 when absent). */
export async function readEquipment(ctx: ToolContext, id: string): Promise<Item> {
  const { items } = await readEquipmentPage(ctx, { id }, 1, 1);
  if (!items[0]) throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: [`No equipment with id ${id} in this organization.`] });
  return items[0];
}

export const SHARING_RELATIONS = ['equipment', 'equipmentSharingPolicy', 'employees', 'employees.user', 'teams'];

/**
 * Sharings from GET /api/equipment-sharing (`?data=`: findInput matched exactly on the columns, every match at
 * once, relations joined), compacted, newest request first.
 */
export async function readSharings(ctx: ToolContext, findInput: Record<string, QueryValue>): Promise<Item[]> {
  const answer = await ctx.gauzy.get(path(SHARING_LIST), { query: dataQuery({ findInput: scopeWhere(ctx.scope, findInput), relations: SHARING_RELATIONS }) });
  return normalizePage(answer)
    .items.map(compactSharing)
    .sort((a, b) => String(b.shareRequestDay ?? b.createdAt ?? '').localeCompare(String(a.shareRequestDay ?? a.createdAt ?? '')));
}

/** One sharing with its relations (GET /:id joins nothing); Gauzy's 404 words when there is none. */
export async function readSharing(ctx: ToolContext, id: string): Promise<Item> {
  const [sharing] = await readSharings(ctx, { id });
  if (!sharing) throw new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: ['The requested record was not found'] });
  return sharing;
}
