import { defined, defineTool, entityOutput, entityRoute, GauzyMcpError, normalizePage, ok, uuid, type RouteRef, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import { PIPELINES_TOOLSET as toolset, dealEntity, describePipeline, pipelineEntity, stageInput } from '../entities.js';
import { invalidField, readPipeline } from './read.js';

type Item = Record<string, unknown>;

export const PIPELINE_DEALS = 'GET /api/pipelines/:pipelineId/deals' as RouteRef;
const BY_ID = entityRoute(pipelineEntity, 'findById');
const UPDATE = entityRoute(pipelineEntity, 'update');
const DEAL_UPDATE = entityRoute(dealEntity, 'update');

/** Every deal whose stage is in the pipeline (PipelineService.getPipelineDeals: no paging, ordered by stage). */
export async function readPipelineDeals(ctx: ToolContext, pipelineId: string, relations: string[] = []): Promise<Item[]> {
  const query = { where: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, ...(relations.length ? { relations } : {}) };
  return normalizePage(await ctx.gauzy.get('/api/pipelines/:pipelineId/deals', { params: { pipelineId }, query })).items;
}

/** A stage as PUT /api/pipelines/:id takes it: with its id it is kept (and renamed), without one it is added. */
export type StageBody = { id?: unknown; name: unknown; description?: unknown };

/**
 * PipelineService.update saves the pipeline and diffs `stages`: a sent stage with an id is saved, one without is
 * inserted, every stage of the pipeline not sent is deleted (its deals with it), and the stages are renumbered
 * 1.. in the order sent. It validates the whole UpdatePipelineDTO (name required) and answers a failure (an
 * unknown id, a failed save) with 202 and no body, rolled back: so the pipeline is read back and checked.
 */
export async function putPipeline(ctx: ToolContext, current: Item, stages: readonly StageBody[], changes: Item = {}): Promise<Item> {
  const scope = { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
  const id = String(current.id);
  const body = {
    name: current.name,
    ...(current.description !== null && current.description !== undefined ? { description: current.description } : {}),
    isActive: current.isActive ?? true,
    ...changes,
    stages: stages.map((stage, position) => ({ ...defined({ id: stage.id, name: stage.name, description: stage.description ?? undefined }), index: position + 1, pipelineId: id, ...scope })),
    ...scope,
  };
  await ctx.gauzy.put(`${pipelineEntity.path}/:id`, body, { params: { id } });
  const saved = await readPipeline(ctx, id);
  const names = (saved.stages as Item[]).map((stage) => String(stage.name));
  const wanted = stages.map((stage) => String(stage.name));
  const unsaved = Object.entries(changes).some(([key, value]) => saved[key] !== value);
  if (unsaved || names.join('\n') !== wanted.join('\n')) {
    throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', [`Gauzy accepted the change to pipeline ${id} but did not save it (its stages are now: ${names.join(', ') || 'none'})`]);
  }
  return saved;
}

const stagesOf = (pipeline: Item) => pipeline.stages as Item[];

function findStage(tool: string, pipeline: Item, stageId: string, field = 'stageId'): Item {
  const stage = stagesOf(pipeline).find((entry) => entry.id === stageId);
  if (!stage) throw invalidField(tool, field, `not a stage of pipeline ${String(pipeline.name)}; its stages: ${stagesOf(pipeline).map((entry) => `${String(entry.name)} (id ${String(entry.id)})`).join(', ') || 'none'}`);
  return stage;
}

/** `list` with `item` moved to 1-based `position` (clamped; default: where it is, or last when new). */
function placed<T>(list: readonly T[], item: T, position?: number): T[] {
  const rest = list.filter((entry) => entry !== item);
  const at = position === undefined ? (list.includes(item) ? list.indexOf(item) : rest.length) : Math.min(Math.max(position - 1, 0), rest.length);
  return [...rest.slice(0, at), item, ...rest.slice(at)];
}

const position = z.number().int().min(1).optional();

export const addPipelineStage = defineTool({
  name: 'add_pipeline_stage',
  title: 'Add a stage to a pipeline',
  description: 'Add a stage to a pipeline, last or at position.',
  toolset,
  effect: 'write',
  input: z.object({ pipelineId: uuid(), ...stageInput, position }),
  output: entityOutput,
  routes: [BY_ID, UPDATE],
  async handler({ pipelineId, position: at, ...stage }, ctx) {
    const pipeline = await readPipeline(ctx, pipelineId);
    const added: StageBody = defined(stage) as StageBody;
    const saved = await putPipeline(ctx, pipeline, placed<StageBody>(stagesOf(pipeline) as StageBody[], added, at));
    return ok(saved, `Added stage ${stage.name}: ${describePipeline(saved)}`);
  },
});

export const updatePipelineStage = defineTool({
  name: 'update_pipeline_stage',
  title: 'Change a pipeline stage',
  description: "Rename, describe or reorder a pipeline's stage; its deals stay.",
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({ pipelineId: uuid(), stageId: uuid(), name: stageInput.name.optional(), description: stageInput.description, position }),
  output: entityOutput,
  routes: [BY_ID, UPDATE],
  async handler({ pipelineId, stageId, position: at, ...changes }, ctx) {
    const given = defined(changes);
    if (!Object.keys(given).length && at === undefined) throw invalidField('update_pipeline_stage', '(arguments)', 'give at least one of name, description, position');
    const pipeline = await readPipeline(ctx, pipelineId);
    const stage = findStage('update_pipeline_stage', pipeline, stageId);
    const changed = { ...stage, ...given };
    const stages = placed(stagesOf(pipeline).map((entry) => (entry === stage ? changed : entry)), changed, at);
    const saved = await putPipeline(ctx, pipeline, stages as StageBody[]);
    return ok(saved, `Changed stage ${String(changed.name)}: ${describePipeline(saved)}`);
  },
});

/**
 * Gauzy deletes a stage's deals with it (Deal.stage is ON DELETE CASCADE). So a stage with deals is removed only
 * once they are moved to another stage of the pipeline (moveDealsToStageId); a failed move stops before the removal.
 */
export const removePipelineStage = defineTool({
  name: 'remove_pipeline_stage',
  title: 'Remove a stage from a pipeline',
  description: 'Remove a stage from its pipeline, first moving its deals (Gauzy would delete them) to moveDealsToStageId.',
  toolset,
  effect: 'delete',
  input: z.object({ pipelineId: uuid(), stageId: uuid(), moveDealsToStageId: uuid().optional() }),
  output: entityOutput,
  routes: [BY_ID, PIPELINE_DEALS, DEAL_UPDATE, UPDATE],
  async handler({ pipelineId, stageId, moveDealsToStageId }, ctx) {
    const tool = 'remove_pipeline_stage';
    const pipeline = await readPipeline(ctx, pipelineId);
    const stage = findStage(tool, pipeline, stageId);
    const target = moveDealsToStageId ? findStage(tool, pipeline, moveDealsToStageId, 'moveDealsToStageId') : undefined;
    if (target === stage) throw invalidField(tool, 'moveDealsToStageId', 'must be another stage than the one removed');
    const deals = (await readPipelineDeals(ctx, pipelineId)).filter((deal) => deal.stageId === stageId);
    if (deals.length && !target) {
      const titles = deals.slice(0, 5).map((deal) => `"${String(deal.title)}" (id ${String(deal.id)})`).join(', ');
      throw invalidField(tool, 'moveDealsToStageId', `stage ${String(stage.name)} has ${deals.length} deal(s) (${titles}${deals.length > 5 ? ', …' : ''}), which Gauzy would delete with it: give another stage of this pipeline to move them to, or delete them first`);
    }
    const moved: string[] = [];
    for (const deal of deals) {
      try {
        await ctx.gauzy.put(`${dealEntity.path}/:id`, { stageId: target!.id, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { id: String(deal.id) } });
        moved.push(String(deal.id));
      } catch (error) {
        if (error instanceof GauzyMcpError) error.details.hint = `Moved ${moved.length} of ${deals.length} deals to ${String(target!.name)} (${moved.join(', ') || 'none'}); the stage was not removed.`;
        throw error;
      }
    }
    const saved = await putPipeline(ctx, pipeline, stagesOf(pipeline).filter((entry) => entry !== stage) as StageBody[]);
    const movedText = moved.length ? ` after moving its ${moved.length} deal(s) to ${String(target!.name)}` : '';
    return ok({ ...saved, removedStageId: stageId, movedDealIds: moved }, `Removed stage ${String(stage.name)}${movedText}: ${describePipeline(saved)}`);
  },
});
