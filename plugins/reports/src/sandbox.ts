import { sandboxEntity, type SandboxEntity } from '@gauzy-mcp/core';
import { reportCategoryEntity, reportEntity, reportOrganizationEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve the report catalog as Gauzy does. Test code only. The catalog's
 * routes have logic of their own (testkit/src/routes/reports-routes.ts); these teach the store the rows.
 */
export const reportsSandbox: readonly SandboxEntity[] = [
  sandboxEntity(reportEntity, { defaults: () => ({ description: null, image: null, iconClass: null, showInMenu: false, categoryId: null }) }),
  sandboxEntity(reportCategoryEntity, { defaults: () => ({ iconClass: null }) }),
  sandboxEntity(reportOrganizationEntity, { defaults: () => ({ isEnabled: true, isActive: true, isArchived: false }) }),
];
