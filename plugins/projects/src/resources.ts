import { fetchEntity, type ResourceTemplateDefinition } from '@gauzy-mcp/core';
import { projectEntity } from './entities.js';
import { PROGRESS_ROUTES, taskStatusCounts } from './tools/progress.js';

/** A dashboard tile per project: its tasks by status and the share done, as get_project_progress counts them. */
export const projectProgress: ResourceTemplateDefinition = {
  uriTemplate: 'gauzy://projects/{id}/progress',
  name: 'project-progress',
  title: 'Project progress',
  description: 'A project\'s tasks counted by status and the share done (cancelled tasks left out). Subscribe to hear when a task moves.',
  mimeType: 'application/json',
  routes: PROGRESS_ROUTES,
  async read(uri, { id }, ctx) {
    const project = await fetchEntity(projectEntity, ctx, id!);
    const counts = await taskStatusCounts(ctx, id!);
    const progress = {
      projectId: id,
      name: project.name,
      status: project.status,
      percentComplete: counts.percentComplete,
      tasks: { total: counts.total, done: counts.done, byStatus: sorted(counts.byStatus), ...(counts.partial ? { partial: true } : {}) },
    };
    return [{ uri, mimeType: 'application/json', text: JSON.stringify(progress) }];
  },
};

/** Counts by status in one order, so two reads of the same tasks are the same text. */
const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
