import { retiredTool } from '@gauzy-mcp/core';
import { MERCHANTS_TOOLSET as toolset } from '../entities.js';

/*
 * Every /api/merchants route exists but none works on the Gauzy this server is built against: MerchantModule
 * registers MerchantService without its repositories (TypeOrmMerchantRepository is not a provider, and the
 * service has no @Injectable), so the service's repositories are undefined. Seen on the real Gauzy, as admin:
 * GET / answers 400 {}, GET /count, /pagination, /:id, POST and PUT answer 200-202 with
 * {"message":"Cannot read properties of undefined (reading 'metadata')"}, DELETE /:id/soft 404 with the same.
 * A tool over them would always fail, so the reference names answer why instead.
 */
const BROKEN =
  "Gauzy's merchant routes fail on this Gauzy version: MerchantModule registers MerchantService without its repositories, so every /api/merchants " +
  "route answers \"Cannot read properties of undefined (reading 'metadata')\" instead of merchants (checked on the real Gauzy).";
const READ_INSTEAD = ' get_warehouse_by_id names the merchants of a warehouse (read through the warehouse).';

const retired = (name: string, title: string, extra = READ_INSTEAD) => retiredTool({ name, title, toolset, reason: `${BROKEN}${extra}` });

export const retiredMerchantTools = [
  retired('get_merchants', 'List merchants'),
  retired('get_merchant_count', 'Count merchants'),
  retired('get_merchant', 'Get a merchant'),
  retired('get_merchant_by_code', 'Find a merchant by code'),
  retired('search_merchants', 'Search merchants'),
  retired('get_active_merchants', 'List active merchants'),
  retired('get_archived_merchants', 'List archived merchants'),
  retired('get_merchant_statistics', 'Merchant statistics', ' Gauzy has no merchant statistics route either.' + READ_INSTEAD),
  retired('create_merchant', 'Create a merchant', ' No tool can create or change merchants until Gauzy fixes it.'),
  retired('update_merchant', 'Update a merchant', ' No tool can create or change merchants until Gauzy fixes it.'),
  retired('delete_merchant', 'Delete a merchant', ' No tool can delete merchants until Gauzy fixes it.'),
  retired('archive_merchant', 'Archive a merchant', ' No tool can archive merchants until Gauzy fixes it.'),
  retired('restore_merchant', 'Restore a merchant', " Its recover route would not restore one anyway (CrudService.softRecover looks without soft-deleted rows)."),
  retired('bulk_create_merchants', 'Create several merchants', ' Gauzy has no bulk route for merchants either (POST /api/merchants/bulk does not exist).'),
];
