import type { EssayChecker, EssayKind, EssayLanguage, LineChange, StudyPlanSections, WindowState } from '@licheng/core';
import type { CheckView, DocumentView, VersionTextView, VersionView } from '../server/index.ts';

/** Procedure paths of the office. */
export const paths = {
  mine: 'autobiography.documents.mine',
  get: 'autobiography.documents.get',
  version: 'autobiography.versions.get',
  save: 'autobiography.drafts.save',
  restore: 'autobiography.drafts.restore',
  submit: 'autobiography.submissions.submit',
  cancel: 'autobiography.submissions.cancel',
  queue: 'autobiography.checks.queue',
  check: 'autobiography.checks.get',
  decide: 'autobiography.checks.decide',
  reopen: 'autobiography.checks.reopen',
} as const;

export type { CheckView, DocumentView, VersionTextView, VersionView };

/** One document in `autobiography.documents.mine`; status 'new' when nothing is written yet. */
export type MineDocument = Omit<DocumentView, 'id' | 'status'> & { id: string | null; status: DocumentView['status'] | 'new'; standing: CheckView | null };

export interface Mine {
  settings: { checker: EssayChecker; maxChars: number; languages: EssayLanguage[] };
  window: { state: WindowState; start: string | null; end: string | null };
  documents: MineDocument[];
}

export interface DocumentDetail {
  document: DocumentView | null;
  latest: VersionTextView | null;
  versions: VersionView[];
  checks: CheckView[];
}

export interface QueueItem extends DocumentView {
  student: { studentNo: string; name: string; className: string; seatNo: number };
  standing: (CheckView & { mine?: boolean }) | null;
}

export interface Queue {
  checker: EssayChecker;
  mayCheck: boolean;
  classNames: string[];
  items: QueueItem[];
}

export interface CheckDetail {
  document: DocumentView;
  student: { id: string; studentNo: string; name: string; className: string; seatNo: number };
  version: VersionTextView | null;
  previous: { version: number; decision: 'passed' | 'returned'; changes: LineChange[] } | null;
  checks: Array<CheckView & { mine?: boolean }>;
}

export type { EssayKind, EssayLanguage, StudyPlanSections };
