// Shares of an SLA target (0.75) are shown and typed as percentages (75 %).

/** "75 %" (fr) or "75%" (en); up to one decimal. */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/**
 * A percentage as typed ("75", "75 %", "87,5") → the share (0.75), or null when it is not a number
 * above 0 and at most `max` (a share: 1 for warnings, 10 for an escalation after the breach).
 */
export function parsePercent(text: string, max = 1): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  // Rounded to the thousandth: 87.5 % is 0.875, not 0.87500000001.
  const share = Math.round(Number(cleaned) * 10) / 1000;
  return share > 0 && share <= max ? share : null;
}

/** Sorted, without repeats: how the API stores warning shares. */
export function normaliseShares(shares: readonly number[]): number[] {
  return [...new Set(shares)].sort((a, b) => a - b);
}

/** The share as the number typed in a percentage box (0.875 → "87.5"). */
export function percentText(share: number): string {
  return String(Math.round(share * 1000) / 10);
}
