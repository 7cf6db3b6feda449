import { readFileSync } from 'node:fs';

/** One row of Gauzy's route table (core + plugins), as extracted from the Gauzy source. */
export interface GauzyRoute {
  method: string;
  /** Express-style template, e.g. `/api/tasks/:id`. */
  path: string;
  status: number;
  /** ANY-of; empty = no permission needed. */
  permissions: string[];
  isPublic: boolean;
  guards: string[];
  /** Validation pipe description; empty = the route validates nothing. */
  validation: string;
  returns: string;
  source: string;
  shadowedBy: string;
  bodyDto: string;
  queryDto: string;
  controller: string;
}

const TSV_FILES = ['gauzy-api-routes.tsv', 'gauzy-api-routes-plugins.tsv'];

function parseTsv(text: string): GauzyRoute[] {
  const [headerLine, ...lines] = text.split('\n');
  const header = (headerLine ?? '').split('\t');
  const col = (name: string) => header.indexOf(name);
  const idx = {
    method: col('http_method'), path: col('full_path'), body: col('body_dto'), query: col('query_dto'),
    permissions: col('permissions'), isPublic: col('public'), status: col('status'), guards: col('guards'),
    validation: col('validation'), returns: col('returns'), source: col('source'), shadowed: col('shadowed_by'),
    controller: col('controller'),
  };
  const routes: GauzyRoute[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const cells = line.split('\t');
    const cell = (i: number) => (cells[i] ?? '').trim();
    routes.push({
      method: cell(idx.method).toUpperCase(),
      path: cell(idx.path),
      status: Number(cell(idx.status)) || 200,
      permissions: cell(idx.permissions) ? cell(idx.permissions).split(',').map((p) => p.trim()).filter(Boolean) : [],
      isPublic: cell(idx.isPublic) === 'yes',
      guards: cell(idx.guards) ? cell(idx.guards).split(',').map((g) => g.trim()) : [],
      validation: cell(idx.validation),
      returns: cell(idx.returns),
      source: cell(idx.source),
      shadowedBy: cell(idx.shadowed),
      bodyDto: cell(idx.body),
      queryDto: cell(idx.query),
      controller: cell(idx.controller),
    });
  }
  return routes;
}

// Resolved relative to this module so it works from both src/ and dist/.
function loadRoutes(): GauzyRoute[] {
  return TSV_FILES.flatMap((file) => parseTsv(readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8')));
}

/** Every route of real Gauzy (core + plugins), shadowed rows included (see `shadowedBy`). */
export const gauzyRoutes: ReadonlyArray<GauzyRoute> = Object.freeze(loadRoutes());

const isParam = (segment: string) => segment.startsWith(':');

/** Segment-wise match: a template `:x` on either side matches any single segment. */
function pathsMatch(template: string, candidate: string): boolean {
  const a = template.split('/');
  const b = candidate.split('/');
  if (a.length !== b.length) return false;
  return a.every((seg, i) => {
    const other = b[i] ?? '';
    return seg === other || isParam(seg) || isParam(other);
  });
}

/**
 * The reachable Gauzy route for `method path`. `path` may be a template (any `:param` names) or concrete.
 * Static segments win over params, like Nest's first-registered literal routes do for the cases that matter.
 */
export function findGauzyRoute(method: string, path: string): GauzyRoute | undefined {
  const wanted = method.toUpperCase();
  const clean = path.split('?')[0] ?? path;
  const candidates = gauzyRoutes.filter((r) => r.method === wanted && !r.shadowedBy && pathsMatch(r.path, clean));
  if (candidates.length <= 1) return candidates[0];
  // Prefer the most literal match (fewest param segments matched against a literal).
  const score = (r: GauzyRoute) => r.path.split('/').filter((s, i) => isParam(s) && !isParam(clean.split('/')[i] ?? '')).length;
  return [...candidates].sort((x, y) => score(x) - score(y))[0];
}

/** Exact template lookup used when the sandbox registers a route (param names must match too). */
export function requireGauzyRoute(method: string, template: string): GauzyRoute {
  const row = gauzyRoutes.find((r) => r.method === method.toUpperCase() && r.path === template && !r.shadowedBy);
  if (!row) throw new Error(`Sandbox route ${method} ${template} is not a reachable Gauzy route`);
  return row;
}
