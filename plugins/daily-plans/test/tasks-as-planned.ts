import { defineEntity, sandboxEntity } from '@gauzy-mcp/core';

/**
 * Plans hold tasks, and the task entity is the tasks pack's: a pack may not import another, so the tests
 * teach the sandbox a task as a plan shows it (no routes of its own; its key computed as TaskSubscriber does).
 */
export const tasksAsPlanned = sandboxEntity(
  defineEntity({ name: 'task', gauzyClass: 'Task', noun: 'task', plural: 'tasks', path: '', operations: [], scope: 'organization', fields: {} }),
  { virtuals: (row) => ({ taskNumber: [row.prefix ? String(row.prefix).toUpperCase() : '', Number(row.number) || 0].filter(Boolean).join('-') }) },
);
