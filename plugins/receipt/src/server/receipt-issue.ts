import { DomainError, formatMessage, type Locale, type MessageParams } from '@licheng/core';

/** One problem an import found, by file and, for a student entry, by its 1-based index. */
export interface ImportProblem {
  file: string | null;
  index: number | null;
  code: string;
  params: MessageParams;
}

export type ImportProblemView = ImportProblem & { message: string };

export function problem(code: string, params: MessageParams, file: string | null = null, index: number | null = null): ImportProblem {
  return { file, index, code, params };
}

export function problemOf(error: DomainError, file: string | null = null): ImportProblem {
  return problem(error.code, error.params, file);
}

export function viewProblem(p: ImportProblem, locale: Locale): ImportProblemView {
  return { ...p, message: formatMessage(p.code, p.params, locale) };
}
