import { css, html, nothing, type PropertyValues } from 'lit';
import { downloadFile, errorText, LichengConnectedElement } from '@licheng/client';
import { charCount, focusOutcome, formatDate, formatDateTime, heading, screenStyles, type DateChange, type FileChange } from '@licheng/ui';
import { paths, SCAN_MAX_BYTES, TEXT_MAX, type PaperReturn, type PaperReturnScanned, type PaperReturnInput, type PaperReturnList, type PaperReturnRecorded, type PaperReturnStudent, type PaperReturnWithdrawn } from '../api.ts';
import { rt } from './paper-returns-messages.ts';

type Choice = 'confirmed' | 'issue' | '';

/**
 * `<licheng-receipt-paper-returns>` — in the paper-forms section of the receipt desk: the signed
 * 收訖明細紙本確認單 that come back from students who have left. Per student 「登錄回條」 opens a
 * form (the return date as a ROC date, per roster 確認無誤 / 提出疑義 with the words written /
 * left blank); the recorded returns are listed (who recorded them, when, the date on the form)
 * and one recorded by mistake can be withdrawn while no issue from it was answered; a scan of the
 * signed form can be kept with a return (a second step, after recording). Before the
 * window opens the buttons are disabled and say why.
 *
 * @event licheng-receipt-paper-return-recorded - A return was recorded; `detail: { returnId, studentId }`.
 * @event licheng-receipt-paper-return-withdrawn - A return was withdrawn; `detail: { returnId }`.
 * @event licheng-receipt-paper-return-scanned - A scan was kept with a return; `detail: { returnId, fileId }`.
 * @event licheng-token-expired - The token has expired.
 * @csspart paper-returns - The section.
 */
