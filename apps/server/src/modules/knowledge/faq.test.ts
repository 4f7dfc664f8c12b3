import { describe, expect, it } from 'vitest';
import { faqScore } from './faq.js';

describe('faqScore', () => {
  it('ranks a ticket resolved above two helpful votes, and an unhelpful vote against', () => {
    const base = { view_count: 0, helpful_count: 0, unhelpful_count: 0, resolved_count: 0 };
    expect(faqScore({ ...base, resolved_count: 1 })).toBeGreaterThan(faqScore({ ...base, helpful_count: 1 }));
    expect(faqScore({ ...base, helpful_count: 2 })).toBe(10);
    expect(faqScore({ ...base, view_count: 40, unhelpful_count: 5 })).toBe(25);
    expect(faqScore({ view_count: 100, helpful_count: 3, unhelpful_count: 1, resolved_count: 2 })).toBe(132);
  });
});
