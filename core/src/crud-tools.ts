import type { z } from 'zod';
import { bulkCreateTool, bulkDeleteTool, bulkUpdateTool, countTool, createTool, deleteTool, getTool, MAX_BULK_ITEMS, recoverTool, updateTool } from './crud.js';
import { listTool, type ListToolSpec } from './list-tool.js';
import type { CrudToolKind, EntityDefinition, EntityOperation } from './entity.js';
import type { ToolContext, ToolDefinition } from './tool.js';

type Shape = z.ZodRawShape;
type Item = Record<string, unknown>;

/** What a pack may change on one derived tool; everything else follows from the entity. */
export interface CrudToolOverride {
  name?: string;
  title?: string;
  description?: string;
  admin?: boolean;
}

/** Per-kind extras: the few facts a template cannot know. */
export interface CrudToolOverrides {
  list: CrudToolOverride & Pick<ListToolSpec<Shape>, 'where' | 'order'> & { filters?: Shape };
  pagination: CrudToolOverride & Pick<ListToolSpec<Shape>, 'where' | 'order'> & { filters?: Shape };
  get: CrudToolOverride;
  count: CrudToolOverride & { filters?: Shape };
  create: CrudToolOverride & { fields?: Shape; body?: (args: Item, ctx: ToolContext) => Item | Promise<Item> };
  bulkCreate: CrudToolOverride & { fields?: Shape; body?: (args: Item, ctx: ToolContext) => Item | Promise<Item> };
  update: CrudToolOverride;
  bulkUpdate: CrudToolOverride;
  /** `confirmExists`: look the record up first, where Gauzy answers an unknown id with a bodiless 204. */
  delete: CrudToolOverride & { confirmExists?: boolean };
  bulkDelete: CrudToolOverride & { confirmExists?: boolean };
  archive: CrudToolOverride;
  restore: CrudToolOverride;
}

export interface CrudToolsOptions {
  toolset: string;
  /**
   * The toolset of the bulk tools (bulk create, update, delete), when not `toolset`. They are the largest
   * entries of a pack (each repeats the whole single-record schema) and the least often needed, so a pack
   * can keep them out of its default toolset and let operators or clients ask for them by name.
   */
  bulkToolset?: string;
  /** Per tool: `false` leaves it out; an object overrides its name, title, description or extras. */
  tools?: { [K in CrudToolKind]?: false | CrudToolOverrides[K] };
}

/** The operations each derived tool needs; a tool whose operations Gauzy does not serve is not derived. */
const NEEDS: Record<CrudToolKind, readonly EntityOperation[]> = {
  list: ['findAll'],
  pagination: ['pagination'],
  get: ['findById'],
  count: ['count'],
  create: ['create'],
  bulkCreate: ['create'],
  update: ['findById', 'update'],
  bulkUpdate: ['findById', 'update'],
  delete: ['delete'],
  bulkDelete: ['delete'],
  archive: ['softDelete'],
  restore: ['softDelete'],
};

const snake = (words: string) => words.trim().replace(/\s+/g, '_');

