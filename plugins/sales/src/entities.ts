import { defineEntity, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const DEALS_TOOLSET = 'deals';
export const PIPELINES_TOOLSET = 'pipelines';

type Item = Record<string, unknown>;

const ref = (record: unknown, fallbackId: unknown, noun: string): string => {
  const item = record && typeof record === 'object' ? (record as Item) : undefined;
  if (item?.name) return `${String(item.name)} (id ${String(item.id)})`;
  return fallbackId ? `${noun} ${String(fallbackId)}` : '';
};

/** A stage as a deal's line names it: its name, place in the pipeline and id, and the pipeline when joined. */
export function stageLabel(stage: Item | undefined, stageId: unknown): string {
  if (!stage || typeof stage !== 'object' || !stage.name) return stageId ? `stage ${String(stageId)}` : 'no stage';
  const pipeline = stage.pipeline as Item | undefined;
  return `stage ${String(stage.name)} (#${String(stage.index ?? '?')}, id ${String(stage.id)})${pipeline?.name ? ` of ${ref(pipeline, undefined, 'pipeline')}` : ''}`;
}

/** A deal on one line: title, id, stage (and pipeline), probability on Gauzy's 0-5 scale, client. */
export function describeDeal(deal: Item): string {
  const client = ref(deal.client, deal.clientId, 'client');
  const facts = [stageLabel(deal.stage as Item | undefined, deal.stageId), `probability ${String(deal.probability ?? "-")}`, client ? `client ${client}` : 'no client'];
  return `"${String(deal.title ?? '(untitled)')}" (id ${String(deal.id)}) · ${facts.join(' · ')}`;
}

/** Stages in their pipeline order (Gauzy's PipelineSubscriber sorts them by index after loading). */
export function orderedStages(pipeline: Item): Item[] {
  const stages = Array.isArray(pipeline.stages) ? (pipeline.stages as Item[]) : [];
  return [...stages].sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
}

/** A pipeline on one line: name, id, active or not, its stages in order with their ids. */
export function describePipeline(pipeline: Item): string {
  const stages = Array.isArray(pipeline.stages)
    ? orderedStages(pipeline).map((stage) => `${String(stage.index)}. ${String(stage.name)} (id ${String(stage.id)})`)
    : undefined;
  const facts = [
    pipeline.isActive === false ? 'inactive' : 'active',
    pipeline.description ? `"${String(pipeline.description)}"` : '',
    stages ? (stages.length ? `stages: ${stages.join(', ')}` : 'no stages') : '',
  ].filter(Boolean);
  return `${String(pipeline.name ?? '(unnamed)')} (id ${String(pipeline.id)}) · ${facts.join(' · ')}`;
}

/** Deal columns a caller sets (Deal entity: title IsNotEmpty, probability IsInt 0..5, stageId IsUUID, clientId optional). */
export const dealFields = {
  title: z.string().trim().min(1),
  probability: z.number().int().min(0).max(5),
  stageId: uuid(),
  clientId: uuid().optional(),
};

/**
 * Gauzy's deal (packages/core/src/lib/deal): DealController overrides GET /, GET /:id and POST; PUT /:id,
 * DELETE /:id and the soft routes are CrudController's, behind the class's VIEW_SALES_PIPELINES. Its own GET
 * /:id is declared before the inherited /count and /pagination, which it shadows (they answer 406 "Validation
 * failed (valid uuid is expected)", seen on the real Gauzy), so every list reads GET / (`where` exact, `skip` rows).
 * A deal has no amount and no owner column besides createdByUserId (set by Gauzy from the caller).
 */
export const dealEntity = defineEntity({
  name: 'deal',
  gauzyClass: 'Deal',
  noun: 'deal',
  plural: 'deals',
  path: '/api/deals',
  operations: ['findAll', 'findById', 'create', 'update', 'delete'],
  scope: 'organization',
  fields: dealFields,
  columns: ['createdByUserId'],
  relations: {
    stage: { kind: 'manyToOne', entity: 'pipelineStage', key: 'stageId' },
    client: { kind: 'manyToOne', entity: 'organizationContact', key: 'clientId' },
  },
  // The tools join stage, pipeline and client themselves, for the line: no relations parameter is offered.
  include: [],
  aliases: {
    list: ['get_deals', 'get_deal_count', 'get_deals_by_client', 'search_deals'],
    get: ['get_deal'],
  },
  describe: describeDeal,
});

/** A pipeline's stage (PipelineStage): Gauzy has no route of its own for it; stages are saved with their pipeline. */
export const pipelineStageEntity = defineEntity({
  name: 'pipelineStage',
  gauzyClass: 'PipelineStage',
  noun: 'pipeline stage',
  plural: 'pipeline stages',
  path: '',
  operations: [],
  scope: 'organization',
  fields: { name: z.string(), description: z.string().optional(), index: z.number().int().min(1), pipelineId: uuid() },
  relations: { pipeline: { kind: 'manyToOne', entity: 'pipeline', key: 'pipelineId' } },
  include: [],
});

/** A stage as create_pipeline and add_pipeline_stage take it (PipelineStage: name IsNotEmpty, description optional). */
export const stageInput = {
  name: z.string().trim().min(1),
  description: z.string().trim().optional(),
};

/**
 * Gauzy's pipeline (packages/core/src/lib/pipeline): its own GET /pagination (ValidationPipe; `name` and
 * `description` LIKE), GET /, GET /:pipelineId/deals, GET /:id, POST, PUT /:id and DELETE /:id; the inherited
 * /count is shadowed by /:id. Stages are saved through the pipeline: POST inserts them (cascade, numbered 1.. in
 * the order given), PUT diffs them (see tools/stages.ts). Deleting a pipeline deletes its stages and their deals.
 */
export const pipelineEntity = defineEntity({
  name: 'pipeline',
  gauzyClass: 'Pipeline',
  noun: 'pipeline',
  plural: 'pipelines',
  path: '/api/pipelines',
  operations: ['findAll', 'pagination', 'findById', 'create', 'update', 'delete'],
  scope: 'organization',
  fields: {
    name: z.string().trim().min(1),
    description: z.string().trim().optional(),
    isActive: z.boolean().optional(),
  },
  relations: { stages: { kind: 'oneToMany', entity: 'pipelineStage', key: 'pipelineId' } },
  // Every pipeline answer joins its stages.
  include: [],
  search: { field: 'name', operation: 'pagination' },
  describe: describePipeline,
});
