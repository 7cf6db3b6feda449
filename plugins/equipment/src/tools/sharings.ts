import {
  GauzyMcpError,
  crudTools,
  defineTool,
  entityOutput,
  isoDate,
  listOutput,
  listResult,
  ok,
  pagination,
  uuid,
  withRefusalHints,
  type RefusalHint,
  type RouteRef,
  type ToolContext,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import {
  SHARING_TOOLSET as toolset,
  STATUS_NUMBER,
  SharingStatus,
  dayOf,
  daysBetween,
  describeSharing,
  equipmentSharingEntity,
  today,
  type SharingStatusName,
} from '../entities.js';
import { EQUIPMENT_PAGINATION, SHARING_LIST, readEquipment, readSharing, readSharings } from './read.js';

type Item = Record<string, unknown>;

const CREATE = 'POST /api/equipment-sharing/organization/:id' as RouteRef;
const UPDATE = 'PUT /api/equipment-sharing/:id' as RouteRef;
const path = (route: string) => route.slice(route.indexOf(' ') + 1);

/** An EMPLOYEE may request and read, not approve or refuse (EQUIPMENT_APPROVE_REQUEST / ORG_EQUIPMENT_SHARING_EDIT). */
export const approversOnly: RefusalHint = {
  code: 'GMCP_ERR_GAUZY_FORBIDDEN',
  match: /Forbidden/i,
  hint: 'Approving and refusing equipment sharings needs EQUIPMENT_APPROVE_REQUEST or ORG_EQUIPMENT_SHARING_EDIT (admins); ask an admin to review it.',
};

const invalid = (tool: string, field: string, message: string) =>
  new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [{ field, message }], fields: [field] });

/** The approved sharings of the equipment (other than `except`) whose days overlap from..to. */
function overlapping(sharings: readonly Item[], from: string, to: string, except?: string): Item[] {
  return sharings.filter((sharing) => {
    if (sharing.id === except || sharing.status !== STATUS_NUMBER.APPROVED) return false;
    const [start, end] = [dayOf(sharing.shareStartDay) ?? '0000', dayOf(sharing.shareEndDay) ?? '9999'];
    return start <= to && end >= from;
  });
}

const conflict = (tool: string, taken: Item[]) =>
  invalid(tool, 'shareStartDay', `the equipment is already shared then (approved sharing ${taken.map((sharing) => `${String(sharing.id)}: ${dayOf(sharing.shareStartDay)} to ${dayOf(sharing.shareEndDay)}`).join('; ')}); pick other days`);

/**
 * The whole sharing as PUT /:id needs it: EquipmentSharingUpdateHandler deletes the sharing (and its
 * RequestApproval) and saves the body as a new record, so everything is sent, its id and createdAt too
 * (kept, seen on the real Gauzy); Gauzy records the caller as its creator.
 */
function wholeSharing(ctx: ToolContext, sharing: Item, status: number): Item {
  return {
    id: sharing.id,
    createdAt: sharing.createdAt,
    // Gauzy files a RequestApproval named after the sharing; its name is NOT NULL (without one the save fails after the sharing is made).
    name: sharing.name || `Request for ${String((sharing.equipment as Item | undefined)?.name ?? 'equipment')}`,
    shareRequestDay: sharing.shareRequestDay ?? null,
    shareStartDay: sharing.shareStartDay ?? null,
    shareEndDay: sharing.shareEndDay ?? null,
    status,
    equipmentId: sharing.equipmentId ?? null,
    equipmentSharingPolicyId: sharing.equipmentSharingPolicyId ?? null,
    employees: ((sharing.employees as Item[] | undefined) ?? []).map((employee) => ({ id: employee.id })),
    teams: ((sharing.teams as Item[] | undefined) ?? []).map((team) => ({ id: team.id })),
    organizationId: ctx.scope.organizationId,
    tenantId: ctx.scope.tenantId,
  };
}

