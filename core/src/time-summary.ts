/**
 * Time summed for a report a person reads: per employee, project or day, in hours to two decimals beside
 * the exact seconds, with each one's share of the total. The summary tools of every pack use these, so
 * "7.00 h (25200 s), 42.9%" reads the same everywhere.
 */

export interface TimeShare {
  id: string | null;
  name: string;
  seconds: number;
  hours: number;
  /** Share of the tally's total, in percent to one decimal. */
  percent: number;
}

export const hoursOf = (seconds: number): number => Math.round(seconds / 36) / 100;

/** `part` as a percentage of `whole`, to one decimal (0 when there is no whole). */
export const percentOf = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** "7.00 h (25200 s)": hours for a reader, the exact seconds for arithmetic. */
export const formatSeconds = (seconds: number): string => `${hoursOf(seconds).toFixed(2)} h (${seconds} s)`;

/** "Ana Lopez (id …)", or the name alone for what has no id ("No project"). */
export const labelWithId = (entry: Pick<TimeShare, 'id' | 'name'>): string => (entry.id ? `${entry.name} (id ${entry.id})` : entry.name);

/** Seconds summed by id (the first name seen is kept), listed as shares of their total, largest first. */
export class TimeTally {
  private readonly byId = new Map<string | null, { name: string; seconds: number }>();

  add(id: string | null, name: string, seconds: number): void {
    const entry = this.byId.get(id) ?? { name, seconds: 0 };
    entry.seconds += seconds;
    this.byId.set(id, entry);
  }

  get total(): number {
    return [...this.byId.values()].reduce((sum, entry) => sum + entry.seconds, 0);
  }

  list(): TimeShare[] {
    const total = this.total;
    return [...this.byId.entries()]
      .map(([id, { name, seconds }]) => ({ id, name, seconds, hours: hoursOf(seconds), percent: percentOf(seconds, total) }))
      .sort((a, b) => b.seconds - a.seconds || a.name.localeCompare(b.name));
  }
}
