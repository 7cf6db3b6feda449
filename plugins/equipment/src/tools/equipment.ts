import {
  answerReadBack,
  callerEmployeeId,
  crudTools,
  defineTool,
  listResult,
  ok,
  pagination,
  readRowWindow,
  uuid,
  type ToolDefinition,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { EQUIPMENT_TOOLSET as toolset, compactEquipment, describeEquipment, equipmentEntity, today } from '../entities.js';
import { EQUIPMENT_PAGINATION, readAllEquipment, readEquipment, readEquipmentPage } from './read.js';
import { summarize } from './statistics.js';

type Item = Record<string, unknown>;

const part = z.string().trim().min(1).optional();

const listInput = z.object({
  id: uuid().optional(),
  name: part,
  type: part,
  employeeId: uuid().optional().describe('Holder'),
  available: z.boolean().optional(),
  summary: z.boolean().optional(),
  ...pagination,
});

/**
 * Equipment from /pagination, which matches name and type with LIKE and joins the sharings.
 * Who has an equipment and whether it is free are its approved sharings, which Gauzy cannot filter on: with
 * `employeeId` or `available` up to LOCAL_FILTER_ROWS equipment are read and filtered here, and the answer says so.
 */
export const listEquipment = defineTool({
  name: 'list_equipment',
  title: 'Find equipment',
  description: 'Find equipment (one: id) by part of name or type, holder, available today; who has it when. summary: totals.',
  toolset,
  aliases: ['get_equipment', 'get_equipment_by_id', 'get_equipment_count', 'search_equipment', 'get_equipment_by_employee'],
  presets: { get_my_equipment: { employeeId: callerEmployeeId }, get_available_equipment: { available: true }, get_equipment_statistics: { summary: true } },
  effect: 'read',
  input: listInput,
  // A list, one equipment (id) or the totals (summary).
  output: z.looseObject({}),
  routes: [EQUIPMENT_PAGINATION],
  async handler({ id, name, type, employeeId, available, summary, take, skip }, ctx) {
    const where = Object.fromEntries(Object.entries({ id, name, type }).filter(([, value]) => value !== undefined)) as Record<string, string>;
    const on = today();
    if (id) {
      const equipment = compactEquipment(await readEquipment(ctx, id), on);
      return ok(equipment, `Found equipment: ${describeEquipment(equipment)}`);
    }
    if (employeeId === undefined && available === undefined && !summary) {
      const page = await readRowWindow((size, number) => readEquipmentPage(ctx, where, size, number), skip, take);
      return listResult({ items: page.items.map((item) => compactEquipment(item, on)), total: page.total, skip, take, noun: 'equipment', describe: describeEquipment });
    }
    const read = await readAllEquipment(ctx, where);
    const keep = (item: Item) =>
      (available === undefined || item.availableToday === available) &&
      (!employeeId || (item.approvedSharings as Array<{ employees: Item[] }>).some((lending) => lending.employees.some((employee) => employee.id === employeeId)));
    if (summary) return summarize({ items: read.items.filter((item) => keep(compactEquipment(item, on))), read: read.items.length, total: read.total }, on, { type, name, employeeId, available });
    const kept = read.items.map((item) => compactEquipment(item, on)).filter(keep);
    const result = listResult({ items: kept, unpaged: true, skip, take, noun: 'equipment', describe: describeEquipment });
    const note = `Gauzy cannot filter equipment by its sharings, so ${read.items.length} of ${read.total} were read with their sharings and filtered here (as of ${on})${read.items.length < read.total ? '; later ones were not read' : ''}.`;
    return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
  },
});

const derived = crudTools(equipmentEntity, {
  toolset,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    // The column is NOT NULL without a default: Gauzy's insert fails without it.
    create: { description: 'Add equipment employees can then request.', fields: { ...equipmentEntity.fields, autoApproveShare: z.boolean().default(false) } },
    update: { description: 'Change equipment details; the rest stays.' },
    delete: { description: 'Permanently delete one equipment by id, with its sharings.' },
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
  },
});

/** The derived write, its answer read back with the sharings (POST answers `tenant`, PUT the saved body). */
const readBack = (tool: ToolDefinition, verb: string) =>
  answerReadBack(tool, { verb, noun: 'equipment', describe: describeEquipment, routes: [EQUIPMENT_PAGINATION], read: async (ctx, id) => compactEquipment(await readEquipment(ctx, id)) });

export const createEquipment = readBack(derived.create!, 'Created');
export const updateEquipment = readBack(derived.update!, 'Updated');
export const deleteEquipment = derived.delete!;
