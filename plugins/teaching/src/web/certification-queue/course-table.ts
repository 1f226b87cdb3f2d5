import { html, nothing } from 'lit';
import { formatDate, formatDateTime, heading, type Locale } from '@licheng/ui';
import type { QueueCourse, QueueItem } from '../api.ts';
import { t } from '../messages.ts';

/** The outcomes of one course offering, as the queue shows them under the course's heading. */
export interface Group {
  id: string;
  code: string;
  /** The offering's subject, class (開課班級) and term, as every heading, filter and name says it. */
  name: string;
  items: QueueItem[];
}

/** A course offering by subject, class and term: one subject taught to two classes reads as two. */
export function courseName(course: Pick<QueueCourse, 'subjectName' | 'className' | 'academicYear' | 'semester'> | null, L: Locale): string {
  if (!course) return '—';
  const term = t('term', { year: course.academicYear, semester: course.semester }, L);
  return t('course.name', { subject: course.subjectName, className: course.className, term }, L);
}

/** Items grouped by course offering, in the order they come. */
export function groupByCourse(items: QueueItem[], L: Locale): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const id = item.course?.id ?? '';
    const group = groups.get(id) ?? { id, code: item.course?.code ?? '', name: courseName(item.course, L), items: [] };
    group.items.push(item);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/**
 * Each item's name in its controls' accessible names: student and course offering, and the
 * summary when the same student has more than one item in the offering — unique on the page.
 */
function itemNames(group: Group, a: TableActions): Map<string, string> {
  const L = a.locale;
  const count = new Map<string, number>();
  for (const i of group.items) count.set(i.student.studentNo, (count.get(i.student.studentNo) ?? 0) + 1);
  return new Map(
    group.items.map((i) => {
      const params = { student: a.student(i), course: group.name, summary: i.summary };
      return [i.id, t(count.get(i.student.studentNo)! > 1 ? 'item.with-summary' : 'item', params, L)];
    }),
  );
}

/** Why the item's certification window keeps `action` (decide or reopen) from being done now, in words. */
function windowBlockedText(item: QueueItem, action: 'decide' | 'reopen', L: Locale): string {
  const w = item.certificationWindow;
  const state = w.state === 'open' ? 'closed' : w.state;
  return t(`${action}.blocked.${state}`, { start: formatDate(w.start, L), end: formatDate(w.end, L) }, L);
}

/** Why the caller's own decision cannot be taken back now, in words; '' when it can. */
function reopenBlockedText(item: QueueItem, L: Locale): string {
  if (!item.reopenBlocked) return '';
  if (item.reopenBlocked === 'in-roster') return t('reopen.blocked.in-roster', {}, L);
  return windowBlockedText(item, 'reopen', L);
}

/** Whether a pending item can be decided now: only inside its certification window (the server refuses otherwise). */
export function decidable(item: QueueItem): boolean {
  return item.status === 'pending' && item.certificationWindow.state === 'open';
}

/** The queue element's state and actions a course table reads and calls. */
export interface TableActions {
  locale: Locale;
  headingLevel: number;
  selected: ReadonlySet<string>;
  busy: boolean;
  student: (item: QueueItem) => string;
  toggle: (ids: string[], on: boolean) => void;
  view: (item: QueueItem, slot: 'document' | 'media') => void;
  pass: (item: QueueItem) => void;
  openFail: (item: QueueItem) => void;
  openReopen: (item: QueueItem) => void;
}

