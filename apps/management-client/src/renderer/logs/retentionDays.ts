/**
 * The log settings' day counts as typed: the system and rule logs keep 1 to 3650 days; closed
 * alarms may also be kept forever (0), which is where a site upgraded from before the setting
 * starts, so its alarm history is not deleted until an administrator chooses.
 */
export const MAX_RETENTION_DAYS = 3650;

/** What is wrong with a typed day count, or undefined when it is fine. */
export function retentionDaysProblem(text: string, o: { foreverAllowed: boolean }): string | undefined {
  const least = o.foreverAllowed ? 0 : 1;
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (Number.isInteger(n) && n >= least && n <= MAX_RETENTION_DAYS) return undefined;
  return o.foreverAllowed ? `Whole days, 0 to ${MAX_RETENTION_DAYS} (0 keeps them forever).` : `Whole days, 1 to ${MAX_RETENTION_DAYS}.`;
}
