import { describe, expect, it } from 'vitest';
import { redactUrl } from './logger.js';

describe('redactUrl', () => {
  it('masks secrets carried in query strings and keeps the rest', () => {
    expect(redactUrl('/reset?token=abc123&lang=fr')).toBe('/reset?token=[redacted]&lang=fr');
    expect(redactUrl('/x?a=1&password=p&Key=k')).toBe('/x?a=1&password=[redacted]&Key=[redacted]');
    expect(redactUrl('/api/v1/tickets?status=new')).toBe('/api/v1/tickets?status=new');
  });
});
