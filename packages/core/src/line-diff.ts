/**
 * What changed between two versions of a text, line by line: the longest common subsequence of
 * their lines, the rest marked removed (only in `before`) or added (only in `after`). Pure; used
 * to show a checker what a student changed since the version last checked.
 */

export type LineChange = { op: 'same' | 'added' | 'removed'; text: string };

/** Lines as the diff reads them: `\r\n` and `\r` read as `\n`; an empty text has no lines. */
function linesOf(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
}

/** The line diff of `before` → `after`; removals come before the additions that replace them. */
export function lineDiff(before: string, after: string): LineChange[] {
  const a = linesOf(before);
  const b = linesOf(after);
  // Trim the common head and tail so long unchanged texts cost little.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const n = midA.length;
  const m = midB.length;
  // lcs[i][j]: length of the LCS of midA[i..] and midB[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: LineChange[] = a.slice(0, head).map((text) => ({ op: 'same', text }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      out.push({ op: 'same', text: midA[i]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ op: 'removed', text: midA[i]! });
      i++;
    } else {
      out.push({ op: 'added', text: midB[j]! });
      j++;
    }
  }
  for (const text of a.slice(a.length - tail)) out.push({ op: 'same', text });
  return out;
}

/** How many lines were added and removed. */
export function diffCounts(changes: readonly LineChange[]): { added: number; removed: number } {
  return { added: changes.filter((c) => c.op === 'added').length, removed: changes.filter((c) => c.op === 'removed').length };
}
