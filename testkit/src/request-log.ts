/** One request as the sandbox saw it (for assertions about what a client sent). */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Parsed like Gauzy (qs "extended"). */
  query: Record<string, unknown>;
  rawQuery: string;
  /** Lower-cased names; the Authorization value is redacted. */
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** 0 when the connection was reset by a fault. */
  status: number;
  responseBody: unknown;
  at: string;
}

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = k.toLowerCase() === 'authorization' && v ? 'Bearer <redacted>' : v;
  return out;
}

export function parseResponsePayload(payload: unknown): unknown {
  if (typeof payload !== 'string') return payload ?? null;
  if (payload === '') return null;
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}