/** Sets a sharing's status the way that keeps it (not PUT /approval/:id, see README); approving checks the days are free. */
async function decide(ctx: ToolContext, tool: string, id: string, decision: SharingStatusName) {
  const sharing = await readSharing(ctx, id);
  const previousStatus = String(sharing.status);
  if (previousStatus === decision) return { sharing, previousStatus, changed: false };
  if (decision === 'APPROVED') {
    const equipment = await readEquipment(ctx, String(sharing.equipmentId));
    const taken = overlapping((equipment.equipmentSharings as Item[] | undefined) ?? [], dayOf(sharing.shareStartDay) ?? '0000', dayOf(sharing.shareEndDay) ?? '9999', id);
    if (taken.length) throw conflict(tool, taken);
  }
  await withRefusalHints(() => ctx.gauzy.put(path(UPDATE), wholeSharing(ctx, sharing, STATUS_NUMBER[decision]), { params: { id } }), [approversOnly]);
  return { sharing: await readSharing(ctx, id), previousStatus, changed: true };
}

/**
 * The save's database error is Gauzy's whole answer (no message); with the equipment read first and a name
 * always sent, what fails that way is an employee id that is no employee's (the join table's foreign key).
 */
async function unknownEmployeeHint<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GauzyMcpError && error.code === 'GMCP_ERR_GAUZY_BAD_REQUEST' && !(error.details.gauzyMessages as unknown[] | undefined)?.length) {
      error.details.hint = 'Gauzy gave no reason; an employee id that is not one of its employees fails this way: check employeeIds with list_employees.';
    }
    throw error;
  }
}

const { equipmentId, employeeIds, name } = equipmentSharingEntity.fields;

/**
 * POST /organization/:id as Gauzy's web app sends it, with the web app's checks (its server makes none): the
 * days in order and not past, no longer than the equipment's maxSharePeriod, not overlapping an approved
 * sharing; APPROVED at once when the equipment auto-approves, REQUESTED otherwise.
 */
export const requestEquipmentSharing = defineTool({
  name: 'request_equipment_sharing',
  title: 'Request equipment',
  description: 'Ask to use equipment for some days (default: you); approve: true approves it too (admins).',
  toolset,
  effect: 'write',
  presets: { assign_equipment: { approve: true } },
  input: z.object({
    equipmentId,
    employeeIds,
    shareStartDay: isoDate(),
    shareEndDay: isoDate(),
    name,
    approve: z.boolean().optional(),
  }),
  output: entityOutput,
  routes: [EQUIPMENT_PAGINATION, CREATE, UPDATE, SHARING_LIST],
  async handler(args, ctx) {
    const tool = 'request_equipment_sharing';
    const [from, to] = [dayOf(args.shareStartDay)!, dayOf(args.shareEndDay)!];
    if (from < today()) throw invalid(tool, 'shareStartDay', `must not be before today (${today()})`);
    if (to < from) throw invalid(tool, 'shareEndDay', 'must not be before shareStartDay');
    const employees = args.employeeIds ?? [ctx.scope.employeeId ?? ''];
    if (employees.some((id) => !id)) throw new GauzyMcpError('GMCP_ERR_NO_EMPLOYEE', [tool]);
    const equipment = await readEquipment(ctx, args.equipmentId);
    const days = daysBetween(from, to);
    if (typeof equipment.maxSharePeriod === 'number' && days > equipment.maxSharePeriod) {
      throw invalid(tool, 'shareEndDay', `${String(equipment.name)} is shared for at most ${equipment.maxSharePeriod} days; ${from} to ${to} is ${days}`);
    }
    const taken = overlapping((equipment.equipmentSharings as Item[] | undefined) ?? [], from, to);
    if (taken.length) throw conflict(tool, taken);
    const status = equipment.autoApproveShare ? 'APPROVED' : 'REQUESTED';
    const created = await unknownEmployeeHint(() => ctx.gauzy.post<Item>(path(CREATE), {
      // Gauzy's RequestApproval takes this name, NOT NULL: without one the sharing is made and then the request fails (seen on the real Gauzy).
      name: args.name || `Request for ${String(equipment.name)}`,
      equipmentId: args.equipmentId,
      employees: employees.map((id) => ({ id })),
      shareRequestDay: new Date().toISOString(),
      shareStartDay: args.shareStartDay,
      shareEndDay: args.shareEndDay,
      status: STATUS_NUMBER[status],
      organizationId: ctx.scope.organizationId,
      tenantId: ctx.scope.tenantId,
    }, { params: { id: ctx.scope.organizationId } }));
    const id = String(created.id);
    let sharing = await readSharing(ctx, id);
    let text = `${status === 'APPROVED' ? 'Shared (the equipment auto-approves)' : 'Requested'}: ${describeSharing(sharing)}`;
    if (args.approve && status === 'REQUESTED') {
      try {
        sharing = (await decide(ctx, tool, id, 'APPROVED')).sharing;
        text = `Shared and approved: ${describeSharing(sharing)}`;
      } catch (error) {
        const why = error instanceof GauzyMcpError ? String(error.details.hint ?? error.message) : 'it failed';
        return ok({ ...sharing, approved: false }, `Requested, not approved (${why}): ${describeSharing(sharing)}`);
      }
    }
    return ok(sharing, text);
  },
});

