import { describe, expect, it } from 'vitest';
import { formatDuration, formatInventorySummary } from './summary.js';

describe('formatInventorySummary', () => {
  it('prints one readable line per area', () => {
    const text = formatInventorySummary({
      action: 'inventory',
      itemtype: 'Computer',
      deviceid: 'pc-ann-2024-01-05-09-07-03',
      content: {
        versionclient: 'ITSM-Agent_v0.1.0',
        hardware: { name: 'pc-ann', memory: 16384 },
        operatingsystem: { full_name: 'Debian GNU/Linux 12 (bookworm)', dns_domain: 'corp.example.org' },
        bios: { smanufacturer: 'LENOVO', smodel: '20XW', ssn: 'PF2' },
        softwares: [{ name: 'vim' }],
        users: [{ login: 'ann' }],
        itsm_runtime: { uptime_seconds: 90_061, collected_at: '2024-01-05T09:07:03.000Z' },
      },
    });
    expect(text).toContain('hostname   pc-ann / domain corp.example.org');
    expect(text).toContain('machine    LENOVO 20XW serial PF2');
    expect(text).toContain('memory     16.0 GB');
    expect(text).toContain('software   1 packages');
    expect(text).toContain('users      ann');
    expect(text).toContain('uptime     1 d 1 h 1 min');
  });
});

describe('formatDuration', () => {
  it('shows hours and minutes under a day', () => {
    expect(formatDuration(3720)).toBe('1 h 2 min');
  });
});