export class ReceiptPaperReturns extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    css`
      :host { display: block; }
      ul.plain { list-style: none; padding: 0; margin: 0; }
      ul.plain > li { border-block-end: 1px solid var(--licheng-border, #ccc); padding-block: 0.5rem; overflow-wrap: anywhere; }
      fieldset { margin-block: 0.75rem; min-inline-size: 0; }
      textarea { inline-size: 100%; box-sizing: border-box; }
      .choice { display: flex; gap: 0.375rem; align-items: center; }
      /* The open form and the student list keep their distance from the heading that follows. */
      form, ul.plain { margin-block-end: 1.25rem; }
      ul.plain > li button { margin-block-start: 0.25rem; }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    batchId: { attribute: 'batch-id' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    list: { state: true },
    editing: { state: true },
    returnedOn: { state: true },
    choices: { state: true },
    texts: { state: true },
    asking: { state: true },
    busy: { state: true },
    dateError: { state: true },
    announcement: { state: true },
    failure: { state: true },
  };

  declare batchId: string;
  declare headingLevel: number;
  declare list: PaperReturnList | null;
  /** The student whose form is being recorded. */
  declare editing: PaperReturnStudent | null;
  declare returnedOn: string;
  declare choices: Record<string, Choice>;
  declare texts: Record<string, string>;
  /** The return whose withdrawal waits for a yes. */
  declare asking: string;
  declare busy: boolean;
  /** Why the return date cannot be taken, shown at the date field. */
  declare dateError: string;
  declare announcement: string;
  declare failure: string;
  /** The scan chosen per return, with the file field's own refusal. */
  #scans = new Map<string, { file: File | null; error: string }>();

  constructor() {
    super();
    this.batchId = '';
    this.headingLevel = 3;
    this.list = null;
    this.editing = null;
    this.returnedOn = '';
    this.choices = {};
    this.texts = {};
    this.asking = '';
    this.busy = false;
    this.dateError = '';
    this.announcement = '';
    this.failure = '';
  }

  override async load(): Promise<void> {
    if (!this.batchId) return;
    this.failure = '';
    try {
      const list = await this.api.query<PaperReturnList>(paths.paperReturns, { batchId: this.batchId });
      if (list.batchId === this.batchId) this.list = list;
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('batchId') && changed.get('batchId') !== undefined) {
      this.list = null;
      this.editing = null;
      this.announcement = '';
      void this.load();
    }
  }

  async #open(student: PaperReturnStudent) {
    this.editing = student;
    this.returnedOn = '';
    this.choices = Object.fromEntries(student.items.map((i) => [i.id, '' as Choice]));
    this.texts = {};
    this.dateError = '';
    this.failure = '';
    this.announcement = '';
    await focusOutcome(this, '#return-form-heading');
  }

  async #cancel() {
    const id = this.editing?.studentId;
    this.editing = null;
    this.failure = '';
    await focusOutcome(this, `#record-${id}`);
  }

  /** Why the return date cannot be taken (the server's rule, asked here first), or ''. */
  #dateProblem(): string {
    const L = this.locale;
    const { window, today } = this.list!;
    if (!this.returnedOn) return rt('form.need-date', {}, L);
    if (this.returnedOn > today) return rt('form.date-future', { today: formatDate(today, L) }, L);
    if (this.returnedOn < window.start || this.returnedOn > window.end) return rt('form.date-outside', { start: formatDate(window.start, L), end: formatDate(window.end, L) }, L);
    return '';
  }

  /** The form's answers, or why they cannot be sent yet (checked here, before the server). */
  #answers(): PaperReturnInput['answers'] | string {
    const L = this.locale;
    const answers: PaperReturnInput['answers'] = [];
    for (const item of this.editing!.items) {
      const choice = this.choices[item.id];
      if (choice === 'confirmed') answers.push({ itemId: item.id, outcome: 'confirmed' });
      if (choice === 'issue') {
        const text = (this.texts[item.id] ?? '').trim();
        if (!text) return rt('form.need-text', { rosterName: item.rosterName }, L);
        answers.push({ itemId: item.id, outcome: 'issue', text });
      }
    }
    return answers.length ? answers : rt('form.need-answer', {}, L);
  }

  async #save(event: Event) {
    event.preventDefault();
    if (this.busy || !this.editing) return;
    const L = this.locale;
    const student = this.editing;
    this.dateError = this.#dateProblem();
    if (this.dateError) {
      this.failure = '';
      await focusOutcome(this, '#returned-on');
      return;
    }
    const answers = this.#answers();
    if (typeof answers === 'string') {
      this.failure = answers;
      await focusOutcome(this, '#paper-returns-failure');
      return;
    }
    this.busy = true;
    this.failure = '';
    try {
      const saved = await this.api.mutation<PaperReturnRecorded>(paths.recordPaperReturn, { batchId: this.batchId, studentId: student.studentId, returnedOn: this.returnedOn, answers });
      const issues = saved.outcomes.filter((o) => o.outcome === 'issue').length;
      this.announcement = rt('saved', { name: student.name, date: formatDate(saved.returnedOn, L), confirmed: saved.outcomes.length - issues, issues }, L);
      this.editing = null;
      this.emit('licheng-receipt-paper-return-recorded', { returnId: saved.id, studentId: student.studentId });
      await this.load();
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#paper-returns-failure' : '#paper-returns-status');
  }

  async #ask(ret: PaperReturn) {
    this.asking = ret.id;
    await focusOutcome(this, `#withdraw-yes-${ret.id}`);
  }

  async #withdraw(ret: PaperReturn, yes: boolean) {
    this.asking = '';
    if (!yes) {
      await focusOutcome(this, `#withdraw-${ret.id}`);
      return;
    }
    this.busy = true;
    this.failure = '';
    try {
      await this.api.mutation<PaperReturnWithdrawn>(paths.withdrawPaperReturn, { returnId: ret.id });
      this.announcement = rt('withdrawn', { name: ret.student.name }, this.locale);
      this.emit('licheng-receipt-paper-return-withdrawn', { returnId: ret.id });
      await this.load();
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#paper-returns-failure' : '#paper-returns-status');
  }

  async #upload(ret: PaperReturn) {
    const L = this.locale;
    const chosen = this.#scans.get(ret.id);
    this.failure = '';
    if (!chosen?.file || chosen.error) {
      this.failure = chosen?.error || rt('scan.required', {}, L);
      await focusOutcome(this, '#paper-returns-failure');
      return;
    }
    const form = new FormData();
    form.set('returnId', ret.id);
    form.set('file', chosen.file);
    this.busy = true;
    try {
      const kept = await this.api.upload<PaperReturnScanned>(paths.scanPaperReturn, form);
      this.#scans.delete(ret.id);
      this.announcement = rt('scan.kept', { name: ret.student.name, fileName: kept.scan.fileName }, L);
      this.emit('licheng-receipt-paper-return-scanned', { returnId: ret.id, fileId: kept.scan.fileId });
      await this.load();
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? '#paper-returns-failure' : '#paper-returns-status');
  }

  async #download(ret: PaperReturn) {
    if (!ret.scan) return;
    try {
      await downloadFile(this.api, `${ret.scan.url}?download=1`, ret.scan.fileName);
    } catch (error) {
      this.failure = errorText(error);
      await focusOutcome(this, '#paper-returns-failure');
    }
  }

  #scan(ret: PaperReturn) {
    const L = this.locale;
    return html`${ret.scan
        ? html`<div class="actions"><button type="button" id="scan-download-${ret.id}" @click=${() => this.#download(ret)}>${rt('scan.download', { fileName: ret.scan.fileName }, L)}</button></div>`
        : nothing}
      ${ret.withdrawn
        ? nothing
        : html`<licheng-file-field
              id="scan-${ret.id}"
              .locale=${L}
              label=${rt(ret.scan ? 'scan.replace' : 'scan.label', {}, L)}
              hint=${rt('scan.hint', {}, L)}
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              max-bytes=${SCAN_MAX_BYTES}
              ?disabled=${this.busy}
              @licheng-file-change=${(e: CustomEvent<FileChange>) => this.#scans.set(ret.id, { file: e.detail.file, error: e.detail.error })}
            ></licheng-file-field>
            <div class="actions"><button type="button" id="scan-upload-${ret.id}" ?disabled=${this.busy} @click=${() => this.#upload(ret)}>${rt('scan.upload', {}, L)}<span class="sr-only">${rt('record.who', { name: ret.student.name }, L)}</span></button></div>`}`;
  }

  #form(student: PaperReturnStudent) {
    const L = this.locale;
    const window = this.list!.window;
    const range = { start: formatDate(window.start, L), end: formatDate(window.end, L) };
    return html`<form id="return-form" aria-labelledby="return-form-heading" novalidate @submit=${this.#save}>
      ${heading(this.headingLevel + 1, rt('form.heading', { name: student.name }, L), 'return-form-heading')}
      <licheng-date-field id="returned-on" .locale=${L} label=${rt('form.date', {}, L)} hint=${rt('form.date.hint', range, L)} required .value=${this.returnedOn} .error=${this.dateError} @licheng-date-change=${(e: CustomEvent<DateChange>) => {
          this.returnedOn = e.detail.value;
          this.dateError = '';
        }}></licheng-date-field>
      ${student.items.map((item) => {
        const locked = item.openIssue;
        const reason = locked ? `locked-${item.id}` : nothing;
        const choice = this.choices[item.id] ?? '';
        const pick = (value: Choice) => (this.choices = { ...this.choices, [item.id]: value });
        const radio = (value: Choice, label: string) =>
          html`<label class="choice"><input type="radio" name="choice-${item.id}" value=${value} .checked=${choice === value} ?disabled=${locked} aria-describedby=${reason} @change=${() => pick(value)} />${label}</label>`;
        const text = this.texts[item.id] ?? '';
        return html`<fieldset>
          <legend>${rt('form.roster', { rosterName: item.rosterName, kind: item.kind }, L)} ${item.status === 'confirmed' ? rt('form.done-already', {}, L) : nothing}</legend>
          ${locked ? html`<p id="locked-${item.id}" class="muted">${rt('form.open-issue', {}, L)}</p>` : nothing}
          ${radio('confirmed', rt('form.confirmed', {}, L))} ${radio('issue', rt('form.issue', {}, L))} ${radio('', rt('form.blank', {}, L))}
          ${choice === 'issue'
            ? html`<div class="field">
                <label class="label" for="text-${item.id}">${rt('form.issue.text', {}, L)}</label>
                <textarea id="text-${item.id}" rows="3" maxlength=${TEXT_MAX} aria-describedby="count-${item.id}" .value=${text} @input=${(e: Event) => (this.texts = { ...this.texts, [item.id]: (e.target as HTMLTextAreaElement).value })}></textarea>
                <p id="count-${item.id}" class="hint">${rt('form.count', { count: charCount(text), max: TEXT_MAX }, L)}</p>
              </div>`
            : nothing}
        </fieldset>`;
      })}
      <div class="actions">
        <button type="submit" id="save-return" ?disabled=${this.busy}>${this.busy ? rt('form.saving', {}, L) : rt('form.save', {}, L)}</button>
        <button type="button" id="cancel-return" @click=${() => this.#cancel()}>${rt('form.cancel', {}, L)}</button>
      </div>
    </form>`;
  }

  #returnItem(ret: PaperReturn) {
    const L = this.locale;
    const name = ret.student.name;
    const student = rt('student.name', { ...ret.student }, L);
    const refusal = ret.withdrawRefusal;
    return html`<li>
      <p>${rt('return.line', { student, date: formatDate(ret.returnedOn, L), by: ret.recordedByName, at: formatDateTime(ret.recordedAt, L) }, L)}</p>
      <ul>
        ${ret.outcomes.map((o) => html`<li>${rt(o.outcome === 'issue' ? 'return.issue' : o.changed ? 'return.confirmed' : 'return.confirmed-already', { rosterName: o.rosterName }, L)}</li>`)}
      </ul>
      ${this.#scan(ret)}
      ${ret.withdrawn
        ? html`<p class="muted">${rt('return.withdrawn', { by: ret.withdrawn.byName ?? '', at: formatDateTime(ret.withdrawn.at, L) }, L)}</p>`
        : this.asking === ret.id
          ? html`<div role="group" aria-labelledby="ask-${ret.id}">
              <p id="ask-${ret.id}">${rt('withdraw.ask', { name }, L)}</p>
              <div class="actions">
                <button type="button" id="withdraw-yes-${ret.id}" @click=${() => this.#withdraw(ret, true)}>${rt('withdraw.yes', {}, L)}</button>
                <button type="button" id="withdraw-no-${ret.id}" @click=${() => this.#withdraw(ret, false)}>${rt('withdraw.no', {}, L)}</button>
              </div>
            </div>`
          : html`<div class="actions">
              <button type="button" id="withdraw-${ret.id}" ?disabled=${this.busy || Boolean(refusal)} aria-describedby=${refusal ? `refusal-${ret.id}` : nothing} @click=${() => this.#ask(ret)}>${rt('withdraw', {}, L)}<span class="sr-only">${rt('record.who', { name }, L)}</span></button>
              ${refusal ? html`<p id="refusal-${ret.id}" class="muted">${refusal}</p>` : nothing}
            </div>`}
    </li>`;
  }

  override render() {
    const L = this.locale;
    const list = this.list;
    const window = list?.window ?? { start: '', end: '' };
    const refusal = list?.recordRefusal ?? null;
    return html`<section part="paper-returns" aria-labelledby="paper-returns-heading">
      ${heading(this.headingLevel, rt('heading', {}, L), 'paper-returns-heading')}
      ${list === null && !this.failure ? html`<p>${rt('loading', {}, L)}</p>` : nothing}
      ${list
        ? html`<p class="hint">${rt('intro', { start: formatDate(window.start, L), end: formatDate(window.end, L) }, L)}</p>
            ${refusal ? html`<p id="paper-returns-refusal" class="muted">${refusal}</p>` : nothing}
            ${list.students.length === 0 ? html`<p class="muted">${rt('none', {}, L)}</p>` : nothing}
            ${list.students.length
              ? html`<p id="returns-students">${rt('students', {}, L)}</p>
                  <ul class="plain" aria-labelledby="returns-students">
                    ${list.students.map((s) => {
                      const why = refusal ? 'paper-returns-refusal' : s.returnId ? `exists-${s.studentId}` : nothing;
                      return html`<li>
                        <span>${rt('student.name', { className: s.className, seatNo: s.seatNo, name: s.name, studentNo: s.studentNo }, L)}</span> — <span>${rt(s.returnId ? 'student.recorded' : 'student.waiting', {}, L)}</span>
                        <div class="actions">
                          <button type="button" id="record-${s.studentId}" ?disabled=${this.busy || Boolean(refusal) || Boolean(s.returnId)} aria-describedby=${why} @click=${() => this.#open(s)}>${rt('record', {}, L)}<span class="sr-only">${rt('record.who', { name: s.name }, L)}</span></button>
                          ${s.returnId && !refusal ? html`<p id="exists-${s.studentId}" class="muted">${rt('record.exists', {}, L)}</p>` : nothing}
                        </div>
                      </li>`;
                    })}
                  </ul>`
              : nothing}
            ${this.editing ? this.#form(this.editing) : nothing}
            ${heading(this.headingLevel + 1, rt('returns', {}, L), 'returns-heading')}
            ${list.returns.length ? html`<ul class="plain" aria-labelledby="returns-heading">${list.returns.map((r) => this.#returnItem(r))}</ul>` : html`<p class="muted">${rt('returns.none', {}, L)}</p>`}`
        : nothing}
      <p id="paper-returns-status" role="status" aria-live="polite" tabindex="-1">${this.announcement}</p>
      ${this.failure ? html`<p id="paper-returns-failure" role="alert" class="error-text" tabindex="-1">${this.failure}</p>` : nothing}
    </section>`;
  }
}
