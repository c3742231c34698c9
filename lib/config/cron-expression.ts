/**
 * A light reading of cron schedules (the 5-field form, or 6 fields with seconds first as croner
 * and cron-parser accept): enough to reject typos at start-up with a precise message and to know
 * how long a schedule can leave between two runs, which bounds the RPO it can deliver.
 */

type Field = { label: string; min: number; max: number; names?: readonly string[] };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const SECOND: Field = { label: 'second', min: 0, max: 59 };
const FIELDS: readonly Field[] = [
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  { label: 'month', min: 1, max: 12, names: MONTHS },
  // 7 is Sunday too, as in every common cron.
  { label: 'day of week', min: 0, max: 7, names: WEEKDAYS },
];
const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const MINUTES_PER_DAY = 24 * 60;

export type CronSchedule = {
  /** Minutes of the day (0–1439) at which it runs, ascending. */
  timesOfDay: number[];
  /** true: every day; false: some days are skipped; undefined: day-of-month and day-of-week are both restricted (cron ORs them), not worked out here. */
  runsEveryDay: boolean | undefined;
};

export type CronReading = { ok: true; schedule: CronSchedule } | { ok: false; problem: string };

function readValue(text: string, field: Field): number | string {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return field.min + named;
  if (!/^\d+$/.test(text)) return `${field.label} "${text}" is not a number${field.names ? ' or a name' : ''}`;
  const value = Number(text);
  if (value < field.min || value > field.max) return `${field.label} "${text}" is out of range ${field.min}-${field.max}`;
  return value;
}

function readField(text: string, field: Field, isDayField: boolean): Set<number> | string {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [base = '', step, extra] = part.split('/');
    if (extra !== undefined) return `${field.label} "${part}" has more than one "/"`;
    let every = 1;
    if (step !== undefined) {
      if (!/^\d+$/.test(step) || Number(step) < 1) return `${field.label} step "/${step}" must be a positive whole number`;
      every = Number(step);
    }
    let from = field.min;
    let to = field.max;
    if (base === '?' && !isDayField) return `"?" is only allowed in the day-of-month and day-of-week fields`;
    if (base !== '*' && base !== '?') {
      const [low = '', high, rest] = base.split('-');
      if (rest !== undefined) return `${field.label} range "${base}" has more than one "-"`;
      const start = readValue(low, field);
      if (typeof start === 'string') return start;
      from = start;
      to = step !== undefined && high === undefined ? field.max : start;
      if (high !== undefined) {
        const end = readValue(high, field);
        if (typeof end === 'string') return end;
        if (end < start) return `${field.label} range "${base}" runs backwards`;
        to = end;
      }
    }
    for (let value = from; value <= to; value += every) values.add(value);
  }
  return values;
}

function coversRange(values: Set<number>, min: number, max: number): boolean {
  for (let value = min; value <= max; value += 1) if (!values.has(value)) return false;
  return true;
}

/** Reads a cron expression, or says precisely what is wrong with it. */
export function readCronExpression(expression: string): CronReading {
  const trimmed = expression.trim();
  const expanded = NICKNAMES[trimmed.toLowerCase()] ?? trimmed;
  if (expanded.startsWith('@')) return { ok: false, problem: `unknown nickname "${trimmed}" (use @hourly, @daily, @weekly, @monthly or @yearly)` };
  const parts = expanded.split(/\s+/).filter(Boolean);
  if (parts.length !== 5 && parts.length !== 6) {
    return { ok: false, problem: `expected 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first, found ${parts.length}` };
  }
  const fields = parts.length === 6 ? [SECOND, ...FIELDS] : FIELDS;
  const sets: Set<number>[] = [];
  for (const [index, field] of fields.entries()) {
    const text = parts[index] ?? '';
    if (/[LW#]/i.test(text) && !field.names) return { ok: false, problem: `${field.label} "${text}" uses L, W or #, which Lifeboat schedules do not accept` };
    const set = readField(text, field, field.label.startsWith('day'));
    if (typeof set === 'string') return { ok: false, problem: set };
    sets.push(set);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets.slice(parts.length - 5) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (daysOfWeek.delete(7)) daysOfWeek.add(0);

  const [domText = '', , dowText = ''] = parts.slice(parts.length - 3);
  const domFull = coversRange(daysOfMonth, 1, 31);
  const dowFull = coversRange(daysOfWeek, 0, 6);
  // Vixie cron semantics: when either day field starts with * the two are ANDed, otherwise ORed.
  const starred = /^[*?]/.test(domText) || /^[*?]/.test(dowText);
  let runsEveryDay: boolean | undefined = starred ? domFull && dowFull : domFull || dowFull ? true : undefined;
  if (!coversRange(months, 1, 12)) runsEveryDay = false;

  const timesOfDay = [...hours].flatMap((hour) => [...minutes].map((minute) => hour * 60 + minute)).sort((a, b) => a - b);
  return { ok: true, schedule: { timesOfDay, runsEveryDay } };
}

/**
 * The longest wait between two runs, in minutes: exact for schedules that run every day, a lower
 * bound (a whole day skipped) otherwise, undefined when that is not worked out.
 */
export function longestGapMinutes(schedule: CronSchedule): number | undefined {
  const first = schedule.timesOfDay[0];
  const last = schedule.timesOfDay.at(-1);
  if (first === undefined || last === undefined || schedule.runsEveryDay === undefined) return undefined;
  if (!schedule.runsEveryDay) return 2 * MINUTES_PER_DAY - last + first;
  let longest = MINUTES_PER_DAY - last + first;
  schedule.timesOfDay.forEach((time, index) => {
    const previous = schedule.timesOfDay[index - 1];
    if (previous !== undefined) longest = Math.max(longest, time - previous);
  });
  return longest;
}
