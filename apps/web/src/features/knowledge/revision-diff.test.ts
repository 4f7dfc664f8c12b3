import { describe, expect, it } from 'vitest';
import {
  changedFields,
  collapseUnchanged,
  comparedRevisions,
  type DiffLine,
  diffLines,
  revisionNote,
} from './revision-diff';

const same = (text: string) => ({ kind: 'same' as const, text });
const added = (text: string) => ({ kind: 'added' as const, text });
const removed = (text: string) => ({ kind: 'removed' as const, text });

const short = (lines: DiffLine[]) => lines.map((l) => `${l.old ?? '-'}:${l.new ?? '-'} ${l.kind} ${l.text}`);

describe('body diff, line by line', () => {
  it('splits parts of several lines into numbered rows', () => {
    const lines = diffLines([
      same('# Titre\n\nUn\n'),
      removed('Deux\n'),
      added('Deux bis\nTrois\n'),
      same('Fin'),
    ]);
    expect(short(lines)).toEqual([
      '1:1 same # Titre',
      '2:2 same ',
      '3:3 same Un',
      '4:- removed Deux',
      '-:4 added Deux bis',
      '-:5 added Trois',
      '5:6 same Fin',
    ]);
  });

  it('shows a last line that only gained a newline (then more lines) as unchanged', () => {
    // What the server's diffLines answers when text is appended after a last line without newline.
    const lines = diffLines([
      same('Un\n'),
      removed('Plus d’informations.'),
      added('Plus d’informations.\n\n## En cas de problème\n'),
    ]);
    expect(short(lines)).toEqual([
      '1:1 same Un',
      '2:2 same Plus d’informations.',
      '-:3 added ',
      '-:4 added ## En cas de problème',
    ]);
  });

  it('keeps common last lines of a change unchanged too, and an empty body has no line', () => {
    expect(short(diffLines([removed('a\nfin\n'), added('b\nfin\n')]))).toEqual([
      '1:- removed a',
      '-:1 added b',
      '2:2 same fin',
    ]);
    expect(diffLines([same('')])).toEqual([]);
    expect(short(diffLines([added('Nouveau')]))).toEqual(['-:1 added Nouveau']);
  });

  it('hides long unchanged runs, keeping three lines around each change', () => {
    const text = Array.from({ length: 20 }, (_, i) => `l${i + 1}\n`).join('');
    const lines = diffLines([same(text), added('nouvelle\n'), same('a\nb\n')]);
    const rows = collapseUnchanged(lines);
    expect(rows.map((r) => (r.type === 'gap' ? `gap ${r.lines.length}` : r.line.text))).toEqual([
      'gap 17',
      'l18',
      'l19',
      'l20',
      'nouvelle',
      'a',
      'b',
    ]);
  });

  it('shows short unchanged runs rather than a gap of one or two lines', () => {
    const lines = diffLines([added('x\n'), same('1\n2\n3\n4\n5\n'), removed('y\n')]);
    expect(collapseUnchanged(lines, 2).map((r) => r.type)).toEqual([
      'line',
      'line',
      'line',
      'line',
      'line',
      'line',
      'line',
    ]);
    const far = diffLines([added('x\n'), same('1\n2\n3\n4\n5\n6\n7\n8\n'), removed('y\n')]);
    expect(
      collapseUnchanged(far, 2).map((r) => (r.type === 'gap' ? `gap ${r.lines.length}` : 'line')),
    ).toEqual(['line', 'line', 'line', 'gap 4', 'line', 'line', 'line']);
  });

  it('says which fields changed', () => {
    expect(
      changedFields({
        from: 1,
        to: 2,
        title: [same('Titre')],
        summary: [removed('a'), added('b')],
        body: [same('x')],
        tags: { added: [], removed: ['vpn'] },
      }),
    ).toEqual({ title: false, summary: true, body: false, tags: true });
  });
});

describe('revisions compared', () => {
  it('takes the two of the URL in order, else the last change, else none', () => {
    expect(comparedRevisions({ from: 5, to: 2 }, 7)).toEqual({ from: 2, to: 5 });
    expect(comparedRevisions({ from: 3, to: 3 }, 7)).toEqual({ from: 6, to: 7 });
    expect(comparedRevisions({ to: 3 }, 7)).toEqual({ from: 6, to: 7 });
    expect(comparedRevisions({}, 1)).toBeNull();
    expect(comparedRevisions({}, undefined)).toBeNull();
  });
});

describe('revision notes', () => {
  it('recognises the notes the server writes itself', () => {
    expect(revisionNote('publish')).toEqual({ kind: 'action', action: 'publish' });
    expect(revisionNote('Restored revision 3')).toEqual({ kind: 'restored', number: 3 });
    expect(revisionNote('  Section dépannage ')).toEqual({ kind: 'text', text: 'Section dépannage' });
    expect(revisionNote(null)).toBeNull();
    expect(revisionNote('')).toBeNull();
  });
});
