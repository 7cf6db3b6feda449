import { retiredTool } from '@gauzy-mcp/core';
import { EQUIPMENT_TOOLSET, SHARING_TOOLSET } from '../entities.js';

/** Reference tools whose effect Gauzy cannot give, kept callable so old prompts learn what to use instead. */
export const retiredEquipmentTools = [
  retiredTool({
    name: 'update_equipment_status',
    title: 'Set an equipment status',
    toolset: EQUIPMENT_TOOLSET,
    reason:
      'Gauzy equipment has no status (no status column, no PUT /api/equipment/:id/status route); whether it is free is its sharings. ' +
      'list_equipment shows who has it when; request_equipment_sharing lends it, review_equipment_sharing approves or refuses, delete_equipment_sharing withdraws a sharing.',
  }),
  retiredTool({
    name: 'unassign_equipment',
    title: 'Take equipment back',
    toolset: SHARING_TOOLSET,
    reason:
      'Gauzy has no unassign route (PUT /api/equipment/:id/unassign does not exist) and no returned state: equipment is lent through sharings. ' +
      'list_equipment_sharings with equipmentId finds the sharing; delete_equipment_sharing removes it.',
  }),
];
