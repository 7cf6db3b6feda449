import { GauzyMcpError } from '../errors.js';

/**
 * Gauzy's address as the client joins routes to it: `https://gauzy.example.com`. Every route starts with
 * `/api`, so an address given with it (`…/api`, as Gauzy's own docs write API_BASE_URL) is understood; one
 * without a scheme, or with a query or fragment, is refused with the form to use.
 */
export function normalizeGauzyBaseUrl(value: string, name = 'API_BASE_URL'): string {
  const given = value.trim();
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`${name} "${given}" is not a URL; give it with its scheme, e.g. https://gauzy.example.com`]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`${name} must start with http:// or https:// (got "${given}"), e.g. https://gauzy.example.com`]);
  }
  if (url.search || url.hash) throw new GauzyMcpError('GMCP_ERR_CONFIG_INVALID', [`${name} takes no query or fragment (got "${given}")`]);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api$/, '');
  return `${url.origin}${path}`;
}
