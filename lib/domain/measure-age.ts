export type Age = { seconds: number; skewed: boolean };

/**
 * now − at in whole seconds, never negative. A time in the future (clocks of two hosts disagree)
 * counts as age 0 and is flagged, so a skewed sample can neither hide a lag nor show a negative one.
 */
export function measureAge(at: Date, now: Date): Age {
  const ms = now.getTime() - at.getTime();
  if (ms < 0) return { seconds: 0, skewed: true };
  return { seconds: Math.floor(ms / 1000), skewed: false };
}
