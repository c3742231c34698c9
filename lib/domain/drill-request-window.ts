/** How long before its scheduled time a drill's run may be requested: approval must not start it days early. */
export const DRILL_REQUEST_OPENS_BEFORE_MS = 60 * 60_000;

/** The earliest moment a drill's run may be requested (a drill scheduled in the past may be requested at once). */
export function drillRequestOpensAt(scheduledFor: Date): Date {
  return new Date(scheduledFor.getTime() - DRILL_REQUEST_OPENS_BEFORE_MS);
}

/** Whether `now` is inside the drill's request window. */
export function isDrillRequestOpen(scheduledFor: Date, now: Date): boolean {
  return now.getTime() >= drillRequestOpensAt(scheduledFor).getTime();
}
