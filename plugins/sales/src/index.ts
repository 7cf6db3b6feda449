import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { DEALS_TOOLSET, PIPELINES_TOOLSET } from './entities.js';
import { createDeal, deleteDeal, getDeal, listDeals, updateDeal } from './tools/deals.js';
import { createPipeline, deletePipeline, getPipeline, listPipelines, updatePipeline } from './tools/pipelines.js';
import { withSalesHints } from './tools/hints.js';
import { retiredDealTools } from './tools/retired.js';
import { addPipelineStage, removePipelineStage, updatePipelineStage } from './tools/stages.js';
import { getDealStatistics } from './tools/statistics.js';

export const salesPlugin = definePlugin({
  name: 'sales',
  version: packageJson.version,
  description: 'Gauzy sales pipelines with their stages, and deals.',
  kernel: '^1.2.0',
  toolsets: [
    { name: DEALS_TOOLSET, description: 'Deals: find, create, change, move through stages, delete, statistics' },
    { name: PIPELINES_TOOLSET, description: 'Sales pipelines and their stages; a pipeline with its deals' },
  ],
  tools: [
    listDeals, getDeal, createDeal, updateDeal, deleteDeal, getDealStatistics, ...retiredDealTools,
    listPipelines, getPipeline, createPipeline, updatePipeline, deletePipeline, addPipelineStage, updatePipelineStage, removePipelineStage,
  ].map(withSalesHints),
});

export default salesPlugin;
