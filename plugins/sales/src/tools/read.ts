import { GauzyMcpError, LOCAL_FILTER_ROWS, fetchEntity, normalizePage, scopeWhere, type QueryValue, type ToolContext } from '@gauzy-mcp/core';
import { dealEntity, orderedStages, pipelineEntity } from '../entities.js';

type Item = Record<string, unknown>;

/** What a deal's line names: its stage with the stage's pipeline, and its client. */
export const DEAL_RELATIONS = ['stage', 'stage.pipeline', 'client'] as const;

const nameRef = (value: unknown): Item | null => {
  if (!value || typeof value !== 'object') return null;
  const record = value as Item;
  return { id: record.id, name: record.name ?? null };
};

/** A deal as the tools answer it: its columns, the stage as `{ id, name, index, pipelineId, pipeline }`, the client as `{ id, name }`. */
export function compactDeal(deal: Item): Item {
  const { stage, client, organization: _organization, tenant: _tenant, createdByUser: _user, ...rest } = deal;
  const out: Item = { ...rest };
  if (stage !== undefined) {
    const row = stage as Item | null;
    out.stage = row ? { id: row.id, name: row.name, index: row.index, pipelineId: row.pipelineId, ...(row.pipeline !== undefined ? { pipeline: nameRef(row.pipeline) } : {}) } : null;
  }
  if (client !== undefined) out.client = nameRef(client);
  return out;
}

/** A pipeline with its stages in order, each `{ id, name, description, index }`. */
export function compactPipeline(pipeline: Item): Item {
  const { organization: _organization, tenant: _tenant, ...rest } = pipeline;
  if (!Array.isArray(pipeline.stages)) return rest;
  return { ...rest, stages: orderedStages(pipeline).map((stage) => ({ id: stage.id, name: stage.name, description: stage.description ?? null, index: stage.index })) };
}

export async function readDeal(ctx: ToolContext, id: string): Promise<Item> {
  return compactDeal(await fetchEntity(dealEntity, ctx, id, DEAL_RELATIONS));
}

export async function readPipeline(ctx: ToolContext, id: string): Promise<Item> {
  return compactPipeline(await fetchEntity(pipelineEntity, ctx, id, ['stages']));
}

/** The caller's organization's deals matching `where` (GET /api/deals: exact `where`, `skip` in rows), newest first. */
export async function readDeals(ctx: ToolContext, where: Record<string, QueryValue>, take: number, skip: number) {
  const query = { where: scopeWhere(ctx.scope, where), relations: [...DEAL_RELATIONS], order: { createdAt: 'DESC' as const }, take, skip };
  const page = normalizePage(await ctx.gauzy.get(dealEntity.path, { query }));
  return { ...page, items: page.items.map(compactDeal) };
}

/** Up to LOCAL_FILTER_ROWS deals matching `where`, 100 a request, for what Gauzy cannot filter or sum. */
export async function readManyDeals(ctx: ToolContext, where: Record<string, QueryValue>): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  let total = 0;
  while (items.length < LOCAL_FILTER_ROWS) {
    const page = await readDeals(ctx, where, 100, items.length);
    items.push(...page.items);
    total = page.total;
    if (page.items.length < 100 || items.length >= total) break;
  }
  return { items, total };
}

/** The organization's pipelines with their stages (up to 100), for lookups by stage. */
export async function readPipelines(ctx: ToolContext): Promise<Item[]> {
  const query = { where: scopeWhere(ctx.scope), relations: ['stages'], order: { createdAt: 'ASC' as const }, take: 100, skip: 0 };
  return normalizePage(await ctx.gauzy.get(pipelineEntity.path, { query })).items.map(compactPipeline);
}

/** GMCP_ERR_INVALID_ARGUMENTS naming one field, for what only Gauzy's data can show is wrong. */
export function invalidField(tool: string, field: string, message: string): GauzyMcpError {
  return new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [{ field, message }], fields: [field] });
}
