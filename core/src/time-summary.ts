import { personName } from './results.js';

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

/** The parts of Gauzy's daily report (`GET /api/timesheet/time-log/report/daily`, TimeLogService.getDailyReport) a summary reads: day → project → employee, summed. */
export interface DailyReportDay {
  date?: string;
  logs?: Array<{ project?: { id?: string; name?: string } | null; employeeLogs?: Array<{ employee?: Record<string, unknown> | null; sum?: number }> }>;
}

type Share = Omit<TimeShare, 'name'>;

export interface DailyReportSummary {
  totalSeconds: number;
  totalHours: number;
  byEmployee: TimeShare[];
  /** Each project's people by id and time: their names are in `byEmployee` once. */
  byProject: Array<TimeShare & { employees: Share[] }>;
  days: Array<{ date: string; seconds: number; hours: number; projects: Array<{ id: string | null; name: string; seconds: number; hours: number; employees: Array<Omit<Share, 'percent'>> }> }>;
}

/**
 * Gauzy's daily report summed per employee, per project and per day, named and with ids. The report repeats
 * the whole project and employee (with its user) under every day, 17.7 KB for two days of demo data; a
 * model needs the sums, who and what they are for, so only those are kept.
 */
export function summarizeDailyReport(report: readonly DailyReportDay[]): DailyReportSummary {
  const employees = new TimeTally();
  const projects = new Map<string | null, { name: string; staff: TimeTally }>();
  const days = report
    .map((day) => {
      const dayProjects = (day.logs ?? [])
        .map((entry) => {
          const id = entry.project?.id ?? null;
          const name = entry.project?.name ?? 'No project';
          const project = projects.get(id) ?? { name, staff: new TimeTally() };
          projects.set(id, project);
          const staff = new TimeTally();
          for (const log of entry.employeeLogs ?? []) {
            const employeeId = typeof log.employee?.id === 'string' ? log.employee.id : null;
            const person = personName(log.employee) ?? 'Unknown employee';
            for (const tally of [staff, employees, project.staff]) tally.add(employeeId, person, log.sum ?? 0);
          }
          const seconds = staff.total;
          return { id, name, seconds, hours: hoursOf(seconds), employees: staff.list().map(({ id: who, seconds: secs, hours }) => ({ id: who, seconds: secs, hours })) };
        })
        .sort((a, b) => b.seconds - a.seconds);
      const seconds = dayProjects.reduce((sum, project) => sum + project.seconds, 0);
      return { date: String(day.date), seconds, hours: hoursOf(seconds), projects: dayProjects };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  const totalSeconds = employees.total;
  const byProject = [...projects.entries()]
    .map(([id, { name, staff }]) => ({
      id,
      name,
      seconds: staff.total,
      hours: hoursOf(staff.total),
      percent: percentOf(staff.total, totalSeconds),
      employees: staff.list().map(({ name: _name, ...share }) => share),
    }))
    .sort((a, b) => b.seconds - a.seconds || a.name.localeCompare(b.name));
  return { totalSeconds, totalHours: hoursOf(totalSeconds), byEmployee: employees.list(), byProject, days };
}
