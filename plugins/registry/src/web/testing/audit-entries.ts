import type { Locale } from '@licheng/core';
import { auditWords } from '../../audit-labels.ts';
import type { AuditEntry, AuditPage } from '../api.ts';

/** An entry as stored; registry.audit.list adds its `words` (see auditPage). */
type StoredEntry = Omit<AuditEntry, 'words'>;

/** Audit entries as registry.audit.list returns them: a school's ordinary week. */
const chen = { id: 'stu-chen', studentNo: '1130001', name: '陳小明', className: '101' };
const wang = { id: 't-wang', name: '王老師', role: 'subject-teacher' };
const registry = { id: 'r-staff', name: '註冊組長', role: 'registry-staff' };

export const importEntry: StoredEntry = {
  id: '019ac5a0-0000-7000-8000-000000000010',
  at: '2026-11-27T01:15:00.000Z',
  actor: registry,
  action: 'roster.import.courses',
  entity: 'roster',
  entityId: 'courses',
  parentId: null,
  student: null,
  before: null,
  after: { fileName: '開課.xlsx', rowCount: 42, inserted: 0, updated: 1, unchanged: 41 },
};

export const auditEntries: StoredEntry[] = [
  {
    id: '019ac5a0-0000-7000-8000-000000000012',
    at: '2026-11-27T03:05:09.000Z',
    actor: wang,
    action: 'outcome.certify.fail',
    entity: 'record',
    entityId: '019ac590-1111-7000-8000-00000000a001',
    parentId: null,
    student: chen,
    before: { status: 'pending', status_reason: null, decided_by_name: null, version: 1 },
    after: { status: 'failed', status_reason: '非本課程之作品', decided_by_name: '王老師', version: 2 },
  },
  {
    id: '019ac5a0-0000-7000-8000-000000000011',
    at: '2026-11-27T02:40:00.000Z',
    actor: wang,
    action: 'file.open',
    entity: 'stored_file',
    entityId: '019ac590-2222-7000-8000-00000000f001',
    parentId: null,
    student: chen,
    before: null,
    after: { file_name: '紅樓夢報告.pdf', summary: '紅樓夢人物分析' },
  },
  importEntry,
  {
    id: '019ac5a0-0000-7000-8000-000000000009',
    at: '2026-11-27T01:15:00.000Z',
    actor: registry,
    action: 'roster.course.update',
    entity: 'course',
    entityId: '019ac590-3333-7000-8000-00000000c001',
    parentId: importEntry.id,
    student: null,
    before: { teachers: ['T001'] },
    after: { teachers: ['T001', 'T002'] },
  },
];

/** A page as the server answers it, each entry worded in `locale` by the server's own rules. */
export function auditPage(entries: StoredEntry[] = auditEntries, next: AuditPage['next'] = null, locale: Locale = 'zh-TW'): AuditPage {
  return { entries: entries.map((entry) => ({ ...entry, words: auditWords(entry, locale) })), next };
}

/** Older entries, for a second page. */
export function olderEntries(count: number): StoredEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `019ac400-0000-7000-8000-${String(i).padStart(12, '0')}`,
    at: new Date(Date.UTC(2026, 10, 20, 8, 0, 0) - i * 60_000).toISOString(),
    actor: registry,
    action: 'roster.student.update',
    entity: 'student',
    entityId: `stu-${i}`,
    parentId: null,
    student: { id: `stu-${i}`, studentNo: `11300${String(i + 10).padStart(2, '0')}`, name: `學生${i}`, className: '102' },
    before: { seat_no: i + 1 },
    after: { seat_no: i + 2 },
  }));
}
