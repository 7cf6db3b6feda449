import { GauzyMcpError, MAX_BULK_ITEMS, bulkOutput, defineTool, entityRoute, runBulk, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { CommentedEntity, NOTIFICATIONS_TOOLSET as toolset, NotificationType, employeeNotificationEntity } from '../entities.js';

/**
 * send_notifications: Gauzy's POST /api/employee-notification (the inherited CrudController create, body
 * unvalidated) makes one in-app notification for one receiver (EmployeeNotificationService.create); this tool
 * sends one per employee and reports each. The service checks the receiver's notification settings and, when
 * they turned that type off, saves nothing and answers an empty 201. `entity`/`entityId` are NOT NULL columns:
 * a notification is always about a record, by default the organization.
 */
export const sendNotifications = defineTool({
  name: 'send_notifications',
  title: 'Notify employees',
  description: 'Send an in-app notification to employees, optionally about a record; reports each one.',
  toolset,
  effect: 'write',
  input: z.object({
    employeeIds: z.array(uuid()).min(1).max(MAX_BULK_ITEMS).describe('Receivers'),
    title: z.string().trim().min(1).max(255),
    message: z.string().max(5000).optional(),
    type: NotificationType.default('Message'),
    entity: CommentedEntity.optional().describe('What it is about (default: the organization)'),
    entityId: uuid().optional(),
  }),
  output: bulkOutput,
  routes: [entityRoute(employeeNotificationEntity, 'create')],
  async handler({ employeeIds, title, message, type, entity, entityId }, ctx) {
    if (!entity !== !entityId) {
      const field = entity ? 'entityId' : 'entity';
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['send_notifications'], { issues: [{ field, message: 'give entity and entityId together' }], fields: [field] });
    }
    const about = entity && entityId ? { entity, entityId } : { entity: 'Organization', entityId: ctx.scope.organizationId };
    const receivers = [...new Set(employeeIds)];
    return runBulk(receivers, ctx, async (receiverEmployeeId) => {
      const saved = await ctx.gauzy.post<Record<string, unknown> | '' | null>(employeeNotificationEntity.path, {
        title, message, type, ...about, receiverEmployeeId, sentByEmployeeId: ctx.scope.employeeId,
        organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId,
      });
      if (!saved || typeof saved !== 'object' || typeof saved.id !== 'string') {
        throw new GauzyMcpError('GMCP_ERR_GAUZY_CONFLICT', ['not delivered'], { gauzyMessages: [`employee ${receiverEmployeeId} has turned off ${type} notifications; Gauzy saved none`] });
      }
      return { id: saved.id, name: `${title} → employee ${receiverEmployeeId}` };
    }, { noun: 'notifications', verb: 'Sent' });
  },
});
