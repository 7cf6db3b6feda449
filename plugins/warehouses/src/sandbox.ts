import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import { contactEntity, merchantEntity, warehouseEntity, warehouseProductEntity } from './entities.js';

/**
 * What the testkit's sandbox needs to serve warehouses and their inventory as Gauzy does. Test code only.
 * POST and PUT (which save the contact too) and the inventory routes are in testkit/src/routes/warehouses-routes.ts.
 */

/** WarehouseDTO (create and update alike), under `whitelist: true`: name and code IsString IsNotEmpty, email IsEmail IsNotEmpty. */
const WAREHOUSE_DTO: DtoSpec = {
  fields: {
    name: { type: 'string', required: true },
    code: { type: 'string', required: true },
    email: { type: 'email', required: true },
    description: { type: 'any' },
    active: { type: 'boolean' },
    logo: { type: 'any' },
    logoId: { type: 'any' },
    tags: { type: 'array' },
    contact: { type: 'object' },
    contactId: { type: 'string' },
  },
  tenantOrganization: true,
  whitelist: true,
};

export const warehousesSandbox: readonly SandboxEntity[] = [
  sandboxEntity(warehouseEntity, {
    defaults: () => ({ name: null, code: null, email: null, description: null, active: true, logoId: null, contactId: null }),
    dto: { create: WAREHOUSE_DTO, update: WAREHOUSE_DTO },
  }),
  sandboxEntity(contactEntity, {
    defaults: () => ({ name: null, firstName: null, lastName: null, country: null, city: null, address: null, address2: null, postcode: null, latitude: null, longitude: null, regionCode: null, fax: null, fiscalInformation: null, website: null }),
  }),
  sandboxEntity(warehouseProductEntity, { defaults: () => ({ quantity: null, warehouseId: null, productId: null }) }),
  sandboxEntity(merchantEntity, {
    defaults: () => ({ name: null, code: null, email: null, phone: null, description: null, active: true, currency: 'USD', logoId: null, contactId: null, warehouseIds: [] }),
  }),
];
