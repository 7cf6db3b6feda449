import { GAUZY_ROUTE_LIST } from './gauzy-routes.generated.js';

/** `METHOD /a/:/b` keys: a route template with its parameter names dropped. */
let known: Set<string> | undefined;
const key = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/:[^/]+/g, ':')}`;

/** Whether Gauzy's route table has `method path` (a template; parameter names need not match). */
export function isKnownGauzyRoute(method: string, path: string): boolean {
  known ??= new Set(GAUZY_ROUTE_LIST.split('\n').map((line) => {
    const space = line.indexOf(' ');
    return key(line.slice(0, space), line.slice(space + 1));
  }));
  return known.has(key(method, path));
}
