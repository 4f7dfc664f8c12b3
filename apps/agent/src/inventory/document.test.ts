import { describe, expect, it } from 'vitest';
import { buildInventoryDocument, makeDeviceId, mergeParts, VERSION_CLIENT } from './document.js';

describe('makeDeviceId', () => {
  it('is the short hostname and a local date stamp, as GLPI agents make it', () => {
    expect(makeDeviceId('pc-ann.corp.example.org', new Date(2024, 0, 5, 9, 7, 3))).toBe(
      'pc-ann-2024-01-05-09-07-03',
    );
  });
});

describe('buildInventoryDocument', () => {
  it('wraps the merged sections in an inventory of a computer', () => {
    const doc = buildInventoryDocument(
      [
        { hardware: { name: 'pc-ann', memory: 16000 }, cpus: [{ name: 'A' }] },
        { hardware: { defaultgateway: '10.0.0.1' }, itsm: { dhcp_interfaces: ['eth0'] } },
        { itsm: { sessions: [] }, cpus: [{ name: 'B' }] },
      ],
      { deviceId: 'pc-ann-2024-01-05-09-07-03' },
    );
    expect(doc).toEqual({
      action: 'inventory',
      itemtype: 'Computer',
      deviceid: 'pc-ann-2024-01-05-09-07-03',
      content: {
        versionclient: VERSION_CLIENT,
        hardware: { name: 'pc-ann', memory: 16000, defaultgateway: '10.0.0.1' },
        cpus: [{ name: 'B' }],
        itsm: { dhcp_interfaces: ['eth0'], sessions: [] },
      },
    });
    expect(VERSION_CLIENT).toMatch(/^ITSM-Agent_v\d+\.\d+\.\d+/);
  });

  it('merges nothing into nothing', () => {
    expect(mergeParts([])).toEqual({});
  });
});
