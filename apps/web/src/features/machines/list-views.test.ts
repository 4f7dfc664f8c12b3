import { describe, expect, it } from 'vitest';
import { notSeenViews } from './list-views';

describe('the views of the machine list', () => {
  it('offers all machines, then not seen for 7, 30 and 90 days', () => {
    expect(notSeenViews(undefined)).toEqual([undefined, 7, 30, 90]);
    expect(notSeenViews(30)).toEqual([undefined, 7, 30, 90]);
  });

  it('gives a number of days from the URL its own tab, in order', () => {
    expect(notSeenViews(14)).toEqual([undefined, 7, 14, 30, 90]);
    expect(notSeenViews(365)).toEqual([undefined, 7, 30, 90, 365]);
  });
});
