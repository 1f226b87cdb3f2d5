import { html, nothing } from 'lit';
import { formatDateTime, heading, type Locale } from '@licheng/ui';
import type { QueueItem } from '../api.ts';
import { t } from '../messages.ts';

/** The outcomes of one course offering, as the queue shows them under the course's heading. */
export interface Group {
  id: string;
  code: string;
  subjectName: string;
  items: QueueItem[];
}

/** Items grouped by course offering, in the order they come. */
export function groupByCourse(items: QueueItem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const id = item.course?.id ?? '';
    const group = groups.get(id) ?? { id, code: item.course?.code ?? '', subjectName: item.course?.subjectName ?? '—', items: [] };
    group.items.push(item);
    groups.set(id, group);
  }
  return [...groups.values()];
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

function row(item: QueueItem, a: TableActions) {
  const L = a.locale;
  const student = a.student(item);
  const pending = item.status === 'pending';
  return html`<tr>
    <td class="check">
      ${pending
        ? html`<input type="checkbox" aria-label=${t('select.item', { student }, L)} .checked=${a.selected.has(item.id)} @change=${(e: Event) => a.toggle([item.id], (e.target as HTMLInputElement).checked)} />`
        : nothing}
    </td>
    <td class="student">${student}</td>
    <td class="summary">${item.summary}</td>
    <td>
      <span class="files">
        ${item.documentFileId
          ? html`<button type="button" class="link" aria-label=${t('file.label', { action: t('file.document', {}, L), student }, L)} @click=${() => a.view(item, 'document')}>${t('file.document', {}, L)}</button>`
          : nothing}
        ${item.mediaFileId
          ? html`<button type="button" class="link" aria-label=${t('file.label', { action: t('file.media', {}, L), student }, L)} @click=${() => a.view(item, 'media')}>${t('file.media', {}, L)}</button>`
          : nothing}
      </span>
    </td>
    <td>${formatDateTime(item.submittedAt, L)}</td>
    <td>
      <span class="status" tabindex="-1" data-status-of=${item.id}>
        <licheng-status-badge .locale=${L} status=${item.status}></licheng-status-badge>
        ${item.status === 'failed' && item.statusReason ? html`<span class="reason">${t('reason.shown', { reason: item.statusReason }, L)}</span>` : nothing}
        ${pending && item.statusReason ? html`<span class="reason">${t('reopen.shown', { reason: item.statusReason }, L)}</span>` : nothing}
        ${!pending && item.decidedByName ? html`<span class="decided">${t('decided.by', { name: item.decidedByName, date: formatDateTime(item.decidedAt, L) }, L)}</span>` : nothing}
      </span>
    </td>
    <td>
      ${pending
        ? html`<span class="row-actions">
            <button type="button" class="primary" ?disabled=${a.busy} aria-label=${t('pass.label', { student }, L)} @click=${() => a.pass(item)}>${t('pass', {}, L)}</button>
            <button type="button" class="danger" ?disabled=${a.busy} aria-label=${t('fail.label', { student }, L)} @click=${() => a.openFail(item)}>${t('fail', {}, L)}</button>
          </span>`
        : item.decidedByMe
          ? html`<button type="button" class="reopen" ?disabled=${a.busy} aria-label=${t('reopen.label', { student }, L)} @click=${() => a.openReopen(item)}>${t('reopen', {}, L)}</button>`
          : nothing}
    </td>
  </tr>`;
}

/** One course's table of outcomes: select, student, summary, files, submitted, status, actions. */
export function courseTable(group: Group, a: TableActions) {
  const L = a.locale;
  const id = `course-${group.id}`;
  const pendingIds = group.items.filter((i) => i.status === 'pending').map((i) => i.id);
  return html`<div class="group">
    ${heading(a.headingLevel + 1, t('group.heading', { subject: group.subjectName }, L), id)}
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
                    aria-label=${t('select.group', { subject: group.subjectName }, L)}
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
          ${group.items.map((i) => row(i, a))}
        </tbody>
      </table>
    </div>
  </div>`;
}
