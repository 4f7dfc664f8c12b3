import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSystemProfilerApplications, SYSTEM_PROFILER_ARGS } from './macos-applications.js';

const sample = readFileSync(new URL('./fixtures/system-profiler-applications.json', import.meta.url), 'utf8');

describe('parseSystemProfilerApplications', () => {
  it('asks system_profiler for the applications as JSON', () => {
    expect(SYSTEM_PROFILER_ARGS).toEqual(['SPApplicationsDataType', '-json']);
  });

  it('reads name, version, path and architecture', () => {
    const [safari] = parseSystemProfilerApplications(sample);
    expect(safari).toEqual({
      name: 'Safari',
      version: '17.2.1',
      publisher: 'Apple',
      arch: 'aarch64',
      folder: '/Applications/Safari.app',
      install_date: '2024-01-10',
      system_category: 'apple',
      from: 'system_profiler',
    });
  });

  it('takes the publisher from the Developer ID signature', () => {
    const items = parseSystemProfilerApplications(sample);
    expect(items.map((i) => [i.name, i.publisher])).toEqual([
      ['Safari', 'Apple'],
      ['Google Chrome', 'Google LLC'],
      ['Keynote', undefined],
      ['legacy-tool', undefined],
    ]);
    expect(items[3]?.arch).toBe('x86_64');
  });

  it('returns nothing for output that is not JSON', () => {
    expect(parseSystemProfilerApplications('No applications')).toEqual([]);
  });
});
