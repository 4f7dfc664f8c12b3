// IANA time zones for the calendars' time zone picker.

let cached: string[] | null = null;

/** Every time zone the browser knows, UTC included, sorted. */
export function allTimeZones(): string[] {
  if (cached) return cached;
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  cached = [...new Set([...zones, 'UTC'])].sort();
  return cached;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_/-]+/g, ' ')
    .trim();

/**
 * The zones that match what is typed (every word, anywhere: "new york", "paris", "america sao"),
 * the ones whose city starts with it first; at most `limit`.
 */
export function searchTimeZones(zones: readonly string[], query: string, limit = 50): string[] {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return zones.slice(0, limit);
  const matches = zones.filter((zone) => {
    const text = fold(zone);
    return words.every((word) => text.includes(word));
  });
  const city = (zone: string) => fold(zone.split('/').at(-1) ?? zone);
  const first = words[0] ?? '';
  return [...matches]
    .sort(
      (a, b) => Number(!city(a).startsWith(first)) - Number(!city(b).startsWith(first)) || a.localeCompare(b),
    )
    .slice(0, limit);
}

/** "UTC+01:00" now, in that zone ("UTC" for no offset); empty when the zone is unknown. */
export function utcOffset(zone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value.replace('GMT', 'UTC') ?? '';
  } catch {
    return '';
  }
}
