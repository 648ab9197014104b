/** Calendar dates of scenario files (timeline steps, deadlines, negotiation dates). */
import { z } from 'zod';
import * as msg from './messages/scenario.ts';

/** Whether YYYY-MM-DD names a real calendar day (2025-02-29 and 2025-13-45 do not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => msg.dateYyyyMm(iss.input) })
  .refine(isCalendarDate, { error: (iss) => msg.calendarDateYyyy(String(iss.input)) });
