import { describe, expect, it } from 'vitest';
import { canonicalJson, changedSections, partialDocument, sectionHashes } from './section-hashes.js';
import type { InventoryDocument } from './types.js';

const doc = (hardwareName: string): InventoryDocument => ({
  action: 'inventory',
  itemtype: 'Computer',
  deviceid: 'pc-2024-01-01-00-00-00',
  content: {
    versionclient: 'ITSM-Agent_v0.1.0',
    hardware: { name: hardwareName, memory: 8000 },
    softwares: [{ name: 'vim', version: '9.0' }],
    itsm_runtime: { uptime_seconds: 10, collected_at: '2024-01-01T00:00:00.000Z' },
  },
});

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: undefined, b: 2 }] })).toBe('{"a":[{"b":2,"d":1}],"b":1}');
  });
});

describe('sectionHashes', () => {
  it('gives a sha256 per section that does not depend on key order', () => {
    const a = doc('pc');
    const b = doc('pc');
    b.content.hardware = { memory: 8000, name: 'pc' };
    expect(sectionHashes(a)).toEqual(sectionHashes(b));
    expect(Object.keys(sectionHashes(a)).sort()).toEqual(['hardware', 'itsm_runtime', 'softwares']);
    expect(sectionHashes(a).hardware).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets the sync step find and send only the changed sections', () => {
    const before = sectionHashes(doc('pc'));
    const after = doc('pc-renamed');
    const changed = changedSections(sectionHashes(after), before);
    expect(changed).toEqual(['hardware']);
    expect(partialDocument(after, changed)).toEqual({
      action: 'inventory',
      itemtype: 'Computer',
      deviceid: 'pc-2024-01-01-00-00-00',
      partial: true,
      content: { versionclient: 'ITSM-Agent_v0.1.0', hardware: { name: 'pc-renamed', memory: 8000 } },
    });
  });

  it('reports every section as changed when nothing was sent before', () => {
    expect(changedSections(sectionHashes(doc('pc')), {})).toHaveLength(3);
  });
});
