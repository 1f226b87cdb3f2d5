import { html, nothing } from 'lit';
import { LichengConnectedElement, errorText, showStoredFile } from '@licheng/client';
import { focusOutcome, formatDateTime, heading, screenStyles, type FileViewer } from '@licheng/ui';
import { paths, type Outcome } from '../api.ts';
import { t } from '../messages.ts';
import { myOutcomesStyles } from './my-outcomes.styles.ts';

/** Outcomes grouped by term, newest term first. */
function byTerm(outcomes: Outcome[]): Array<{ year: number; semester: number; items: Outcome[] }> {
  const groups = new Map<string, { year: number; semester: number; items: Outcome[] }>();
  for (const o of outcomes) {
    const key = `${o.academicYear}-${o.semester}`;
    const group = groups.get(key) ?? { year: o.academicYear, semester: o.semester, items: [] };
    group.items.push(o);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.year - a.year || b.semester - a.semester);
}

/**
 * `<licheng-my-outcomes>` — the signed-in student's course learning outcomes by term: course,
 * summary, files, certification status (認證中 / 通過 / 未通過 with the reason), selection.
 *
 * @event licheng-resubmit-request - The student wants to fix a failed item; `detail: { outcome }`.
 *   A page that does not handle it (preventDefault) gets no other behaviour.
 * @event licheng-token-expired - The token has expired.
 * @csspart table - Each term's table.
 */
export class MyOutcomes extends LichengConnectedElement {
  static override styles = [...screenStyles, myOutcomesStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    outcomes: { state: true },
    error: { state: true },
  };

  /** Level of the element's own heading (2 by default; its terms are one below). */
  declare headingLevel: number;
  declare outcomes: Outcome[] | null;
  declare error: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.outcomes = null;
    this.error = '';
  }

  /**
   * Reloads the list (e.g. after an upload). The list is read once for the page's views that show
   * it (this and the selection); an upload or a save forgets it, so a reload after one is fresh.
   */
  override async load(): Promise<void> {
    this.error = '';
    try {
      this.outcomes = await this.api.read<Outcome[]>(paths.outcomesList);
    } catch (error) {
      this.error = errorText(error);
    }
  }

  async #view(outcome: Outcome, slot: 'document' | 'media') {
    const id = slot === 'document' ? outcome.documentFileId : outcome.mediaFileId;
    if (!id) return;
    try {
      const viewer = this.renderRoot.querySelector<FileViewer>('licheng-file-viewer')!;
      await showStoredFile(this.api, id, viewer, `${outcome.course.subjectName} ${t(`slot.${slot}`, {}, this.locale)}`);
    } catch (error) {
      this.error = errorText(error);
      await focusOutcome(this, '#my-outcomes-failure');
    }
  }

  /** When the student sent it: its latest resubmission (marked 重新送出) or its upload. */
  #submitted(o: Outcome) {
    const L = this.locale;
    const date = formatDateTime(o.submittedAt, L);
    return html`<span class="submitted ${o.resubmitted ? 'resubmitted' : ''}">${t(o.resubmitted ? 'list.resubmitted-at' : 'list.submitted-at', { date }, L)}</span>`;
  }

  #row(o: Outcome) {
    const L = this.locale;
    const subject = o.course.subjectName;
    const summary = o.summary;
    // Explicit table roles: on narrow screens the rows are drawn as cards (display: block),
    // which some browsers would otherwise stop announcing as a table.
    return html`<tr role="row">
      <td role="cell" data-label=${t('list.course', {}, L)}><span class="course-name">${subject}</span><span class="code">${o.course.code}</span>${this.#submitted(o)}</td>
      <td role="cell" class="status-cell" data-label=${t('list.status', {}, L)}>
        <licheng-status-badge status=${o.status} .locale=${L}></licheng-status-badge>
        ${o.status === 'failed' && o.statusReason ? html`<span class="reason">${t('list.reason', { reason: o.statusReason }, L)}</span>` : nothing}
        ${o.reopenReason ? html`<span class="reason">${t('list.reopened', { reason: o.reopenReason }, L)}</span>` : nothing}
        ${o.status !== 'pending' && o.decidedByName
          ? html`<span class="decided">${t('list.decided-by', { name: o.decidedByName, date: formatDateTime(o.decidedAt, L) }, L)}</span>`
          : nothing}
      </td>
      <td role="cell" class="summary" data-label=${t('list.summary', {}, L)}>${o.summary}</td>
      <td role="cell" data-label=${t('list.files', {}, L)}>
        <span class="files">
          ${o.documentFileId
            ? html`<button type="button" class="link" aria-label=${t('list.view-label', { subject, summary, action: t('list.view-document', {}, L) }, L)} @click=${() => this.#view(o, 'document')}>
                ${t('list.view-document', {}, L)}
              </button>`
            : nothing}
          ${o.mediaFileId
            ? html`<button type="button" class="link" aria-label=${t('list.view-label', { subject, summary, action: t('list.view-media', {}, L) }, L)} @click=${() => this.#view(o, 'media')}>
                ${t('list.view-media', {}, L)}
              </button>`
            : nothing}
        </span>
      </td>
      <td role="cell" class="nowrap" data-label=${t('list.selected', {}, L)}>${o.selected ? t('list.selected-yes', {}, L) : html`<span class="muted">${t('list.selected-no', {}, L)}</span>`}</td>
      <td role="cell" class="actions-cell">
        ${o.status === 'failed'
          ? html`<button type="button" aria-label=${t('list.fix-label', { subject, summary }, L)} @click=${() => this.emit('licheng-resubmit-request', { outcome: o }, { cancelable: true })}>
              ${t('list.fix', {}, L)}
            </button>`
          : nothing}
      </td>
    </tr>`;
  }

  override render() {
    const L = this.locale;
    const level = this.headingLevel;
    return html`<section aria-labelledby="my-outcomes-heading" aria-busy=${this.outcomes === null && !this.error ? 'true' : 'false'}>
      ${heading(level, t('list.heading', {}, L), 'my-outcomes-heading')}
      <licheng-notice id="my-outcomes-failure" variant="error" .locale=${L} .message=${this.error}></licheng-notice>
      ${this.outcomes === null
        ? this.error
          ? nothing
          : html`<p>${t('loading', {}, L)}</p>`
        : this.outcomes.length === 0
          ? html`<p>${t('list.empty', {}, L)}</p>`
          : byTerm(this.outcomes).map((group) => {
              const term = t('term', { year: group.year, semester: group.semester }, L);
              const id = `term-${group.year}-${group.semester}`;
              return html`<div class="term">
                ${heading(level + 1, term, id)}
                <div class="table-wrap">
                  <table part="table" role="table" aria-labelledby=${id}>
                    <thead role="rowgroup">
                      <tr role="row">
                        <th scope="col" role="columnheader">${t('list.course', {}, L)}</th>
                        <th scope="col" role="columnheader">${t('list.status', {}, L)}</th>
                        <th scope="col" role="columnheader">${t('list.summary', {}, L)}</th>
                        <th scope="col" role="columnheader">${t('list.files', {}, L)}</th>
                        <th scope="col" role="columnheader">${t('list.selected', {}, L)}</th>
                        <th scope="col" role="columnheader">${t('list.actions', {}, L)}</th>
                      </tr>
                    </thead>
                    <tbody role="rowgroup">
                      ${group.items.map((o) => this.#row(o))}
                    </tbody>
                  </table>
                </div>
              </div>`;
            })}
      <licheng-file-viewer .locale=${L}></licheng-file-viewer>
    </section>`;
  }
}
