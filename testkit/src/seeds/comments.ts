import { insertEntity } from '../engine/records.js';
import type { SeedInfo } from '../seed.js';
import type { SandboxStore } from '../store.js';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/**
 * Demo rows for the comments pack (Gauzy's demo seed has them too): a short thread on the first demo task,
 * a long comment on the first project, and the activity log Gauzy would have written for the task and the
 * project (a creation, a status change, a budget change and a system update).
 */
export function seedCommentsDemo(store: SandboxStore, info: SeedInfo): void {
  const scope = { tenantId: info.tenantId, organizationId: info.organizationId };
  const task = store.list('task').find((row) => row.organizationId === info.organizationId && !row.deletedAt);
  const project = info.projects[0];
  const { superAdmin, localAdmin, employee } = info.users;
  const colleague = info.demoEmployees[0];
  if (!task || !project || !colleague) return;

  const question = insertEntity(store, 'comment', {
    entity: 'Task', entityId: task.id, comment: 'Should the repository keep the docs folder, or do they move to the wiki?', employeeId: employee.employeeId,
    createdAt: hoursAgo(30), updatedAt: hoursAgo(30),
  }, { ...scope, createdByUserId: employee.id });
  insertEntity(store, 'comment', {
    entity: 'Task', entityId: task.id, comment: 'Keep them in the repository; the wiki links to them.', employeeId: superAdmin.employeeId, parentId: question.id,
    createdAt: hoursAgo(29), updatedAt: hoursAgo(29),
  }, { ...scope, createdByUserId: superAdmin.id });
  insertEntity(store, 'comment', {
    entity: 'OrganizationProject', entityId: project.id, employeeId: colleague.employeeId, createdAt: hoursAgo(5), updatedAt: hoursAgo(5),
    comment: 'The release checklist for this project now lives in the repository. Please read it before the next deploy: it covers migrations, feature flags, the changelog and the rollback plan.',
  }, { ...scope, createdByUserId: colleague.userId });

  const logs = [
    // An admin's entries carry no employeeId (RequestContext.currentEmployeeId is null with CHANGE_SELECTED_EMPLOYEE), an employee's do.
    { entity: 'Task', entityId: task.id, action: 'Created', actorType: 'User', description: `Created a new Task called "${String(task.title)}"`, employeeId: null, at: 48, by: superAdmin.id },
    {
      entity: 'Task', entityId: task.id, action: 'Updated', actorType: 'User', description: `Updated Task "${String(task.title)}"`, employeeId: employee.employeeId, at: 26, by: employee.id,
      updatedFields: ['status'], previousValues: [{ status: 'open' }], updatedValues: [{ status: 'in-progress' }],
    },
    {
      entity: 'OrganizationProject', entityId: project.id, action: 'Updated', actorType: 'User', description: `Updated OrganizationProject "${project.name}"`, employeeId: null, at: 6, by: localAdmin.id,
      updatedFields: ['budget'], previousValues: [{ budget: 300 }], updatedValues: [{ budget: 380 }],
    },
    { entity: 'Task', entityId: task.id, action: 'Updated', actorType: 'System', description: `Updated Task "${String(task.title)}"`, employeeId: null, at: 2, by: null, updatedFields: ['isDraft'], previousValues: [{ isDraft: true }], updatedValues: [{ isDraft: false }] },
  ];
  for (const { at, by, ...log } of logs) {
    insertEntity(store, 'activityLog', { updatedFields: null, previousValues: null, updatedValues: null, ...log, data: { id: log.entityId }, createdAt: hoursAgo(at), updatedAt: hoursAgo(at) }, { ...scope, createdByUserId: by });
  }
}
