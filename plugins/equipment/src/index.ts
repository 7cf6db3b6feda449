import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { EQUIPMENT_TOOLSET, SHARING_TOOLSET } from './entities.js';
import { createEquipment, deleteEquipment, listEquipment, updateEquipment } from './tools/equipment.js';
import { retiredEquipmentTools } from './tools/retired.js';
import {
  deleteEquipmentSharing,
  listEquipmentSharings,
  requestEquipmentSharing,
  reviewEquipmentSharing,
} from './tools/sharings.js';

export const equipmentPlugin = definePlugin({
  name: 'equipment',
  version: packageJson.version,
  description: 'Gauzy equipment and equipment sharing requests: what there is, who has it when, request, approve or refuse.',
  kernel: '^1.2.0',
  toolsets: [
    { name: EQUIPMENT_TOOLSET, description: 'Equipment: find (by name, type, holder, free today), totals, CRUD' },
    { name: SHARING_TOOLSET, description: 'Equipment sharing: request, approve or refuse, list, delete' },
  ],
  tools: [
    listEquipment,
    createEquipment,
    updateEquipment,
    deleteEquipment,
    listEquipmentSharings,
    requestEquipmentSharing,
    reviewEquipmentSharing,
    deleteEquipmentSharing,
      ...retiredEquipmentTools,
  ],
});

export default equipmentPlugin;