/** The name rule: one per kind, from the entity's nouns. */
export function crudToolName(entity: Pick<EntityDefinition, 'noun' | 'plural'>, kind: CrudToolKind): string {
  const one = snake(entity.noun);
  const many = snake(entity.plural);
  const names: Record<CrudToolKind, string> = {
    list: `list_${many}`,
    pagination: `get_${many}_pagination`,
    get: `get_${one}_by_id`,
    count: `get_${one}_count`,
    create: `create_${one}`,
    bulkCreate: `bulk_create_${many}`,
    update: `update_${one}`,
    bulkUpdate: `bulk_update_${many}`,
    delete: `delete_${one}`,
    bulkDelete: `bulk_delete_${many}`,
    archive: `archive_${one}`,
    restore: `restore_${one}`,
  };
  return names[kind];
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

/** Default title and description per kind; a pack overrides them per tool. */
function template(entity: EntityDefinition, kind: CrudToolKind, filters: Shape): { title: string; description: string } {
  const { noun, plural } = entity;
  const a = `${article(noun)} ${noun}`;
  const filterNames = Object.keys(filters);
  const filtered = filterNames.length ? `, filtered by ${filterNames.join(', ')}` : '';
  const withRelations = entity.include.filter((path) => !path.includes('.'));
  const recoverable = entity.softDelete?.recover === true;
  const texts: Record<CrudToolKind, [string, string]> = {
    list: [`List ${plural}`, `List the organization's ${plural}, newest first${filtered}.`],
    pagination: [`List ${plural} (paged route)`, `List ${plural} through Gauzy's paginated route${filtered}.`],
    get: [`Get ${a}`, `Get one ${noun} by id${withRelations.length ? `, optionally with its ${withRelations.join(', ')}` : ''}.`],
    count: [`Count ${plural}`, `Count the organization's ${plural}${filtered}.`],
    create: [`Create ${a}`, `Create ${a} in the organization.`],
    bulkCreate: [`Create several ${plural}`, `Create up to ${MAX_BULK_ITEMS} ${plural} at once; reports which were created (with ids) and which failed and why.`],
    update: [`Update ${a}`, `Change fields of ${a}; only the fields given change.`],
    bulkUpdate: [`Update several ${plural}`, `Change fields of up to ${MAX_BULK_ITEMS} ${plural} at once; each entry names ${a} id and the fields to change.`],
    delete: [`Delete ${a}`, `Permanently delete one ${noun} by id.`],
    bulkDelete: [`Delete several ${plural}`, `Permanently delete up to ${MAX_BULK_ITEMS} ${plural} by id; reports each one.`],
    archive: [
      `Archive (soft-delete) ${a}`,
      `Soft-delete one ${noun} by id: it leaves lists and lookups but stays in Gauzy's database. ${recoverable ? `${crudToolName(entity, 'restore')} brings it back.` : "It cannot be restored through Gauzy's API."}`,
    ],
    restore: [`Restore an archived ${noun}`, `Bring back ${a} that was archived (soft-deleted).`],
  };
  const [title, description] = texts[kind];
  return { title, description };
}

const BULK_KINDS: ReadonlySet<CrudToolKind> = new Set(['bulkCreate', 'bulkUpdate', 'bulkDelete']);

/** The canonical order of the derived tools in a pack's list. */
const KINDS: readonly CrudToolKind[] = ['list', 'pagination', 'get', 'count', 'create', 'bulkCreate', 'update', 'bulkUpdate', 'delete', 'bulkDelete', 'archive', 'restore'];

/**
 * The standard tools of an entity, derived from its description: every kind whose operations Gauzy serves,
 * unless the pack leaves it out. Returned by kind, so a pack lists them and adds its hand-written tools.
 */
export function crudTools(entity: EntityDefinition, options: CrudToolsOptions): Partial<Record<CrudToolKind, ToolDefinition>> {
  const tools: Partial<Record<CrudToolKind, ToolDefinition>> = {};
  for (const kind of KINDS) {
    const override = options.tools?.[kind];
    if (override === false || !NEEDS[kind].every((operation) => entity.operations.includes(operation))) continue;
    const toolset = BULK_KINDS.has(kind) ? (options.bulkToolset ?? options.toolset) : options.toolset;
    tools[kind] = deriveTool(entity, kind, (override ?? {}) as CrudToolOverrides[CrudToolKind], toolset);
  }
  return tools;
}

/** {@link crudTools} as a list, in the canonical order. */
export function crudToolList(entity: EntityDefinition, options: CrudToolsOptions): ToolDefinition[] {
  return Object.values(crudTools(entity, options));
}

function deriveTool(entity: EntityDefinition, kind: CrudToolKind, override: CrudToolOverrides[CrudToolKind], toolset: string): ToolDefinition {
  const extras = override as Partial<CrudToolOverrides['list'] & CrudToolOverrides['create'] & CrudToolOverrides['delete']>;
  const filters = extras.filters ?? (kind === 'list' || kind === 'pagination' ? (entity.filters ?? {}) : {});
  const texts = template(entity, kind, filters);
  const base = {
    name: override.name ?? crudToolName(entity, kind),
    title: override.title ?? texts.title,
    description: override.description ?? texts.description,
    toolset,
    aliases: entity.aliases?.[kind],
    admin: override.admin,
  };
  const createBody = extras.body ?? (entity.body ? (args: Item) => entity.body!(args) : undefined);
  const update = {
    fields: entity.fields,
    bodyFields: entity.update?.bodyFields ?? [],
    relations: entity.update?.relations,
    body: entity.body ? (merged: Item, _changes: Item, current: Item) => entity.body!(merged, current) : undefined,
  };
  switch (kind) {
    case 'list':
      return listTool(entity, { ...base, filters, where: extras.where, order: extras.order, entityFilters: true });
    // The /pagination routes validate BaseQueryDTO (`where` required), whatever style the plain list reads.
    case 'pagination':
      return listTool(entity, { ...base, filters, where: extras.where, order: extras.order, route: `${entity.path}/pagination`, paging: 'page', query: 'where' });
    case 'get':
      return getTool(entity, base);
    case 'count':
      return countTool(entity, { ...base, filters });
    case 'create':
      return createTool(entity, { ...base, fields: extras.fields ?? entity.fields, body: createBody });
    case 'bulkCreate':
      return bulkCreateTool(entity, { ...base, fields: extras.fields ?? entity.fields, body: createBody, itemsField: snake(entity.plural) });
    case 'update':
      return updateTool(entity, { ...base, ...update });
    case 'bulkUpdate':
      return bulkUpdateTool(entity, { ...base, ...update, itemsField: 'updates' });
    case 'delete':
      return deleteTool(entity, { ...base, mode: 'hard', confirmExists: extras.confirmExists });
    case 'bulkDelete':
      return bulkDeleteTool(entity, { ...base, mode: 'hard', confirmExists: extras.confirmExists });
    case 'archive':
      return deleteTool(entity, { ...base, mode: 'soft' });
    case 'restore':
      return recoverTool(entity, base);
  }
}
