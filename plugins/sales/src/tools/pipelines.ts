import {
  gauzyReadsAsBoolean,
  defined, defineTool, entityOutput, entityRoute, listOutput, listResult, LOCAL_FILTER_ROWS, normalizePage, ok, pagination, readRowWindow, scopeWhere, uuid,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { PIPELINES_TOOLSET as toolset, describePipeline, pipelineEntity, stageInput } from '../entities.js';
import { compactDeal, compactPipeline, invalidField, readPipeline } from './read.js';
import { PIPELINE_DEALS, putPipeline, readPipelineDeals, type StageBody } from './stages.js';

type Item = Record<string, unknown>;

const PAGINATION = entityRoute(pipelineEntity, 'pagination');
const BY_ID = entityRoute(pipelineEntity, 'findById');
const CREATE = entityRoute(pipelineEntity, 'create');
const UPDATE = entityRoute(pipelineEntity, 'update');
const DELETE = entityRoute(pipelineEntity, 'delete');
const path = (route: string) => route.slice(route.indexOf(' ') + 1);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The most deals a pipeline's answer names per stage; every stage's count is always there. */
const DEALS_PER_STAGE = 10;

/** PipelineService.pagination matches `name` by part (LIKE) and pages with `skip` a 1-based page. */
export const listPipelines = defineTool({
  name: 'list_pipelines',
  title: 'List sales pipelines',
  description: 'Sales pipelines with their stages in order, newest first.',
  toolset,
  aliases: ['get_pipelines'],
  effect: 'read',
  input: z.object({ name: z.string().trim().min(1).optional().describe('Part of it'), ...pagination }),
  output: listOutput,
  routes: [PAGINATION],
  async handler({ name, take, skip }, ctx) {
    // Gauzy's query transform reads a JSON-looking name ("2027") as a boolean: such a name is searched here.
    const here = name !== undefined && gauzyReadsAsBoolean(name);
    const where = scopeWhere(ctx.scope, here ? {} : defined({ name }));
    const fetchPage = async (size: number, number: number) =>
      normalizePage(await ctx.gauzy.get(path(PAGINATION), { query: { where, relations: ['stages'], order: { createdAt: 'DESC' }, take: size, skip: number } }));
    const list = (items: Item[], total: number | undefined, unpaged: boolean) => listResult({ items: items.map(compactPipeline), total, unpaged, skip, take, noun: 'pipelines', describe: describePipeline });
    if (!here) {
      const page = await readRowWindow(fetchPage, skip, take);
      return list(page.items, page.total, false);
    }
    const read: Item[] = [];
    let total = 0;
    for (let number = 1; read.length < LOCAL_FILTER_ROWS; number++) {
      const page = await fetchPage(100, number);
      read.push(...page.items);
      total = page.total;
      if (page.items.length < 100 || read.length >= total) break;
    }
    const result = list(read.filter((pipeline) => String(pipeline.name ?? '').toLowerCase().includes(name!.toLowerCase())), undefined, true);
    const note = `Gauzy reads "${name}" as a boolean in its name search, so ${read.length} of ${total} pipelines were read and searched here.`;
    return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
  },
});

const dealLine = (deal: Item) => {
  const client = deal.client as Item | null | undefined;
  return `"${String(deal.title)}" (id ${String(deal.id)}) probability ${String(deal.probability)}${client?.name ? `, ${String(client.name)}` : ''}`;
};

/**
 * A pipeline as a board: GET /:id with its stages, and GET /:pipelineId/deals (every deal whose stage is in it,
 * ordered by stage; Gauzy answers a failure there as no deals). Each stage carries its deals.
 */
export const getPipeline = defineTool({
  name: 'get_pipeline_by_id',
  title: 'Get a pipeline with its deals',
  description: "A pipeline's stages in order, each with its deals.",
  toolset,
  aliases: ['get_pipeline', 'get_deals_pipeline'],
  effect: 'read',
  input: z.object({ id: uuid() }),
  output: entityOutput,
  routes: [BY_ID, PIPELINE_DEALS],
  async handler({ id }, ctx) {
    const pipeline = await readPipeline(ctx, id);
    const deals = (await readPipelineDeals(ctx, id, ['client'])).map(compactDeal);
    const stages = (pipeline.stages as Item[]).map((stage): Item & { dealCount: number; deals: Item[] } => {
      const own = deals.filter((deal) => deal.stageId === stage.id);
      return { ...stage, dealCount: own.length, deals: own.slice(0, DEALS_PER_STAGE).map((deal) => ({ id: deal.id, title: deal.title, probability: deal.probability, client: deal.client ?? null })) };
    });
    const structured = { ...pipeline, stages, dealCount: deals.length };
    const lines = stages.map((stage) => {
      const more = stage.dealCount > stage.deals.length ? `; ${stage.dealCount - stage.deals.length} more: list_deals with stageId` : '';
      return `${String(stage.index)}. ${String(stage.name)} (id ${String(stage.id)}): ${stage.dealCount} deal${stage.dealCount === 1 ? '' : 's'}${stage.deals.length ? ` — ${stage.deals.map(dealLine).join('; ')}` : ''}${more}`;
    });
    const { stages: _stages, ...head } = pipeline;
    return ok(structured, [`Pipeline ${describePipeline(head)} · ${deals.length} deal${deals.length === 1 ? '' : 's'}:`, ...lines].join('\n'));
  },
});

const stageItem = z.object(stageInput);

export const createPipeline = defineTool({
  name: 'create_pipeline',
  title: 'Create a sales pipeline',
  description: 'Create a sales pipeline with its stages, in order.',
  toolset,
  effect: 'write',
  input: z.object({ ...pipelineEntity.fields, stages: z.array(stageItem).max(30).optional() }),
  output: entityOutput,
  routes: [CREATE, BY_ID],
  async handler({ stages = [], ...fields }, ctx) {
    const scope = { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
    // CreatePipelineDTO: name, description, isActive, the organization; the stages are inserted with it (cascade), each scoped like it.
    const created = await ctx.gauzy.post<Item>(pipelineEntity.path, {
      ...defined(fields),
      stages: stages.map((stage, position) => ({ ...defined(stage), index: position + 1, ...scope })),
      ...scope,
    });
    const pipeline = await readPipeline(ctx, String(created.id));
    return ok(pipeline, `Created pipeline: ${describePipeline(pipeline)}`);
  },
});

/** PUT validates the whole UpdatePipelineDTO and drops every stage it is not sent, so the stages are always sent back. */
export const updatePipeline = defineTool({
  name: 'update_pipeline',
  title: 'Update a sales pipeline',
  description: 'Rename a pipeline, change its description or (de)activate it; its stages stay.',
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({ id: uuid(), name: pipelineEntity.fields.name.optional(), description: pipelineEntity.fields.description, isActive: pipelineEntity.fields.isActive }),
  output: entityOutput,
  routes: [BY_ID, UPDATE],
  async handler({ id, ...changes }, ctx) {
    const given = defined(changes);
    if (!Object.keys(given).length) throw invalidField('update_pipeline', '(arguments)', 'give at least one of name, description, isActive');
    const current = await readPipeline(ctx, id);
    const pipeline = await putPipeline(ctx, current, current.stages as StageBody[], given);
    return ok(pipeline, `Updated pipeline: ${describePipeline(pipeline)}`);
  },
});

/** Gauzy deletes a pipeline's stages with it, and their deals with them (ON DELETE CASCADE): the answer counts both. */
export const deletePipeline = defineTool({
  name: 'delete_pipeline',
  title: 'Delete a sales pipeline',
  description: 'Permanently delete a pipeline with its stages and all their deals.',
  toolset,
  effect: 'delete',
  input: z.object({ id: uuid() }),
  output: entityOutput,
  routes: [BY_ID, PIPELINE_DEALS, DELETE],
  async handler({ id }, ctx) {
    const pipeline = await readPipeline(ctx, id);
    const deals = await readPipelineDeals(ctx, id);
    await ctx.gauzy.delete(path(DELETE), { params: { id }, query: { tenantId: ctx.scope.tenantId, organizationId: ctx.scope.organizationId } });
    const stages = (pipeline.stages as Item[]).length;
    return ok({ id, deleted: true, stages, deals: deals.length }, `Deleted pipeline ${String(pipeline.name)} (id ${id}) permanently, with its ${plural(stages, 'stage')} and ${plural(deals.length, 'deal')}.`);
  },
});
