import { defineEntity, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

/**
 * Gauzy's organization departments (OrganizationDepartmentController), described once: the tools
 * (src/index.ts) and the sandbox's model of them (src/sandbox.ts) are derived from this.
 */
export const departmentEntity = defineEntity({
  name: 'organizationDepartment',
  gauzyClass: 'OrganizationDepartment',
  noun: 'department',
  plural: 'departments',
  path: '/api/organization-department',
  // No pagination: its route wants ORG_INCOMES_VIEW. No soft delete: the inherited recover cannot restore.
  operations: ['findAll', 'count', 'findById', 'create', 'update', 'delete'],
  // findAll reads `?data={"findInput":…,"relations":…,"order":…}` (ParseJsonPipe) and answers every row.
  list: { query: 'data', paging: 'none' },
  fields: {
    name: z.string().min(1).max(255).describe('Department name'),
    memberIds: z.array(uuid()).max(200).optional().describe('Employee ids of its members (replaces the list on update)'),
  },
  // PUT /:id takes IOrganizationDepartmentCreateInput: send the department whole, members as [{id}].
  update: { mode: 'merge', bodyFields: ['name', 'memberIds'], relations: ['members'] },
  body: (values, current) => {
    const { memberIds, ...rest } = values;
    const currentIds = (current?.members as Array<{ id: string }> | undefined)?.map((member) => member.id);
    const ids = (memberIds as string[] | undefined) ?? currentIds;
    return ids ? { ...rest, members: ids.map((id) => ({ id })) } : rest;
  },
  relations: { members: { entity: 'employee', kind: 'manyToMany', key: 'memberIds' } },
  scope: 'organization',
  describe: (item) => `${String(item.name)} (${String(item.id)})`,
});
