import { GauzyMcpError } from '@gauzy-mcp/core';

/*
 * Progress as Gauzy's web app computes it (apps/gauzy/src/app/pages/goals: keyresult-update.component.ts and
 * goals.component.ts calculateGoalProgress). The API stores whatever it is sent; the app does the arithmetic, so
 * the tools do the same arithmetic to keep the numbers the app shows.
 */

type Item = Record<string, unknown>;

const invalid = (tool: string, field: string, message: string) =>
  new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [{ field, message }], fields: [field] });

/**
 * A key result's progress (0-100, rounded) for a newly recorded value. Numerical and Currency: the distance from
 * the initial value over the distance to the target (both as absolute values, as the app does, so a value past
 * the target gives more than 100). True/False and Task: 1 is done (100), 0 is not (0). KPI: 100 once the value
 * meets the target, where "meets" is the KPI's operator ('>=' unless it is '<=').
 */
export function keyResultProgress(keyResult: Item, value: number, tool: string, kpiOperator?: string): number {
  const type = String(keyResult.type ?? 'Numerical');
  if (type === 'True/False' || type === 'Task') {
    if (value !== 0 && value !== 1) throw invalid(tool, 'value', `a ${type} key result takes 1 (done) or 0 (not done)`);
    return value === 1 ? 100 : 0;
  }
  const target = Number(keyResult.targetValue ?? 0);
  if (type === 'KPI') return (kpiOperator === '<=' ? value <= target : value >= target) ? 100 : 0;
  const initial = Number(keyResult.initialValue ?? 0);
  if (target === initial) throw invalid(tool, 'value', `the key result's target equals its initial value (${initial}): set another targetValue with update_key_result first`);
  return Math.round((Math.abs(value - initial) / Math.abs(target - initial)) * 100);
}

/** A key result's weight as a number: Gauzy's '1', '2', '4'; one created without a weight counts as the default 1. */
export const weightOf = (keyResult: Item): number => Number(keyResult.weight ?? 1) || 1;

/** A goal's progress: its key results' progress weighted by their weights, rounded (undefined without key results). */
export function goalProgress(keyResults: readonly Item[]): number | undefined {
  if (!keyResults.length) return undefined;
  const weights = keyResults.reduce((sum, keyResult) => sum + weightOf(keyResult), 0);
  const weighted = keyResults.reduce((sum, keyResult) => sum + (Number(keyResult.progress) || 0) * weightOf(keyResult), 0);
  return Math.round(weighted / weights);
}
