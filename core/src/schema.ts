import { z } from 'zod';

/**
 * Shared parameter schemas, so every pack describes ids, dates and paging the same way.
 * Gauzy validates ids with class-validator's IsUUID (any version), hence the plain 8-4-4-4-12 shape.
 */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuid = () => z.string().regex(UUID_PATTERN, 'must be a UUID').meta({ format: 'uuid' });

/** ISO 8601 calendar date or date-time; kept without a pattern so the JSON Schema stays small. */
export const isoDate = () =>
  z
    .string()
    .refine((value) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date, e.g. 2026-11-24 or 2026-11-24T09:00:00Z')
    .meta({ format: 'date-time' });

export const MAX_TAKE = 100;
export const DEFAULT_TAKE = 20;

/*
 * The wording of the parameters every list tool shares. They are listed in every conversation, once per
 * tool, so they are short: the bounds and defaults beside them in the JSON Schema say the rest.
 */
export const pagination = {
  take: z.number().int().min(1).max(MAX_TAKE).default(DEFAULT_TAKE),
  skip: z.number().int().min(0).default(0),
};

const MAX_FIELD_NAME = 64;

/** Field names are checked in a refinement, not as `minLength`/`maxLength`: the model needs no bounds on a field name. */
export const fields = z
  .array(z.string().refine((name) => name.length >= 1 && name.length <= MAX_FIELD_NAME, `must be a field name of 1-${MAX_FIELD_NAME} characters`))
  .max(50)
  .optional()
  .describe('Only these fields (and id, name)');

/**
 * `fields` for an entity whose field names are known: an enum, bounded by itself, and undescribed since
 * the server instructions say once what `fields` does.
 */
export function fieldsOf(names: readonly string[]) {
  return z.array(z.enum(names as [string, ...string[]])).optional();
}

/**
 * Added to every session tool. Undescribed on purpose: it is in every tool, and the server instructions
 * say once that the current organization is used unless one is passed.
 */
export const organizationIdParam = uuid().optional();

/** The `relations` parameter: which of `paths` (an entity's include paths) to join; the enum says what each can be. */
export function relationsParam(paths: readonly string[]) {
  if (paths.length === 0) throw new TypeError('relationsParam needs at least one include path');
  return z.array(z.enum(paths as [string, ...string[]])).max(paths.length).optional();
}

/**
 * Output shape of every list tool: what a model acts on. The result also carries `returned`, `skip`, `take`,
 * `hasMore` and, when cut, `note` and `truncated` (the object is loose), left out here: every list tool
 * repeats this schema in tools/list, and the text says the same (how many more, how to continue, why cut).
 */
export const listOutput = z.looseObject({
  items: z.array(z.looseObject({})),
  total: z.number(),
  nextSkip: z.number().optional(),
});

export const entityOutput = z.looseObject({ id: z.string() });
