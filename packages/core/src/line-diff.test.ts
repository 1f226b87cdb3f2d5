import { describe, expect, it } from 'vitest';
import { diffCounts, lineDiff } from './line-diff.ts';

describe('lineDiff', () => {
  it('marks nothing changed in equal texts', () => {
    expect(lineDiff('一\n二', '一\n二')).toEqual([{ op: 'same', text: '一' }, { op: 'same', text: '二' }]);
  });

  it('shows a changed line as removed then added, keeping the lines around it', () => {
    expect(lineDiff('我是陳小明。\n喜歡物理。\n謝謝。', '我是陳小明。\n喜歡物理與化學。\n謝謝。')).toEqual([
      { op: 'same', text: '我是陳小明。' },
      { op: 'removed', text: '喜歡物理。' },
      { op: 'added', text: '喜歡物理與化學。' },
      { op: 'same', text: '謝謝。' },
    ]);
  });

  it('finds inserted and deleted lines in the middle by the longest common subsequence', () => {
    const changes = lineDiff('a\nb\nc\nd', 'a\nx\nc\nd\ne');
    expect(changes.map((c) => `${c.op[0]}${c.text}`)).toEqual(['sa', 'rb', 'ax', 'sc', 'sd', 'ae']);
    expect(diffCounts(changes)).toEqual({ added: 2, removed: 1 });
  });

  it('reads an empty text as no lines, and CRLF as LF', () => {
    expect(lineDiff('', '一')).toEqual([{ op: 'added', text: '一' }]);
    expect(lineDiff('一\r\n二', '一\n二')).toEqual([{ op: 'same', text: '一' }, { op: 'same', text: '二' }]);
    expect(lineDiff('一', '')).toEqual([{ op: 'removed', text: '一' }]);
  });
});
