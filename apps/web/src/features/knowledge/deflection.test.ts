import { describe, expect, it } from 'vitest';
import { deflectionOnLeave } from './deflection';

const base = { opened: [] as number[], submitted: false, recorded: false, query: 'imprimante hors ligne' };

describe('deflectionOnLeave', () => {
  it('records nothing when no suggestion was opened', () => {
    expect(deflectionOnLeave(base)).toBeNull();
  });

  it('credits the last suggestion opened, with the title typed', () => {
    expect(deflectionOnLeave({ ...base, opened: [4, 9] })).toEqual({
      article: 9,
      query: 'imprimante hors ligne',
    });
  });

  it('never counts a submitted ticket, nor the same leaving twice', () => {
    expect(deflectionOnLeave({ ...base, opened: [4], submitted: true })).toBeNull();
    expect(deflectionOnLeave({ ...base, opened: [4], recorded: true })).toBeNull();
  });

  it('leaves out an empty title and cuts a long one to what the API keeps', () => {
    expect(deflectionOnLeave({ ...base, opened: [4], query: '   ' })).toEqual({ article: 4 });
    const long = deflectionOnLeave({ ...base, opened: [4], query: `  ${'a'.repeat(250)}` });
    expect(long?.query).toHaveLength(200);
  });
});
