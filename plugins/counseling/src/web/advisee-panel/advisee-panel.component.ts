import { css, html, nothing } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { cardTable, focusOutcome, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import { paths, type AdviseeImportReport, type AdviseeLink, type AdviseeList } from '../api.ts';
import { t } from '../messages.ts';

/**
 * `<licheng-advisee-panel>` — who advises whom (課程諮詢). Counseling assigns students (by 學號)
 * or a whole class to a course consultant, imports the list from Excel (check, then import all
 * or nothing, with a row-level report) and ends links; a consultant sees their own advisees.
 * Buttons that cannot act yet are disabled with the reason beside them; after each action focus
 * lands on its message.
 *
 * @event licheng-advisees-changed - Links were added or removed.
 * @event licheng-token-expired - The token has expired.
 */
export class AdviseePanel extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    cardTable,
    css`
      :host { display: block; }
      form, .import { display: grid; gap: 0.75rem; max-width: 40rem; }
      section + section { margin-top: 1.5rem; }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    list: { state: true },
    teacherNo: { state: true },
    studentNos: { state: true },
    className: { state: true },
    file: { state: true },
    report: { state: true },
    busy: { state: true },
    note: { state: true },
  };

  declare headingLevel: number;
  declare list: AdviseeList | null;
  declare teacherNo: string;
  declare studentNos: string;
  declare className: string;
  declare file: File | null;
  declare report: AdviseeImportReport | null;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };

  constructor() {
    super();
    this.headingLevel = 2;
    this.list = null;
    this.teacherNo = '';
    this.studentNos = '';
    this.className = '';
    this.file = null;
    this.report = null;
    this.busy = false;
    this.note = { variant: 'info', text: '' };
  }

  override async load(): Promise<void> {
    try {
      this.list = await this.api.query<AdviseeList>(paths.advisees);
    } catch (error) {
      await this.#say('error', t('failed', { message: errorText(error) }, this.locale));
    }
  }

  async #say(variant: NoticeVariant, text: string) {
    this.note = { variant, text };
    await focusOutcome(this, '#advisee-note');
  }

  async #act(work: () => Promise<string>) {
    if (this.busy) return;
    this.busy = true;
    try {
      const text = await work();
      this.emit('licheng-advisees-changed');
      await this.load();
      await this.#say('success', text);
    } catch (error) {
      await this.#say('error', t('failed', { message: errorText(error) }, this.locale));
    } finally {
      this.busy = false;
    }
  }

  #assign(event: Event) {
    event.preventDefault();
    const teacher = this.list?.teachers.find((x) => x.teacherNo === this.teacherNo);
    const studentNos = this.studentNos.split(/[\s,，、]+/).filter(Boolean);
    void this.#act(async () => {
      const done = await this.api.mutation<{ added: number; already: number }>(paths.assign, { teacherNo: this.teacherNo, ...(studentNos.length ? { studentNos } : {}), ...(this.className.trim() ? { className: this.className.trim() } : {}) });
      this.studentNos = '';
      this.className = '';
      return t('advisees.done', { teacher: teacher?.name ?? this.teacherNo, ...done }, this.locale);
    });
  }

  #remove(link: AdviseeLink) {
    void this.#act(async () => {
      await this.api.mutation(paths.remove, { id: link.id });
      return t('advisees.removed', { teacher: link.teacherName, student: link.studentName }, this.locale);
    });
  }

  async #import(dryRun: boolean) {
    if (!this.file || this.busy) return;
    const form = new FormData();
    form.set('file', this.file);
    form.set('dryRun', String(dryRun));
    this.busy = true;
    try {
      this.report = await this.api.upload<AdviseeImportReport>(paths.import, form);
      const r = this.report;
      if (r.issues.length) await this.#say('warning', t('import.issues', { count: r.issues.length }, this.locale));
      else if (!r.committed) await this.#say('success', t('import.checked', { links: r.links }, this.locale));
      else {
        this.emit('licheng-advisees-changed');
        await this.load();
        this.file = null;
        this.report = null;
        this.renderRoot.querySelector<HTMLInputElement>('#advisee-file')!.value = '';
        await this.#say('success', t('import.done', { added: r.added, already: r.already }, this.locale));
      }
    } catch (error) {
      await this.#say('error', t('failed', { message: errorText(error) }, this.locale));
    } finally {
      this.busy = false;
    }
  }

  #assignForm(level: number) {
    const L = this.locale;
    const why = !this.teacherNo ? t('advisees.needs-teacher', {}, L) : !this.studentNos.trim() && !this.className.trim() ? t('advisees.needs-target', {}, L) : '';
    return html`<section aria-labelledby="assign-heading">
      ${heading(level, t('advisees.assign', {}, L), 'assign-heading')}
      <form @submit=${this.#assign}>
        <div class="field">
          <label for="teacher">${t('advisees.teacher', {}, L)}</label>
          <select id="teacher" @change=${(e: Event) => (this.teacherNo = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.teacherNo}>${t('advisees.choose-teacher', {}, L)}</option>
            ${this.list?.teachers.map((x) => html`<option value=${x.teacherNo} ?selected=${x.teacherNo === this.teacherNo}>${x.name}（${x.teacherNo}）</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="student-nos">${t('advisees.students', {}, L)}</label>
          <textarea id="student-nos" rows="2" .value=${this.studentNos} @input=${(e: Event) => (this.studentNos = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <div class="field">
          <label for="class-name">${t('advisees.class', {}, L)}</label>
          <input id="class-name" .value=${this.className} @input=${(e: Event) => (this.className = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${Boolean(why) || this.busy} aria-describedby="assign-why">${t('advisees.submit', {}, L)}</button>
          <span class="hint" id="assign-why">${why}</span>
        </div>
      </form>
    </section>`;
  }

  #importForm(level: number) {
    const L = this.locale;
    const r = this.report;
    const noFile = !this.file ? t('import.needs-file', {}, L) : '';
    const unchecked = noFile || (!r || r.committed || r.issues.length ? t('import.needs-check', {}, L) : '');
    return html`<section aria-labelledby="import-heading">
      ${heading(level, t('import.heading', {}, L), 'import-heading')}
      <div class="import">
        <p>${t('import.intro', {}, L)}</p>
        <div class="field">
          <label for="advisee-file">${t('import.file', {}, L)}</label>
          <input id="advisee-file" type="file" accept=".xlsx,.csv" @change=${(e: Event) => ((this.file = (e.target as HTMLInputElement).files?.[0] ?? null), (this.report = null))} />
        </div>
        <div class="actions">
          <button type="button" ?disabled=${Boolean(noFile) || this.busy} aria-describedby="import-why" @click=${() => this.#import(true)}>${t('import.check', {}, L)}</button>
          <button type="button" class="primary" ?disabled=${Boolean(unchecked) || this.busy} aria-describedby="import-why" @click=${() => this.#import(false)}>${t('import.commit', {}, L)}</button>
          <span class="hint" id="import-why">${unchecked}</span>
        </div>
        ${r?.issues.length
          ? html`<table class="cards" aria-label=${t('import.issues', { count: r.issues.length }, L)}>
              <thead><tr><th scope="col">${t('col.row', {}, L)}</th><th scope="col">${t('col.column', {}, L)}</th><th scope="col">${t('col.problem', {}, L)}</th></tr></thead>
              <tbody>${r.issues.map((i) => html`<tr><td data-label=${t('col.row', {}, L)}>${i.row ?? ''}</td><td data-label=${t('col.column', {}, L)}>${i.column ?? ''}</td><td data-label=${t('col.problem', {}, L)}>${i.message}</td></tr>`)}</tbody>
            </table>`
          : nothing}
      </div>
    </section>`;
  }

  #links(level: number, mayAssign: boolean) {
    const L = this.locale;
    const links = this.list?.links ?? [];
    const title = mayAssign ? t('advisees.heading', {}, L) : t('advisees.mine', {}, L);
    return html`<section aria-labelledby="links-heading">
      ${heading(level, title, 'links-heading')}
      ${links.length === 0
        ? html`<p>${t('advisees.empty', {}, L)}</p>`
        : html`<table class="cards" aria-labelledby="links-heading">
            <caption>${t('advisees.count', { count: links.length }, L)}</caption>
            <thead>
              <tr>
                <th scope="col">${t('col.teacher', {}, L)}</th>
                <th scope="col">${t('col.student', {}, L)}</th>
                ${mayAssign ? html`<th scope="col">${t('col.actions', {}, L)}</th>` : nothing}
              </tr>
            </thead>
            <tbody>
              ${links.map(
                (link) => html`<tr>
                  <td data-label=${t('col.teacher', {}, L)}>${link.teacherName}（${link.teacherNo}）</td>
                  <td data-label=${t('col.student', {}, L)}>${t('student', { className: link.className, seatNo: link.seatNo, name: link.studentName }, L)}（${link.studentNo}）</td>
                  ${mayAssign
                    ? html`<td data-label=${t('col.actions', {}, L)}>
                        <button type="button" ?disabled=${this.busy} aria-label=${t('advisees.remove-label', { teacher: link.teacherName, student: link.studentName }, L)} @click=${() => this.#remove(link)}>${t('advisees.remove', {}, L)}</button>
                      </td>`
                    : nothing}
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  override render() {
    const L = this.locale;
    const h = this.headingLevel;
    const note = html`<licheng-notice id="advisee-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>`;
    if (!this.list) return html`${note}<p>${t('loading', {}, L)}</p>`;
    if (!this.list.mayAssign) return html`${note}${this.#links(h, false)}`;
    return html`${note}${this.#assignForm(h)} ${this.#importForm(h)} ${this.#links(h, true)}`;
  }
}
