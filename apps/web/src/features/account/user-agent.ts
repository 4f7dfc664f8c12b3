export type Device = {
  browser: string | null;
  os: string | null;
  /** A phone or a tablet. */
  mobile: boolean;
};

// Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari", and so on.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bcurl\//i, 'curl'],
  [/\b(?:python-requests|python-urllib|aiohttp|httpx)\b/i, 'Python'],
  [/\bPostmanRuntime\//, 'Postman'],
  [/\b(?:node-fetch|undici|axios)\b/i, 'Node.js'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

/** "Mozilla/5.0 (X11; Linux x86_64) … Chrome/126 …" → Chrome on Linux: enough to recognise a device. */
export function describeUserAgent(userAgent: string | null | undefined): Device {
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  const mobile = /\b(?:Mobile|iPhone|iPad|iPod|Android)\b/.test(ua);
  return { browser, os, mobile };
}
