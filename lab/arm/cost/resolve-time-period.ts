import { ArmError } from '../arm-error';
import type { QueryDefinition } from './query-definition';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Cost Management refuses custom periods longer than a year. */
const MAX_DAYS = 366;

function utcDay(time: number): Date {
  const date = new Date(time);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** The UTC days a query covers, first to last inclusive; days after today have no cost yet and are dropped. */
export function resolveTimePeriod(query: QueryDefinition, now: Date): Date[] {
  const today = utcDay(now.getTime());
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  let from: Date;
  let to: Date;
  switch (query.timeframe) {
    case 'MonthToDate':
    case 'BillingMonthToDate':
      from = new Date(Date.UTC(year, month, 1));
      to = today;
      break;
    case 'TheLastMonth':
    case 'TheLastBillingMonth':
      from = new Date(Date.UTC(year, month - 1, 1));
      to = new Date(Date.UTC(year, month, 0));
      break;
    case 'WeekToDate':
      // Weeks start on Monday.
      from = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS);
      to = today;
      break;
    case 'Custom': {
      const period = query.timePeriod;
      if (!period) throw new ArmError(400, 'BadRequest', 'timePeriod is required when timeframe is Custom.');
      from = utcDay(Date.parse(period.from));
      to = utcDay(Date.parse(period.to));
      if (to < from) throw new ArmError(400, 'BadRequest', `Invalid time period: 'to' (${period.to}) is before 'from' (${period.from}).`);
      if ((to.getTime() - from.getTime()) / DAY_MS + 1 > MAX_DAYS) throw new ArmError(400, 'BadRequest', 'Invalid time period: a custom query may cover at most one year.');
      break;
    }
  }
  const days: Date[] = [];
  for (let time = from.getTime(); time <= Math.min(to.getTime(), today.getTime()); time += DAY_MS) days.push(new Date(time));
  return days;
}
