/**
 * Gauzy reads query strings with Express's "extended" parser (qs), so nested objects and arrays are
 * sent in bracket notation: `where[organizationId]=…`, `relations[0]=project`, `order[createdAt]=DESC`.
 * The three query styles of the contract all go through {@link encodeQuery}:
 *  - style A: `{ where, relations, order, take, skip }` objects, encoded as brackets;
 *  - style B: `{ data: JSON }`, built with {@link dataQuery};
 *  - style C: flat DTO fields, where arrays become `employeeIds[0]=…`.
 */
export type QueryValue = string | number | boolean | null | undefined | Date | QueryValue[] | { [key: string]: QueryValue };
export type QueryInput = Record<string, QueryValue>;

export function encodeQuery(query: QueryInput | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  const walk = (prefix: string, value: QueryValue): void => {
    if (value === undefined || value === null) return;
    if (value instanceof Date) {
      parts.push(`${encodeKey(prefix)}=${encodeURIComponent(value.toISOString())}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(`${prefix}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(`${prefix}[${key}]`, item);
    } else {
      parts.push(`${encodeKey(prefix)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(query)) walk(key, value);
  return parts.join('&');
}

// Brackets stay readable in logs and are what Gauzy's own web client sends; qs accepts both forms.
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

/** Style B: routes that take a single `data` parameter holding JSON `{ findInput, relations }`. */
export function dataQuery(input: { findInput?: Record<string, unknown>; relations?: string[]; [key: string]: unknown }): QueryInput {
  return { data: JSON.stringify(input) };
}

/** Fills `:name` segments of a route template; every value is URI-encoded so ids cannot alter the path. */
export function fillRoute(route: string, params: Record<string, string | number> = {}): string {
  return route.replace(/:([A-Za-z][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`Missing path parameter "${name}" for ${route}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * Whether Gauzy's BaseQueryDTO transform (`Boolean(JSON.parse(v))` on each where value of a `transform: true`
 * route) turns this value into a boolean: "2024", "true" and "null" do, "login" does not. The sandbox
 * applies it as Gauzy does; a list tool filters such a search itself instead.
 */
export function gauzyReadsAsBoolean(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}
