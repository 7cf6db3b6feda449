import { sandboxEntity, type SandboxEntity } from '@gauzy-mcp/core';
import { departmentEntity } from './entity.js';

/**
 * What the testkit's sandbox needs to serve departments as Gauzy does, beyond the entity. Test code only:
 * the production entry (src/index.ts) never imports it.
 */
export const departmentSandbox: readonly SandboxEntity[] = [
  sandboxEntity(departmentEntity, {
    // The body's `members: [{id}]` is the join table; the sandbox stores it as the id list the relation names.
    fromBody: (body) => {
      const { members, ...rest } = body;
      return Array.isArray(members) ? { ...rest, memberIds: members.map((member) => (member as { id: string }).id) } : rest;
    },
    defaults: () => ({ memberIds: [] }),
    // POST takes DeepPartial<OrganizationDepartment> unvalidated and PUT /:id an interface: no class-validator rules.
    dto: { create: { fields: {} }, update: { fields: {} } },
  }),
];
