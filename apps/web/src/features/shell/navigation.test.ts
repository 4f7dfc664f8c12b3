import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

describe('navigation by role', () => {
  it('shows the administration only to administrators', () => {
    const labels = (role: 'admin' | 'technician' | 'user') =>
      navigationFor(role).flatMap((s) => s.items.map((i) => i.label));
    expect(labels('admin')).toEqual([
      'home',
      'users',
      'structures',
      'groups',
      'sites',
      'loginEvents',
      'auditLog',
    ]);
    expect(labels('technician')).toEqual(['home']);
    expect(labels('user')).toEqual(['home']);
    expect(navigationFor('user').map((s) => s.title)).toEqual([null]);
  });
});
