import { retiredTool } from '@gauzy-mcp/core';
import { DEALS_TOOLSET as toolset } from '../entities.js';

const noProperties =
  'Gauzy deals have no custom properties: a deal is only its title, probability, stage and client (no /api/deals/:id/properties route, no properties column). ' +
  'update_deal changes title, probability or client; update_deal_stage moves it.';

/** Reference tools whose effect Gauzy cannot give, kept callable so old prompts learn what to use instead. */
export const retiredDealTools = [
  retiredTool({ name: 'add_deal_property', title: 'Add a deal property', toolset, reason: noProperties }),
  retiredTool({ name: 'update_deal_property', title: 'Change a deal property', toolset, reason: noProperties }),
  retiredTool({ name: 'remove_deal_property', title: 'Remove a deal property', toolset, reason: noProperties }),
];
