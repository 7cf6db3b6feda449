import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { MERCHANTS_TOOLSET, WAREHOUSES_TOOLSET } from './entities.js';
import { setWarehouseStock } from './tools/inventory.js';
import { retiredMerchantTools } from './tools/merchants.js';
import { getWarehouse, listWarehouses, warehouseCrudTools } from './tools/warehouses.js';

export const warehousesPlugin = definePlugin({
  name: 'warehouses',
  version: packageJson.version,
  description: 'Gauzy warehouses (with their inventory) and merchants.',
  kernel: '^1.2.0',
  toolsets: [
    { name: WAREHOUSES_TOOLSET, description: 'Warehouses: find, stock, CRUD' },
    { name: MERCHANTS_TOOLSET, description: "Merchants (retired: Gauzy's merchant routes fail)" },
  ],
  tools: [listWarehouses, getWarehouse, ...warehouseCrudTools, setWarehouseStock, ...retiredMerchantTools],
});

export default warehousesPlugin;