function row(item: QueueItem, name: string, a: TableActions) {
  const L = a.locale;
  const student = a.student(item);
  const pending = item.status === 'pending';
  const blocked = reopenBlockedText(item, L);
  const decideBlocked = pending && !decidable(item) ? windowBlockedText(item, 'decide', L) : '';
  const decideWhy = decideBlocked ? `decide-why-${item.id} window-who` : nothing;
  return html`<tr>
    <td class="check">
      ${pending
        ? html`<input ?disabled=${decideBlocked !== ''} aria-describedby=${decideWhy} type="checkbox" aria-label=${t('select.item', { item: name }, L)} .checked=${a.selected.has(item.id)} @change=${(e: Event) => a.toggle([item.id], (e.target as HTMLInputElement).checked)} />`
        : nothing}
    </td>
    <td class="student">${student}${item.actingFor ? html` <span class="acting-for">${t('acting.for', { name: item.actingFor.name }, L)}</span>` : nothing}</td>
    <td class="summary">${item.summary}</td>
    <td>
      <span class="files">
        ${item.documentFileId
          ? html`<button type="button" class="link" aria-label=${t('file.label', { action: t('file.document', {}, L), item: name }, L)} @click=${() => a.view(item, 'document')}>${t('file.document', {}, L)}</button>`
          : nothing}
        ${item.mediaFileId
          ? html`<button type="button" class="link" aria-label=${t('file.label', { action: t('file.media', {}, L), item: name }, L)} @click=${() => a.view(item, 'media')}>${t('file.media', {}, L)}</button>`
          : nothing}
      </span>
    </td>
    <td>
      <span class="submitted">${formatDateTime(item.submittedAt, L)}${item.resubmitted ? html` <span class="resubmitted">${t('resubmitted', {}, L)}</span>` : nothing}</span>
    </td>
    <td>
      <span class="status" tabindex="-1" data-status-of=${item.id}>
        <licheng-status-badge .locale=${L} status=${item.status}></licheng-status-badge>
        ${item.status === 'failed' && item.statusReason ? html`<span class="reason">${t('reason.shown', { reason: item.statusReason }, L)}</span>` : nothing}
        ${pending && item.statusReason ? html`<span class="reason">${t('reopen.shown', { reason: item.statusReason }, L)}</span>` : nothing}
        ${item.resubmitted && item.previousReason ? html`<span class="reason previous">${t('resubmitted.reason', { reason: item.previousReason }, L)}</span>` : nothing}
        ${!pending && item.decidedByName ? html`<span class="decided">${t('decided.by', { name: item.decidedByName, date: formatDateTime(item.decidedAt, L) }, L)}${item.decidedForName ? `（${t('acting.for', { name: item.decidedForName }, L)}）` : ''}</span>` : nothing}
      </span>
    </td>
    <td>
      ${pending
        ? html`<span class="row-actions">
            <button type="button" class="primary" ?disabled=${a.busy || decideBlocked !== ''} aria-label=${t('pass.label', { item: name }, L)} aria-describedby=${decideWhy} @click=${() => a.pass(item)}>${t('pass', {}, L)}</button>
            <button type="button" class="danger" ?disabled=${a.busy || decideBlocked !== ''} aria-label=${t('fail.label', { item: name }, L)} aria-describedby=${decideWhy} @click=${() => a.openFail(item)}>${t('fail', {}, L)}</button>
          </span>
          ${decideBlocked ? html`<span class="why" id=${`decide-why-${item.id}`}>${decideBlocked}</span>` : nothing}`
        : item.decidedByMe
          ? html`<button
                type="button"
                class="reopen"
                ?disabled=${a.busy || blocked !== ''}
                aria-label=${t('reopen.label', { item: name }, L)}
                aria-describedby=${blocked ? `reopen-why-${item.id}${item.reopenBlocked === 'window' ? ' window-who' : ''}` : nothing}
                @click=${() => a.openReopen(item)}
              >
                ${t('reopen', {}, L)}
              </button>
              ${blocked ? html`<span class="why" id=${`reopen-why-${item.id}`}>${blocked}</span>` : nothing}`
          : nothing}
    </td>
  </tr>`;
}

/** One course's table of outcomes: select, student, summary, files, submitted, status, actions. */
export function courseTable(group: Group, a: TableActions) {
  const L = a.locale;
  const id = `course-${group.id}`;
  const pendingIds = group.items.filter(decidable).map((i) => i.id);
  const names = itemNames(group, a);
  return html`<div class="group">
    ${heading(a.headingLevel + 1, t('group.heading', { course: group.name }, L), id)}
    <p class="code">${t('group.code', { code: group.code }, L)}</p>
    <div class="table-wrap">
      <table part="table" aria-labelledby=${id}>
        <thead>
          <tr>
            <th scope="col" class="check">
              ${pendingIds.length
                ? html`<input
                    type="checkbox"
                    data-group=${group.id}
                    data-ids=${pendingIds.join(' ')}
                    aria-label=${t('select.group', { course: group.name }, L)}
                    @change=${(e: Event) => a.toggle(pendingIds, (e.target as HTMLInputElement).checked)}
                  />`
                : html`<span class="sr-only">${t('col.select', {}, L)}</span>`}
            </th>
            <th scope="col">${t('col.student', {}, L)}</th>
            <th scope="col">${t('col.summary', {}, L)}</th>
            <th scope="col">${t('col.files', {}, L)}</th>
            <th scope="col">${t('col.submitted', {}, L)}</th>
            <th scope="col">${t('col.status', {}, L)}</th>
            <th scope="col">${t('col.actions', {}, L)}</th>
          </tr>
        </thead>
        <tbody>
          ${group.items.map((i) => row(i, names.get(i.id)!, a))}
        </tbody>
      </table>
    </div>
  </div>`;
}
