/** Bounds and forms of rates shared by every schema that reads one. */

/** Highest tariff or bound accepted (1000%): above it a number is almost surely a unit error. */
export const MAX_RATE = 10;

/** A percent string such as `"54%"` (the number is group 1). */
export const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;
