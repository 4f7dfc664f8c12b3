import { describe, expect, it } from 'vitest';
import { articleTransition, availableArticleActions } from './workflow.js';

const staff = { staff: true, reviewer: false };
const reviewer = { staff: true, reviewer: true };
const reader = { staff: false, reviewer: false };

describe('article workflow', () => {
  it('publishes a draft directly without reviewer group, through review with one', () => {
    expect(availableArticleActions({ status: 'draft', reviewerGroupId: null }, staff)).toEqual([
      'publish',
      'archive',
    ]);
    expect(availableArticleActions({ status: 'draft', reviewerGroupId: 4 }, staff)).toEqual([
      'submit',
      'archive',
    ]);
    expect(articleTransition({ status: 'draft', reviewerGroupId: 4 }, staff, 'publish')).toBeNull();
    expect(articleTransition({ status: 'draft', reviewerGroupId: 4 }, staff, 'submit')).toBe('in_review');
  });

  it('only a reviewer approves or rejects; the author may withdraw it', () => {
    const inReview = { status: 'in_review' as const, reviewerGroupId: 4 };
    expect(availableArticleActions(inReview, staff)).toEqual(['unpublish']);
    expect(articleTransition(inReview, staff, 'approve')).toBeNull();
    expect(articleTransition(inReview, reviewer, 'approve')).toBe('published');
    expect(articleTransition(inReview, reviewer, 'reject')).toBe('draft');
  });

  it('archives and brings back to draft; readers do nothing', () => {
    expect(articleTransition({ status: 'published', reviewerGroupId: null }, staff, 'archive')).toBe(
      'archived',
    );
    expect(articleTransition({ status: 'archived', reviewerGroupId: null }, staff, 'unpublish')).toBe(
      'draft',
    );
    expect(availableArticleActions({ status: 'published', reviewerGroupId: null }, reader)).toEqual([]);
  });
});
