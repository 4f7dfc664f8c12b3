// SLA targets are stored in working minutes and typed in hours and minutes.

/** The largest target the API accepts: a year of minutes. */
export const MAX_TARGET_MINUTES = 525_600;

/** 270 → { hours: 4, minutes: 30 }. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(total));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

const WHOLE = /^\d{1,6}$/;

/**
 * Hours and minutes as typed (empty counts as 0) → minutes; null when either is not a whole number,
 * the minutes are 60 or more, or the total is 0 or past the API's limit.
 */
export function joinMinutes(hours: string, minutes: string): number | null {
  const h = hours.trim() === '' ? '0' : hours.trim();
  const m = minutes.trim() === '' ? '0' : minutes.trim();
  if (!WHOLE.test(h) || !WHOLE.test(m)) return null;
  const total = Number(h) * 60 + Number(m);
  if (Number(m) >= 60 || total <= 0 || total > MAX_TARGET_MINUTES) return null;
  return total;
}

/** "4 h 30 min", "30 min", "40 h" in the interface's language (units from Intl). */
export function formatMinutes(total: number, language: string): string {
  const { hours, minutes } = splitMinutes(total);
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (hours === 0) return unit(minutes, 'minute');
  if (minutes === 0) return unit(hours, 'hour');
  return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
}
