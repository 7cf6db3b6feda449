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

export const pagination = {
  take: z.number().int().min(1).max(MAX_TAKE).default(DEFAULT_TAKE).describe(`Items per page (1-${MAX_TAKE}, default ${DEFAULT_TAKE})`),
  skip: z.number().int().min(0).default(0).describe('Items to skip; use nextSkip from the previous page'),
};

export const fields = z
  .array(z.string().min(1).max(64))
  .max(50)
  .optional()
  .describe('Return only these fields of each item (id is always included), to keep results small');

export const organizationIdParam = uuid()
  .optional()
  .describe('Organization to act in; defaults to your current organization. Must be one you belong to');

/** Output shape of every list tool. */
export const listOutput = z.looseObject({
  items: z.array(z.looseObject({})),
  total: z.number(),
  returned: z.number(),
  skip: z.number(),
  take: z.number(),
  hasMore: z.boolean(),
  nextSkip: z.number().optional(),
  truncated: z.boolean().optional(),
  note: z.string().optional(),
});

export const entityOutput = z.looseObject({ id: z.string() });
