export function sweepHtml(r: unknown): string { return String(r); }
