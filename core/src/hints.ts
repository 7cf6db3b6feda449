import { isGauzyMcpError, type ErrorCode } from './errors.js';

/** A known Gauzy refusal of a flow and the sentence that tells the user what to do about it. */
export interface RefusalHint {
  /** The coded error the refusal arrives as (default: any Gauzy refusal). */
  code?: ErrorCode;
  /** Matched against Gauzy's messages. */
  match: RegExp;
  hint: string;
}

/**
 * Runs `call`; a Gauzy refusal that matches one of `hints` is rethrown with that hint in `details.hint`,
 * which the error result shows as "What to do: …" and carries in its structured error. Gauzy's own
 * messages ("invalid-task-permissions") name the rule, not the way out.
 */
export async function withRefusalHints<T>(call: () => Promise<T>, hints: readonly RefusalHint[]): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isGauzyMcpError(error) || error.kind !== 'gauzy') throw error;
    const messages = Array.isArray(error.details.gauzyMessages) ? error.details.gauzyMessages.map(String) : [];
    const known = hints.find((hint) => (hint.code === undefined || hint.code === error.code) && messages.some((message) => hint.match.test(message)));
    if (!known) throw error;
    // The refusal itself, code and message unchanged, now saying what to do.
    error.details.hint = known.hint;
    throw error;
  }
}
