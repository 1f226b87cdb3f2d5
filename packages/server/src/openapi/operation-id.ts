/** camelCase of the words in `parts`: ['student', 'outcomes.upload'] → 'studentOutcomesUpload'. */
export function camelId(...parts: string[]): string {
  const words = parts.flatMap((p) => p.split(/[^A-Za-z0-9]+/)).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

/** The operationId of a procedure: its dotted path in camelCase (`student.outcomes.upload` → `studentOutcomesUpload`). */
export const procedureOperationId = (path: string): string => camelId(path);

/** The operationId of a plain route: method and path (`GET /api/files/{id}` → `getApiFilesById`). */
export const routeOperationId = (method: string, path: string): string =>
  camelId(method.toLowerCase(), ...path.split('/').map((s) => (s.startsWith('{') ? `by ${s.slice(1, -1)}` : s)));
