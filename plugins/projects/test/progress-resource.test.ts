import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, defineEntity, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient, until } from '@gauzy-mcp/testkit';
import projectsPlugin from '../src/index.js';
import { projectsSandbox } from '../src/sandbox.js';

/** The task list this pack reads (the tasks pack owns the task entity; a pack imports no other). */
const tasksAsRead = defineEntity({ name: 'task', gauzyClass: 'Task', noun: 'task', plural: 'tasks', path: '/api/tasks', operations: ['findAll'], scope: 'organization', fields: {} });

let sandbox: Sandbox;
let admin: TestClient;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: [...projectsSandbox, tasksAsRead] });
  admin = await connectInMemory(createKernel({ plugins: [projectsPlugin], log: silentLogger, live: { pollIntervalMs: 100 }, ...kernelOptionsFor(sandbox, 'superAdmin') }).serverFactory, { protocol: '2025-06-18' });
});
after(async () => {
  await admin.close();
  await sandbox.close();
});

async function progressOf(projectId: string): Promise<Record<string, any>> {
  const { contents } = await admin.client.readResource({ uri: `gauzy://projects/${projectId}/progress` });
  return JSON.parse((contents[0] as { text: string }).text);
}

test('gauzy://projects/{id}/progress counts the tasks by status as get_project_progress does', async () => {
  const templates = (await admin.client.listResourceTemplates()).resourceTemplates;
  assert.ok(templates.some((template) => template.uriTemplate === 'gauzy://projects/{id}/progress'));
  const project = sandbox.seed.projects[0]!;
  const tool = await admin.call('get_project_progress', { projectId: project.id });
  const progress = await progressOf(project.id);
  assert.deepEqual(progress, {
    projectId: project.id,
    name: project.name,
    status: tool.structured!.status,
    percentComplete: tool.structured!.percentComplete,
    tasks: { total: (tool.structured!.tasks as any).total, done: (tool.structured!.tasks as any).done, byStatus: (tool.structured!.tasks as any).byStatus },
  });
  await assert.rejects(admin.client.readResource({ uri: 'gauzy://projects/00000000-0000-4000-8000-000000000000/progress' }), /Gauzy (rejected the request|found no such record)/);
});

test('a subscriber to a project\'s progress hears when one of its tasks moves, and not when another project\'s does', async () => {
  const [project, other] = [sandbox.seed.projects[1]!, sandbox.seed.projects[2]!];
  const updates: string[] = [];
  admin.client.setNotificationHandler('notifications/resources/updated', (notification) => void updates.push(notification.params.uri));
  await admin.client.subscribeResource({ uri: `gauzy://projects/${project.id}/progress` });
  try {
    const polls = () => sandbox.requests.filter((request) => request.path === `/api/organization-projects/${project.id}`).length;
    const otherTask = sandbox.db.list('task').find((task) => task.projectId === other.id && task.status !== 'done')!;
    otherTask.status = 'done';
    const before = polls();
    await until('three more polls', () => polls() >= before + 3);
    assert.deepEqual(updates, [], "another project's task is not this project's progress");

    const task = sandbox.db.list('task').find((row) => row.projectId === project.id && row.status !== 'done')!;
    task.status = 'done';
    await until('the update', () => updates.length === 1);
    assert.deepEqual(updates, [`gauzy://projects/${project.id}/progress`]);
  } finally {
    await admin.client.unsubscribeResource({ uri: `gauzy://projects/${project.id}/progress` });
  }
});
