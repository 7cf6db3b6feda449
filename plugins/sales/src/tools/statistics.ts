import { defineTool, entityRoute, ok } from '@gauzy-mcp/core';
import { z } from 'zod';
import { DEALS_TOOLSET as toolset, dealEntity, pipelineEntity } from '../entities.js';
import { dealFilters, filterWhere } from './deals.js';
import { readManyDeals, readPipelines } from './read.js';

type Item = Record<string, unknown>;

interface Tally { id: string; name: string; deals: number; averageProbability: number | null }
interface StageTally extends Tally { index: number }
interface PipelineTally extends Tally { stages: StageTally[] }

const average = (sum: number, count: number) => (count ? Math.round((sum / count) * 10) / 10 : null);

/**
 * Gauzy has no deal statistics route (GET /api/deals/statistics is read as /:id): the deals are read once (up to
 * LOCAL_FILTER_ROWS) and counted here per pipeline, per stage in the pipeline's order (empty stages too) and per
 * client, with the average probability (Gauzy's 0-5 scale). Deals carry no amount, so there is none to sum.
 */
export const getDealStatistics = defineTool({
  name: 'get_deal_statistics',
  title: 'Deal statistics',
  description: 'Deal counts per pipeline, stage and client, with average probability.',
  toolset,
  effect: 'read',
  input: z.object({ pipelineId: dealFilters.pipelineId, clientId: dealFilters.clientId, createdByUserId: dealFilters.createdByUserId }),
  output: z.looseObject({ deals: z.number() }),
  routes: [entityRoute(dealEntity, 'findAll'), entityRoute(pipelineEntity, 'findAll')],
  async handler(args, ctx) {
    const [read, pipelines] = await Promise.all([readManyDeals(ctx, filterWhere(args)), readPipelines(ctx)]);
    const pipelineTallies = new Map<string, PipelineTally & { sum: number; stageSums: Map<string, number> }>();
    for (const pipeline of pipelines) {
      if (args.pipelineId && pipeline.id !== args.pipelineId) continue;
      const stages = ((pipeline.stages as Item[] | undefined) ?? []).map((stage) => ({ id: String(stage.id), name: String(stage.name), index: Number(stage.index), deals: 0, averageProbability: null }));
      pipelineTallies.set(String(pipeline.id), { id: String(pipeline.id), name: String(pipeline.name), deals: 0, averageProbability: null, stages, sum: 0, stageSums: new Map() });
    }
    const clients = new Map<string, Tally & { sum: number }>();
    let sum = 0;
    for (const deal of read.items) {
      const probability = Number(deal.probability ?? 0);
      sum += probability;
      const stage = deal.stage as Item | null;
      const pipeline = stage ? pipelineTallies.get(String(stage.pipelineId)) : undefined;
      if (pipeline) {
        pipeline.deals += 1;
        pipeline.sum += probability;
        const entry = pipeline.stages.find((candidate) => candidate.id === stage!.id);
        if (entry) {
          entry.deals += 1;
          pipeline.stageSums.set(entry.id, (pipeline.stageSums.get(entry.id) ?? 0) + probability);
        }
      }
      const client = deal.client as Item | null;
      const key = client ? String(client.id) : 'none';
      const tally = clients.get(key) ?? { id: key, name: client ? String(client.name) : 'no client', deals: 0, averageProbability: null, sum: 0 };
      tally.deals += 1;
      tally.sum += probability;
      clients.set(key, tally);
    }
    const byPipeline: PipelineTally[] = [...pipelineTallies.values()].map(({ sum: total, stageSums, ...pipeline }) => ({
      ...pipeline,
      averageProbability: average(total, pipeline.deals),
      stages: pipeline.stages.map((stage) => ({ ...stage, averageProbability: average(stageSums.get(stage.id) ?? 0, stage.deals) })),
    }));
    const byClient: Tally[] = [...clients.values()].map(({ sum: total, ...client }) => ({ ...client, averageProbability: average(total, client.deals) })).sort((a, b) => b.deals - a.deals);
    const cut = read.items.length < read.total;
    const note = cut ? `Only the newest ${read.items.length} of ${read.total} deals were read and counted.` : undefined;
    const structured = { deals: read.items.length, averageProbability: average(sum, read.items.length), byPipeline, byClient, ...(note ? { note } : {}) };
    const probability = (value: number | null) => (value === null ? '' : `, average probability ${value}`);
    const text = read.items.length
      ? [
          `${read.items.length} deal${read.items.length === 1 ? '' : 's'}${probability(structured.averageProbability)}.`,
          ...byPipeline.map((pipeline) => `- ${pipeline.name} (id ${pipeline.id}): ${pipeline.deals} deal${pipeline.deals === 1 ? '' : 's'}${probability(pipeline.averageProbability)}; ${pipeline.stages.map((stage) => `${stage.index}. ${stage.name} ${stage.deals}`).join(', ') || 'no stages'}`),
          `By client: ${byClient.map((client) => `${client.name}${client.id === 'none' ? '' : ` (id ${client.id})`} ${client.deals}`).join('; ')}.`,
          ...(note ? [note] : []),
        ].join('\n')
      : 'No deals found.';
    return ok(structured, text);
  },
});