/**
 * Approve or refuse a sharing. Gauzy's own PUT /approval/:id and /refuse/:id delete the sharing and save a bare
 * `{ status }` with no equipment, employees or organization (EquipmentSharingService.update; seen on the real
 * Gauzy), so the decision is saved through PUT /:id with the whole sharing.
 */
export const reviewEquipmentSharing = defineTool({
  name: 'review_equipment_sharing',
  title: 'Review equipment sharing',
  description: 'Approve or refuse an equipment sharing request (admins).',
  toolset,
  effect: 'write',
  idempotent: true,
  presets: { approve_equipment_sharing: { decision: 'APPROVED' }, refuse_equipment_sharing: { decision: 'REFUSED' } },
  input: z.object({ id: uuid(), decision: SharingStatus.exclude(['REQUESTED']) }),
  output: entityOutput,
  routes: [SHARING_LIST, EQUIPMENT_PAGINATION, UPDATE],
  async handler({ id, decision }, ctx) {
    const { sharing, previousStatus, changed } = await decide(ctx, 'review_equipment_sharing', id, decision);
    const text = changed ? `${decision === 'APPROVED' ? 'Approved' : 'Refused'} (was ${previousStatus}): ${describeSharing(sharing)}` : `Already ${decision}, nothing changed: ${describeSharing(sharing)}`;
    return ok({ ...sharing, previousStatus, changed }, text);
  },
});

/**
 * GET /api/equipment-sharing (`?data=`) filters equipment and status in Gauzy and answers every match with its
 * relations; the employee is kept here (the join is not filterable there). /pagination would keep an
 * employee to their own sharings but joins no names; GET / shows an EMPLOYEE everyone's, as Gauzy does.
 */
export const listEquipmentSharings = defineTool({
  name: 'list_equipment_sharings',
  title: 'List equipment sharings',
  description: 'Equipment sharings by equipment, employee, status (pending: REQUESTED).',
  toolset,
  aliases: ['get_equipment_sharing_requests'],
  effect: 'read',
  input: z.object({ equipmentId: uuid().optional(), employeeId: uuid().optional(), status: SharingStatus.optional(), ...pagination }),
  output: listOutput,
  routes: [SHARING_LIST],
  async handler({ equipmentId: equipment, employeeId, status, take, skip }, ctx) {
    const findInput = { ...(equipment ? { equipmentId: equipment } : {}), ...(status ? { status: STATUS_NUMBER[status] } : {}) };
    const sharings = (await readSharings(ctx, findInput)).filter(
      (sharing) => !employeeId || ((sharing.employees as Item[] | undefined) ?? []).some((employee) => employee.id === employeeId),
    );
    return listResult({ items: sharings, unpaged: true, skip, take, noun: 'equipment sharings', describe: describeSharing });
  },
});

const derivedSharing = crudTools(equipmentSharingEntity, {
  toolset,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    delete: { description: 'Permanently delete one equipment sharing by id.' },
    bulkDelete: false,
  },
});

export const deleteEquipmentSharing = derivedSharing.delete!;
