import { defineEntity, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const SKILLS_TOOLSET = 'skills';
export const AWARDS_TOOLSET = 'employee-awards';

type Item = Record<string, unknown>;

/** An employee joined without its user has no name in Gauzy: then its id. */
const employeeLabel = (employee: unknown) => refLabel(employee) ?? `employee ${String((employee as Item | undefined)?.id ?? '?')}`;

/** The skill's columns a caller sets (Skill entity: name and color are NOT NULL, description nullable). */
export const skillFields = {
  name: z.string().trim().min(1).max(255),
  color: z.string().refine((value) => /^#[0-9a-fA-F]{3,8}$/.test(value), 'must be a hex colour like #1e88e5'),
  description: z.string().optional(),
};

/** A skill on one line: name, id, its employees by name when joined. */
export function describeSkill(skill: Item): string {
  const employees = Array.isArray(skill.employees) ? skill.employees.map(employeeLabel) : undefined;
  const facts = [skill.description ? String(skill.description) : '', employees ? (employees.length ? `employees ${employees.join(', ')}` : 'no employees') : ''].filter(Boolean);
  return `${String(skill.name ?? '(unnamed)')} (id ${String(skill.id)})${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

export const SKILL_SUMMARY_RELATIONS = ['employees', 'employees.user'] as const;

/**
 * Gauzy's skill (packages/core/src/lib/skills): a plain CrudController behind TenantPermissionGuard only, so
 * every signed-in user may read and change skills. Its employees are a many-to-many (skill_employee) that
 * POST saves (`employees: [{id}]`) but PUT does not (CrudService.update is TypeORM's update, which skips
 * relations: seen on the real Gauzy, 202 and the list unchanged). GET /:id ignores `relations`, and
 * /pagination matches `where[name]` exactly; so lists and get read /pagination with the employees joined.
 */
export const skillEntity = defineEntity({
  name: 'skill',
  gauzyClass: 'Skill',
  noun: 'skill',
  plural: 'skills',
  path: '/api/skills',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  list: { query: 'where', paging: 'page' },
  scope: 'organization',
  fields: skillFields,
  inputOnly: ['employeeIds'],
  relations: { employees: { kind: 'manyToMany', entity: 'employee', key: 'employeeIds' } },
  // The tools join the employees themselves (GET /:id ignores relations): no relations parameter is offered.
  include: [],
  aliases: {
    list: ['get_skills', 'search_skills', 'get_skills_by_employee'],
    get: ['get_skill'],
  },
  describe: describeSkill,
});

/** `employeeIds` → Gauzy's `employees: [{id}]` (only POST saves it). */
export function skillBody(values: Item): Item {
  const { employeeIds, ...rest } = values;
  return { ...rest, ...(Array.isArray(employeeIds) ? { employees: employeeIds.map((id) => ({ id })) } : {}) };
}

/** The award's columns (EmployeeAward: name, year as a string, employee). */
export const awardFields = {
  name: z.string().trim().min(1).max(255),
  year: z.string().refine((value) => /^\d{4}$/.test(value), 'must be a year like 2024'),
};

export function describeAward(award: Item): string {
  const employee = award.employee ? employeeLabel(award.employee) : award.employeeId ? `employee ${String(award.employeeId)}` : 'no employee';
  return `${String(award.name ?? '(unnamed)')} (id ${String(award.id)}) · ${String(award.year ?? '-')} · ${employee}`;
}

export const AWARD_SUMMARY_RELATIONS = ['employee', 'employee.user'] as const;

/**
 * Gauzy's employee award (packages/core/src/lib/employee-award): every route needs PUBLIC_PAGE_EDIT or
 * ALL_ORG_EDIT (an EMPLOYEE has neither: 403). GET / reads only `where` (no paging, no relations), GET /:id
 * no relations, so lists and get read /pagination. CreateEmployeeAwardDTO needs name, year and employeeId;
 * UpdateEmployeeAwardDTO (whitelist) takes name and year only, both IsNotEmpty: update merges them.
 */
export const awardEntity = defineEntity({
  name: 'employeeAward',
  gauzyClass: 'EmployeeAward',
  noun: 'employee award',
  plural: 'employee awards',
  path: '/api/employee-award',
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  list: { query: 'where', paging: 'page' },
  scope: 'organization',
  fields: awardFields,
  columns: ['employeeId'],
  update: { mode: 'merge', bodyFields: ['name', 'year'] },
  relations: { employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' } },
  include: [],
  aliases: {
    list: ['get_employee_awards', 'get_employee_awards_by_employee', 'get_employee_awards_by_year', 'get_employee_awards_count'],
    get: ['get_employee_award'],
  },
  describe: describeAward,
});

export const awardCreateFields = { ...awardFields, employeeId: uuid() };
export const skillCreateFields = { ...skillFields, employeeIds: z.array(uuid()).optional() };
