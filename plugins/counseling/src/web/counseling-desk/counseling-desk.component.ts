import { css, html, nothing } from 'lit';
import { downloadFile, errorText, LichengConnectedElement } from '@licheng/client';
import { focusOutcome, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import { officeRecordSource, type RecordDesk, type RecordDeskSource, type RecordForm, type RecordSubmission } from '@licheng/ui/records';
import '@licheng/ui/records';
import { termOfInstant } from '@licheng/core';
import { groupScreen, kindScreen, paths, type AdviseeList, type KindView } from '../api.ts';
import { t } from '../messages.ts';
import '../advisee-panel/advisee-panel.ts';

/**
 * `<licheng-counseling-desk>` — counseling's (輔導室) screen and the course consultants'. Each
 * sees the kinds they keep in <licheng-record-desk>: counseling 學群(類群)探索與就業規劃 and
 * 輔導資料, a consultant 課程諮詢紀錄 of their advisees (which never leaves the school) and a
 * group consultation form that records several advisees at once (disabled, with the reason, until
 * one is ticked). Below, <licheng-advisee-panel>: counseling assigns and imports advisees, a
 * consultant sees theirs.
 *
 * @event licheng-consultation-recorded - A group consultation was recorded; `detail: { ids }`.
 * @event licheng-token-expired - The token has expired.
 */
export class CounselingDesk extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      :host { display: block; }
      section + section { margin-top: 2rem; }
      fieldset { border: 1px solid var(--licheng-color-border, #c8c8c8); border-radius: 0.5rem; padding: 0.75rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
      fieldset label { display: inline-flex; gap: 0.4rem; align-items: center; min-height: 2.75rem; }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    kinds: { state: true },
    advisees: { state: true },
    chosen: { state: true },
    busy: { state: true },
    note: { state: true },
  };

  declare headingLevel: number;
  declare kinds: KindView[] | null;
  declare advisees: AdviseeList | null;
  /** 學號 of the advisees ticked for a group session. */
  declare chosen: ReadonlySet<string>;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  #source: RecordDeskSource | null = null;

  constructor() {
    super();
    this.headingLevel = 1;
    this.kinds = null;
    this.advisees = null;
    this.chosen = new Set();
    this.busy = false;
    this.note = { variant: 'info', text: '' };
  }

  override async load(): Promise<void> {
    try {
      this.#source = officeRecordSource(this.api, 'counseling', (path, name) => downloadFile(this.api, path, name));
      this.kinds = (await this.api.query<KindView[]>(paths.kinds)).filter((k) => k.mayEnter || k.mayCertify);
      if (this.#consultant) this.advisees = await this.api.query<AdviseeList>(paths.advisees);
    } catch (error) {
      this.kinds ??= [];
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
    }
  }

  get #consultant(): KindView | undefined {
    return this.kinds?.find((k) => k.id === 'consultation' && k.mayEnter);
  }

  #toggle(studentNo: string, on: boolean) {
    const next = new Set(this.chosen);
    if (on) next.add(studentNo);
    else next.delete(studentNo);
    this.chosen = next;
  }

  async #group(event: CustomEvent<RecordSubmission>) {
    if (this.busy || this.chosen.size === 0) return;
    const { academicYear, semester } = termOfInstant(new Date())!;
    this.busy = true;
    try {
      const done = await this.api.mutation<{ ids: string[] }>(paths.group, { studentNos: [...this.chosen], academicYear, semester, summary: event.detail.summary, data: event.detail.data });
      this.renderRoot.querySelector<RecordForm>('#group-form')?.reset();
      this.chosen = new Set();
      this.emit('licheng-consultation-recorded', { ids: done.ids });
      await this.renderRoot.querySelector<RecordDesk>('licheng-record-desk')?.load();
      this.note = { variant: 'success', text: t('group.done', { count: done.ids.length }, this.locale) };
    } catch (error) {
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, '#counseling-note');
  }

  #groupSection(level: number, view: KindView) {
    const L = this.locale;
    const links = this.advisees?.links ?? [];
    const why = links.length === 0 ? t('group.no-advisees', {}, L) : this.chosen.size === 0 ? t('group.none-chosen', {}, L) : '';
    return html`<section aria-labelledby="group-heading">
      ${heading(level, t('group.heading', {}, L), 'group-heading')}
      ${links.length
        ? html`<fieldset>
            <legend>${t('group.students', {}, L)}</legend>
            ${links.map(
              (link) => html`<label
                ><input type="checkbox" .checked=${this.chosen.has(link.studentNo)} @change=${(e: Event) => this.#toggle(link.studentNo, (e.target as HTMLInputElement).checked)} />${t('student', { className: link.className, seatNo: link.seatNo, name: link.studentName }, L)}</label
              >`,
            )}
          </fieldset>`
        : nothing}
      <licheng-record-form id="group-form" .locale=${L} heading-level=${level + 1} .kind=${groupScreen(view)} disabled-reason=${why} ?busy=${this.busy} @licheng-record-submit=${this.#group}></licheng-record-form>
    </section>`;
  }

  // One template around the heading, whatever is below it: the heading the portal focuses on
  // arrival stays the same element as the desk loads.
  override render() {
    return html`${heading(this.headingLevel, t('title', {}, this.locale))}${this.#body()}`;
  }

  #body() {
    const L = this.locale;
    const h = this.headingLevel;
    if (this.kinds === null) return html`<p>${t('loading', {}, L)}</p>`;
    const { academicYear, semester } = termOfInstant(new Date())!;
    const consultant = this.#consultant;
    const screens = this.kinds.map(kindScreen);
    return html`<licheng-notice id="counseling-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${screens.length === 0 ? html`<p>${t('no-access', {}, L)}</p>` : nothing}
      ${consultant ? html`<p class="hint">${t('school-only', {}, L)}</p>` : nothing}
      ${screens.length
        ? html`<section aria-labelledby="records-heading">
            ${heading(h + 1, t('records.heading', {}, L), 'records-heading')}
            <licheng-record-desk .locale=${L} heading-level=${h + 2} default-year=${academicYear} default-semester=${semester} .kinds=${screens} .source=${this.#source}></licheng-record-desk>
          </section>`
        : nothing}
      ${consultant ? this.#groupSection(h + 1, consultant) : nothing}
      <section>
        <licheng-advisee-panel .locale=${L} heading-level=${h + 1} .token=${this.token} .tokenProvider=${this.tokenProvider} api-base=${this.apiBase}></licheng-advisee-panel>
      </section>`;
  }
}
