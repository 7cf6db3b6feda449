import {
  getTool,
  callerUserId, crudTools, defined, defineTool, entityOutput, entityRoute, fields as fieldsParam, GauzyMcpError, listOutput, listResult, ok, pagination, uuid,
  withRefusalHints, type QueryValue, type RefusalHint, type ToolContext,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { DEALS_TOOLSET as toolset, dealEntity, dealFields, describeDeal, orderedStages, pipelineEntity } from '../entities.js';
import { compactDeal, invalidField, readDeal, readDeals, readManyDeals, readPipeline } from './read.js';

type Item = Record<string, unknown>;

const LIST = entityRoute(dealEntity, 'findAll');
const BY_ID = entityRoute(dealEntity, 'findById');
const CREATE = entityRoute(dealEntity, 'create');
const UPDATE = entityRoute(dealEntity, 'update');
const PIPELINE_BY_ID = entityRoute(pipelineEntity, 'findById');

/**
 * DealService.create wraps every failure as 400 "Error occurred while creating deal: …"; on the real Gauzy that is
 * a stageId or clientId no row has (the foreign key). The inherited PUT answers the same key as a bare 400.
 */
export const DEAL_HINTS: readonly RefusalHint[] = [
  { match: /FOREIGN KEY|foreign key/i, hint: 'stageId must be a stage of one of the organization\'s pipelines (get_pipeline_by_id lists them) and clientId one of its clients.' },
];

/** The filters Gauzy's GET /api/deals matches exactly (a stage's pipeline through the relation). */
const dealFilters = {
  pipelineId: uuid().optional(),
  stageId: uuid().optional(),
  clientId: uuid().optional(),
  createdByUserId: uuid().optional(),
};

function filterWhere(args: { pipelineId?: string; stageId?: string; clientId?: string; createdByUserId?: string }): Record<string, QueryValue> {
  const { pipelineId, ...columns } = args;
  return { ...(defined(columns) as Record<string, QueryValue>), ...(pipelineId ? { stage: { pipelineId } } : {}) };
}

/**
 * GET /api/deals matches `where` exactly and its /pagination twin is shadowed, so a title search reads up to
 * LOCAL_FILTER_ROWS deals that match the other filters and keeps those whose title contains the words.
 */
export const listDeals = defineTool({
  name: 'list_deals',
  title: 'Find deals',
  description: 'Deals newest first, by pipeline, stage, client, creator or title words; total counts them.',
  toolset,
  aliases: dealEntity.aliases?.list,
  presets: { get_my_deals: { createdByUserId: callerUserId } },
  effect: 'read',
  input: z.object({ title: z.string().trim().min(1).optional().describe('Part of it'), ...dealFilters, ...pagination, fields: fieldsParam }),
  output: listOutput,
  routes: [LIST],
  async handler({ title, take, skip, fields, ...filters }, ctx) {
    const where = filterWhere(filters);
    const list = (items: Item[], total: number | undefined, unpaged: boolean) =>
      listResult({ items, total, unpaged, skip, take, fields, noun: 'deals', describe: describeDeal });
    if (!title) {
      const page = await readDeals(ctx, where, take, skip);
      return list(page.items, page.total, false);
    }
    const read = await readManyDeals(ctx, where);
    const needle = title.toLowerCase();
    const result = list(read.items.filter((deal) => String(deal.title ?? '').toLowerCase().includes(needle)), undefined, true);
    const note = `Gauzy matches deal titles only exactly, so ${read.items.length} of ${read.total} deals were read and searched here${read.items.length < read.total ? '; older ones were not read' : ''}.`;
    return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
  },
});

export const getDeal = getTool(dealEntity, {
  name: 'get_deal_by_id',
  title: 'Get a deal',
  description: 'One deal by id with its stage, pipeline and client.',
  toolset,
  aliases: dealEntity.aliases?.get,
  read: { routes: [BY_ID], one: readDeal },
});

export const createDeal = defineTool({
  name: 'create_deal',
  title: 'Create a deal',
  description: 'Create a deal in a pipeline stage, optionally for a client.',
  toolset,
  effect: 'write',
  input: z.object(dealFields),
  output: entityOutput,
  routes: [CREATE, BY_ID],
  async handler(args, ctx) {
    // CreateDealDTO (whitelist): title, probability, stageId, clientId, the organization; Gauzy sets createdByUserId.
    const created = await withRefusalHints(
      () => ctx.gauzy.post<Item>(dealEntity.path, { ...defined(args), organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }),
      DEAL_HINTS,
    );
    const deal = await readDeal(ctx, String(created.id)).catch(() => compactDeal(created));
    return ok(deal, `Created deal: ${describeDeal(deal)}`);
  },
});

/**
 * The inherited PUT is TypeORM's update of what is sent (no DTO): only the changes go, then the deal is read back.
 * A foreign key failure comes back as the bare query error (400, no message; seen on the real Gauzy).
 */
async function putDeal(ctx: ToolContext, id: string, changes: Item): Promise<Item> {
  try {
    await ctx.gauzy.put(`${dealEntity.path}/:id`, { ...changes, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { id } });
  } catch (error) {
    const silent = error instanceof GauzyMcpError && error.code === 'GMCP_ERR_GAUZY_BAD_REQUEST' && !(error.details.gauzyMessages as unknown[] | undefined)?.length;
    if (silent) error.details.hint = `Gauzy refused the change with a database error and no message: ${DEAL_HINTS[0]!.hint}`;
    throw error;
  }
  return readDeal(ctx, id);
}

/**
 * One tool changes a deal, moving it too: a move is a PUT of its stageId, and Gauzy takes any stage, even another
 * pipeline's, so the tool reads the deal's pipeline and moves it only to one of that pipeline's stages, named by
 * id or by name.
 */
export const updateDeal = defineTool({
  name: 'update_deal',
  title: 'Update or move a deal',
  description: "Change a deal's title, probability or client, or move it to another stage of its pipeline.",
  toolset,
  aliases: ['update_deal_stage'],
  effect: 'write',
  idempotent: true,
  input: z.object({
    id: uuid(),
    title: dealFields.title.optional(),
    probability: dealFields.probability.optional(),
    clientId: dealFields.clientId,
    stageId: uuid().optional(),
    stage: z.string().trim().min(1).optional().describe('Stage name'),
  }),
  output: entityOutput,
  routes: [BY_ID, PIPELINE_BY_ID, UPDATE],
  async handler({ id, stageId, stage: stageName, ...changes }, ctx) {
    const given: Item = defined(changes);
    if (!Object.keys(given).length && !stageId && !stageName) throw invalidField('update_deal', '(arguments)', 'give at least one of title, probability, clientId, stageId, stage');
    if (!stageId && !stageName) {
      const deal = await putDeal(ctx, id, given);
      return ok(deal, `Updated deal: ${describeDeal(deal)}`);
    }
    const current = await readDeal(ctx, id);
    const from = current.stage as Item | null;
    const pipelineId = from?.pipelineId;
    if (typeof pipelineId !== 'string') throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', [`deal ${id} has no stage with a pipeline`]);
    const pipeline = await readPipeline(ctx, pipelineId);
    const stages = orderedStages(pipeline);
    const target = stages.find((entry) => (stageId ? entry.id === stageId : String(entry.name).toLowerCase() === stageName!.toLowerCase()));
    const names = stages.map((entry) => `${String(entry.index)}. ${String(entry.name)} (id ${String(entry.id)})`).join(', ');
    if (!target) throw invalidField('update_deal', stageId ? 'stageId' : 'stage', `not a stage of the deal's pipeline ${String(pipeline.name)}; its stages: ${names}`);
    const label = (entry: Item) => `${String(entry.name)} (#${String(entry.index)})`;
    const moves = target.id !== from!.id;
    if (!moves && !Object.keys(given).length) {
      return ok({ ...current, previousStageId: from!.id, moved: false }, `Already in ${label(target)}, nothing changed: ${describeDeal(current)}`);
    }
    const deal = await putDeal(ctx, id, { ...given, ...(moves ? { stageId: target.id } : {}) });
    const verb = moves ? `Moved from ${label(from!)} to ${label(target)} of ${String(pipeline.name)}` : `Updated deal (already in ${label(target)})`;
    return ok({ ...deal, previousStageId: from!.id, moved: moves }, `${verb}: ${describeDeal(deal)}`);
  },
});

const derived = crudTools(dealEntity, {
  toolset,
  tools: {
    list: false,
    get: false,
    create: false,
    update: false,
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
    delete: { description: 'Permanently delete one deal by id.' },
  },
});

export const deleteDeal = derived.delete!;

export { filterWhere, dealFilters };
