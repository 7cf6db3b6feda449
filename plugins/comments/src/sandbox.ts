import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { BASE_ENTITY_TYPES, activityLogEntity, commentEntity, employeeNotificationEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve comments, the activity log and notifications as Gauzy does,
 * beyond the entities' descriptions. Test code only. The routes with logic of their own (comment create and
 * update, the activity-log list, notification create) are in testkit/src/routes/comments-routes.ts, which
 * reads the DTOs below from the comment entity's sandbox spec.
 */

/**
 * CreateCommentDTO = IntersectionType(TenantOrganizationBaseDTO, Comment, MentionEmployeeIdsDTO) + entityName,
 * under ValidationPipe({ whitelist: true }): the entity's decorated columns (members and teams have no
 * validator and are stripped). Checked against the real Gauzy: an ISO string passes resolvedAt's IsDate.
 */
const COMMENT_FIELDS: DtoSpec['fields'] = {
  comment: { type: 'string', required: true },
  actorType: { type: 'string', enum: ['System', 'User'] },
  resolved: { type: 'boolean' },
  resolvedAt: { type: 'isoDate' },
  editedAt: { type: 'isoDate' },
  employeeId: { type: 'uuid' },
  resolvedByEmployeeId: { type: 'uuid' },
  parentId: { type: 'uuid' },
  entity: { type: 'any', required: true, enum: BASE_ENTITY_TYPES },
  entityId: { type: 'uuid', required: true },
  mentionEmployeeIds: { type: 'array' },
  entityName: { type: 'string' },
};
const { entity: _entity, entityId: _entityId, ...COMMENT_UPDATE_FIELDS } = COMMENT_FIELDS;
const optional = (fields: DtoSpec['fields']) => Object.fromEntries(Object.entries(fields).map(([name, { required: _required, ...rule }]) => [name, rule]));

export const commentsSandbox: readonly SandboxEntity[] = [
  sandboxEntity(commentEntity, {
    defaults: () => ({
      entity: null, entityId: null, comment: null, actorType: null, resolved: null, resolvedAt: null, editedAt: null,
      employeeId: null, resolvedByEmployeeId: null, parentId: null,
    }),
    // TenantAwareCrudService.create sets `tenant: {id}` on the entity it saves, and answers that entity.
    createAnswer: { virtuals: false, tenant: true },
    dto: {
      create: { fields: COMMENT_FIELDS, tenantOrganization: true, whitelist: true },
      // UpdateCommentDTO = PartialType(OmitType(CreateCommentDTO, ['entity', 'entityId'])): the organization optional too.
      update: { fields: optional(COMMENT_UPDATE_FIELDS), tenantOrganization: 'optional', whitelist: true },
    },
    fromBody: (body) => {
      const out: Record<string, unknown> = { ...body };
      for (const key of ['mentionEmployeeIds', 'entityName', 'organization', 'tenant', 'members', 'teams']) delete out[key];
      return out;
    },
  }),
  sandboxEntity(activityLogEntity, {
    defaults: () => ({
      entity: null, entityId: null, action: null, actorType: null, description: null, updatedFields: null, previousValues: null,
      updatedValues: null, previousEntities: null, updatedEntities: null, data: null, employeeId: null,
    }),
  }),
  sandboxEntity(employeeNotificationEntity, {
    defaults: () => ({
      entity: null, entityId: null, title: null, message: null, type: null, isRead: false, readAt: null, onHoldUntil: null,
      sentByEmployeeId: null, receiverEmployeeId: null,
    }),
  }),
];
