import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { projectEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve projects as Gauzy does, beyond the entity's description. Test
 * code only: the pack's production entry never imports this.
 */

/**
 * CreateOrganizationProjectDTO = IntersectionType(OrganizationProjectDTO, TenantOrganizationBaseDTO), and
 * OrganizationProjectDTO = PickType(OrganizationProject, [imageId, name, billing, budgetType]) ∩
 * PartialType(UpdateTaskModeDTO) ∩ MemberEntityBasedDTO: the picked columns come first, then the organization
 * properties (made IsOptional by the PartialType), then taskListType, memberIds, managerIds. The entity's
 * `name` has only IsNotEmpty (no IsString).
 */
const PROJECT_OWN_FIELDS: DtoSpec['fields'] = {
  imageId: { type: 'uuid' },
  name: { type: 'any', required: true },
  billing: { type: 'string', enum: ['RATE', 'FLAT_FEE', 'MILESTONES'] },
  budgetType: { type: 'string', enum: ['hours', 'cost'] },
};
const PROJECT_MORE_FIELDS: DtoSpec['fields'] = {
  taskListType: { type: 'string', enum: ['GRID', 'SPRINT'] },
  memberIds: { type: 'array' },
  managerIds: { type: 'array' },
};
const PROJECT_FIELDS: DtoSpec['fields'] = { ...PROJECT_OWN_FIELDS, ...PROJECT_MORE_FIELDS };

export const projectsSandbox: readonly SandboxEntity[] = [
  sandboxEntity(projectEntity, {
    // OrganizationProjectService.findById: HttpException(`Failed to find organization project: ${error.message}`, BAD_REQUEST).
    findByIdFailure: { status: 400, prefix: 'Failed to find organization project: ' },
    defaults: () => ({
      name: null, startDate: null, endDate: null, billing: null, currency: null, public: null, owner: null, taskListType: 'GRID',
      code: null, description: null, color: null, billable: null, billingFlat: null, openSource: null, projectUrl: null,
      openSourceProjectUrl: null, budget: null, budgetType: 'cost', imageUrl: null, icon: null, status: 'open', isTasksAutoSync: true,
      isTasksAutoSyncOnLabel: true, syncTag: null, archiveTasksIn: null, closeTasksIn: null, membersCount: 0,
      organizationContactId: null, imageId: null, defaultAssigneeId: null, customFields: { repositoryId: null },
    }),
    virtuals: () => ({ image: null }),
    createAnswer: { virtuals: false, relations: ['members', 'tags'], tenant: true },
    // OrganizationProjectSubscriber.beforeEntityCreate: no imageUrl ⇒ getDummyImage(330, 300, initials of the first
    // two words); Gauzy samples the colour from four, the sandbox picks one by the name so answers repeat.
    onCreate: (row) => {
      if (row.imageUrl || !row.name) return;
      const name = String(row.name);
      const initials = name.toLowerCase().split(' ').slice(0, 2).map((word) => word.charAt(0)).join('').toUpperCase();
      const colours = ['269aff', 'ffaf26', '8b72ff', '0ecc9D'];
      const colour = colours[[...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % colours.length];
      row.imageUrl = `https://dummyimage.com/330x300/${colour}/ffffff.jpg&text=${initials}`;
    },
    dto: {
      create: { ownFields: PROJECT_OWN_FIELDS, fields: PROJECT_MORE_FIELDS, tenantOrganization: 'optional' },
      update: { fields: { ...PROJECT_FIELDS, name: { type: 'string' } }, tenantOrganization: true },
    },
    fromBody: (body) => {
      const out: Record<string, unknown> = { ...body };
      delete out.memberIds; delete out.managerIds; delete out.members; delete out.organization; delete out.tenant; delete out.tags;
      return out;
    },
  }),
];
