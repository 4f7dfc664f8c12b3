import { describe, expect, it } from 'vitest';
import { sameMachine } from './identity.js';

const pc = { id: 1, uuid: 'uuid-a', serial: 'SN-A', macs: ['10:7b:44:aa:bb:cc'] };
const laptop = { id: 2, uuid: 'uuid-b', serial: 'SN-B', macs: ['3c:22:fb:00:11:22'] };

describe('machine identity', () => {
  it('recognises the same hardware by UUID and serial, or by one of them when the other is unknown', () => {
    expect(sameMachine({ uuid: 'uuid-a', serial: 'SN-A', macs: [] }, [pc, laptop])).toBe(1);
    expect(sameMachine({ uuid: 'uuid-b', serial: null, macs: [] }, [pc, laptop])).toBe(2);
    expect(sameMachine({ uuid: null, serial: 'SN-A', macs: [] }, [pc, laptop])).toBe(1);
  });

  it('falls back to a shared network card when UUID and serial are unknown', () => {
    expect(sameMachine({ uuid: null, serial: null, macs: ['3c:22:fb:00:11:22'] }, [pc, laptop])).toBe(2);
  });

  it('never merges hardware whose known facts disagree (a cloned VM keeps its MACs)', () => {
    expect(sameMachine({ uuid: 'uuid-clone', serial: null, macs: ['10:7b:44:aa:bb:cc'] }, [pc])).toBeNull();
    expect(sameMachine({ uuid: 'uuid-a', serial: 'SN-OTHER', macs: [] }, [pc])).toBeNull();
  });

  it('knows nothing of hardware it has never seen', () => {
    expect(sameMachine({ uuid: null, serial: null, macs: [] }, [pc, laptop])).toBeNull();
    expect(sameMachine({ uuid: 'uuid-z', serial: 'SN-Z', macs: ['aa:aa:aa:aa:aa:aa'] }, [])).toBeNull();
  });
});
