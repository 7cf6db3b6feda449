import { z } from 'zod';
import { GauzyMcpError, type FieldIssue } from './errors.js';
import type { ToolScope } from './tool.js';

/**
 * A preset value taken from the caller at call time: their employee or user id. Reference names such as
 * `get_my_comments` are one filter of a listed tool, with "me" in it; the kernel fills it in after it
 * knows who is calling, so the handler sees a plain id.
 */
export class CallerValue {
  constructor(
    readonly key: 'employeeId' | 'userId',
    /** How docs and errors name it. */
    readonly label: string,
  ) {}
}

/** The caller's employee id (refused with a clear sentence when their user has no employee record). */
export const callerEmployeeId = new CallerValue('employeeId', 'your employee id');
/** The caller's user id. */
export const callerUserId = new CallerValue('userId', 'your user id');

/** Arguments a preset name fixes: literal values, or the caller's own ids. */
export type ToolPreset = Readonly<Record<string, unknown>>;

/** A preset name ready to call: its fixed values split by kind, and the schema the caller's arguments are parsed with. */
export interface CompiledPreset {
  name: string;
  literals: Record<string, unknown>;
  fromCaller: Record<string, CallerValue>;
  /** The tool's input without the arguments filled from the caller (those are set after the scope is known). */
  input: z.ZodObject;
}

export function compilePreset(name: string, preset: ToolPreset, input: z.ZodObject): CompiledPreset {
  const literals: Record<string, unknown> = {};
  const fromCaller: Record<string, CallerValue> = {};
  for (const [key, value] of Object.entries(preset)) {
    if (value instanceof CallerValue) fromCaller[key] = value;
    else literals[key] = value;
  }
  const omitted = Object.fromEntries(Object.keys(fromCaller).map((key) => [key, true as const]));
  return { name, literals, fromCaller, input: Object.keys(omitted).length ? input.omit(omitted as never) : input };
}

/** What a preset fixes, in words, for the docs and the tools command: `employeeId = your employee id, status = "REQUESTED"`. */
export function describePreset(preset: ToolPreset): string {
  return Object.entries(preset)
    .map(([key, value]) => `${key} = ${value instanceof CallerValue ? value.label : JSON.stringify(value)}`)
    .join(', ');
}

/**
 * The arguments a preset call is parsed with: the caller's plus the fixed ones. An argument the preset
 * fixes may be passed only with the same value; another value is refused naming it, since silently
 * overriding it would answer a different question than the one asked.
 */
export function presetArguments(preset: CompiledPreset, tool: string, rawArgs: unknown): unknown {
  if (rawArgs === null || typeof rawArgs !== 'object' || Array.isArray(rawArgs)) return rawArgs;
  const args = rawArgs as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(preset.literals)) {
    if (key in args && JSON.stringify(args[key]) !== JSON.stringify(value)) issues.push({ field: key, message: `${preset.name} fixes it to ${JSON.stringify(value)}; call ${tool} to choose another` });
  }
  for (const [key, value] of Object.entries(preset.fromCaller)) {
    if (key in args) issues.push({ field: key, message: `${preset.name} fixes it to ${value.label}; call ${tool} to choose another` });
  }
  if (issues.length) throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [preset.name], { issues, fields: issues.map((issue) => issue.field) });
  return { ...args, ...preset.literals };
}

/** Sets the arguments filled from the caller, once their scope is known. */
export function fillFromCaller(preset: CompiledPreset, tool: string, args: Record<string, unknown>, scope: ToolScope): Record<string, unknown> {
  const filled = { ...args };
  for (const [key, value] of Object.entries(preset.fromCaller)) {
    const id = scope[value.key];
    if (!id) {
      const issue = { field: key, message: `you have no ${value.key === 'employeeId' ? 'employee record' : 'user'} in this organization, so ${preset.name} has nothing to show; call ${tool} with ${key}` };
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [preset.name], { issues: [issue], fields: [key] });
    }
    filled[key] = id;
  }
  return filled;
}
