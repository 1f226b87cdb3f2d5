import { css, html, nothing } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { cardTable, focusMark, focusOutcome, formatDateTime, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import { paths, type CheckDetail, type EssayKind, type EssayLanguage, type Queue, type QueueItem } from '../api.ts';
import { t } from '../messages.ts';

const count = (text: string) => [...text].length;

/**
 * `<licheng-autobiography-checks>` — the checker's screen (導師 or 輔導組, as the school names): the
 * students' submitted documents by class, one opened with what changed since the version checked
 * before (a line diff), 通過 or 退回修改 with a comment (≤ 200 characters, counted as typed; required
 * to return), and 撤回決定 with a reason. The list marks what was just done; focus lands on each outcome.
 *
 * @event licheng-autobiography-checked - A decision was made or taken back; `detail: { documentId, action }`.
 * @event licheng-token-expired - The token has expired.
 */
export class AutobiographyChecks extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    cardTable,
    css`
      :host { display: block; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
      textarea { width: 100%; box-sizing: border-box; min-height: 4rem; font: inherit; }
      pre, .diff { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; border: 1px solid #999; padding: 0.5rem; margin: 0; }
      .diff ins { background: #dcfce7; text-decoration: none; display: block; }
      .diff del { background: #fee2e2; display: block; }
      .diff span { display: block; }
      .why { color: var(--licheng-color-muted, #555); }
      #diff-heading, #history-heading { margin-top: 1rem; }
      section + section { margin-top: 1.5rem; }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    queue: { state: true },
    open: { state: true },
    comment: { state: true },
    reopening: { state: true },
    reason: { state: true },
    busy: { state: true },
    note: { state: true },
    justDone: { state: true },
  };

  declare headingLevel: number;
  declare queue: Queue | null;
  declare open: CheckDetail | null;
  declare comment: string;
  declare reopening: boolean;
  declare reason: string;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  /** The document last decided or reopened, marked in the list. */
  declare justDone: string | null;

  constructor() {
    super();
    this.headingLevel = 1;
    this.queue = null;
    this.open = null;
    this.comment = '';
    this.reopening = false;
    this.reason = '';
    this.busy = false;
    this.note = { variant: 'info', text: '' };
    this.justDone = null;
  }

  override async load(): Promise<void> {
    try {
      this.queue = await this.api.query<Queue>(paths.queue);
    } catch (error) {
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
    }
  }

  #docLabel(kind: EssayKind, language: EssayLanguage) {
    const L = this.locale;
    return t('tab', { kind: t(`kind.${kind}`, {}, L), language: t(`lang.${language}`, {}, L) }, L);
  }

  #student(s: { className: string; seatNo: number; name: string }) {
    return t('student', { className: s.className, seatNo: s.seatNo, name: s.name }, this.locale);
  }

  async #open(item: QueueItem) {
    try {
      this.open = await this.api.query<CheckDetail>(paths.check, { documentId: item.id });
      this.comment = '';
      this.reopening = false;
      this.reason = '';
      await focusOutcome(this, '#reading-heading');
    } catch (error) {
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
      await focusOutcome(this, '#checks-note');
    }
  }

  async #back() {
    const id = this.open?.document.id;
    this.open = null;
    await focusOutcome(this, id ? `#open-${CSS.escape(id)}` : '#queue-heading');
  }

  async #act(action: 'pass' | 'return' | 'reopen') {
    const open = this.open;
    if (!open || this.busy) return;
    const L = this.locale;
    const mark = focusMark();
    this.busy = true;
    const names = { student: this.#student(open.student), document: this.#docLabel(open.document.kind, open.document.language), version: open.version?.number ?? 0 };
    try {
      let done: string;
      if (action === 'reopen') {
        await this.api.mutation(paths.reopen, { documentId: open.document.id, reason: this.reason });
        done = t('reopened', names, L);
      } else {
        await this.api.mutation(paths.decide, { documentId: open.document.id, version: open.version?.number, decision: action, ...(this.comment.trim() ? { comment: this.comment } : {}) });
        done = t(action === 'pass' ? 'decided.pass' : 'decided.return', names, L);
      }
      this.justDone = open.document.id;
      this.emit('licheng-autobiography-checked', { documentId: open.document.id, action });
      this.queue = await this.api.query<Queue>(paths.queue);
      this.open = await this.api.query<CheckDetail>(paths.check, { documentId: open.document.id });
      this.comment = '';
      this.reopening = false;
      this.reason = '';
      // Said once the screen shows the outcome, so nothing the user does next is undone by a late reload.
      this.note = { variant: 'success', text: done };
    } catch (error) {
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, L) };
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, '#checks-note', { since: mark });
  }

  #list(level: number) {
    const L = this.locale;
    const q = this.queue!;
    if (!q.mayCheck) return html`<p id="not-checker">${t('queue.not-checker', { checker: t(`checker.${q.checker}`, {}, L) }, L)}</p>`;
    if (q.classNames.length === 0 && q.checker === 'homeroom-teacher') return html`<p>${t('queue.no-class', {}, L)}</p>`;
    if (q.items.length === 0) return html`<p>${t('queue.empty', {}, L)}</p>`;
    const classes = [...new Set(q.items.map((i) => i.student.className))];
    return classes.map((className) => {
      const items = q.items.filter((i) => i.student.className === className);
      const waiting = items.filter((i) => i.status === 'submitted').length;
      const id = `class-${className}`;
      return html`<section aria-labelledby=${id}>
        ${heading(level, `${t('queue.class', { className }, L)}（${t('queue.waiting', { count: waiting }, L)}）`, id)}
        <table class="cards" aria-labelledby=${id}>
          <thead><tr><th scope="col">${t('col.student', {}, L)}</th><th scope="col">${t('col.document', {}, L)}</th><th scope="col">${t('col.status', {}, L)}</th><th scope="col">${t('col.action', {}, L)}</th></tr></thead>
          <tbody>
            ${items.map((i) => {
              const doc = this.#docLabel(i.kind, i.language);
              return html`<tr>
                <td data-label=${t('col.student', {}, L)}>${this.#student(i.student)}</td>
                <td data-label=${t('col.document', {}, L)}>${doc}</td>
                <td data-label=${t('col.status', {}, L)}>${t(`status.${i.status}`, {}, L)}${this.justDone === i.id ? html` <strong>（${t('just', {}, L)}）</strong>` : nothing}</td>
                <td data-label=${t('col.action', {}, L)}><button type="button" id="open-${i.id}" aria-label=${t('open.label', { student: this.#student(i.student), document: doc }, L)} @click=${() => this.#open(i)}>${t('open', {}, L)}</button></td>
              </tr>`;
            })}
          </tbody>
        </table>
      </section>`;
    });
  }

  #reading(level: number) {
    const L = this.locale;
    const o = this.open!;
    const v = o.version;
    const waiting = o.document.status === 'submitted';
    const standing = o.checks.find((c) => c.reopenedAt === null && c.version === v?.number);
    const mayReopen = !waiting && standing?.mine === true && (o.document.status === 'passed' || o.document.status === 'returned');
    const noComment = this.comment.trim() === '';
    const commentCount = count(this.comment);
    return html`<section aria-labelledby="reading-heading">
      ${heading(level, t('reading', { student: this.#student(o.student), document: this.#docLabel(o.document.kind, o.document.language), version: v?.number ?? 0 }, L), 'reading-heading')}
      <p>${t('status.line', { status: t(`status.${o.document.status}`, {}, L) }, L)}</p>
      <pre>${v?.text ?? ''}</pre>
      ${heading(level + 1, o.previous ? t('diff.heading', { version: o.previous.version, decision: t(`status.${o.previous.decision}`, {}, L) }, L) : t('diff.none', {}, L), 'diff-heading')}
      ${o.previous
        ? html`<p>${t('diff.counts', { added: o.previous.changes.filter((c) => c.op === 'added').length, removed: o.previous.changes.filter((c) => c.op === 'removed').length }, L)}</p>
            <div class="diff" role="region" tabindex="0" aria-labelledby="diff-heading">
              ${o.previous.changes.map((c) =>
                c.op === 'added'
                  ? html`<ins><span class="sr-only">${t('diff.added', {}, L)}：</span>+ ${c.text}</ins>`
                  : c.op === 'removed'
                    ? html`<del><span class="sr-only">${t('diff.removed', {}, L)}：</span>− ${c.text}</del>`
                    : html`<span>&nbsp; ${c.text}</span>`,
              )}
            </div>`
        : nothing}
      ${waiting
        ? html`<label for="comment">${t('comment', {}, L)}</label>
            <textarea id="comment" maxlength="200" aria-describedby="comment-counter comment-why" .value=${this.comment} @input=${(e: Event) => (this.comment = (e.target as HTMLTextAreaElement).value)}></textarea>
            <p id="comment-counter" aria-live="polite">${t('comment.counter', { count: commentCount }, L)}</p>
            <div class="actions">
              <button type="button" class="primary" id="pass" ?disabled=${this.busy} @click=${() => this.#act('pass')}>${t('pass', {}, L)}</button>
              <button type="button" id="return" aria-describedby="comment-why" ?disabled=${this.busy || noComment} @click=${() => this.#act('return')}>${t('return', {}, L)}</button>
            </div>
            <p class="why" id="comment-why">${noComment ? t('why.comment', {}, L) : ''}</p>`
        : html`<p class="why">${t('why.not-waiting', {}, L)}</p>`}
      ${mayReopen
        ? this.reopening
          ? html`<label for="reopen-reason">${t('reopen.reason', {}, L)}</label>
              <textarea id="reopen-reason" maxlength="200" aria-describedby="reason-why" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
              <p class="why" id="reason-why">${this.reason.trim() ? '' : t('why.reason', {}, L)}</p>
              <div class="actions">
                <button type="button" id="reopen-confirm" ?disabled=${this.busy || !this.reason.trim()} @click=${() => this.#act('reopen')}>${t('reopen.confirm', {}, L)}</button>
                <button type="button" @click=${async () => { this.reopening = false; await focusOutcome(this, '#reopen'); }}>${t('reopen.cancel', {}, L)}</button>
              </div>`
          : html`<div class="actions"><button type="button" id="reopen" @click=${async () => { this.reopening = true; await focusOutcome(this, '#reopen-reason'); }}>${t('reopen', {}, L)}</button></div>`
        : nothing}
      ${o.checks.length
        ? html`${heading(level + 1, t('checks', {}, L), 'history-heading')}
            <ul>
              ${o.checks.map((c) => html`<li>${t('check.line', { version: c.version, decision: t(`status.${c.decision}`, {}, L), name: c.decidedByName, at: formatDateTime(c.decidedAt, L) }, L)}
                ${c.comment ? html`<br />${t('check.comment', { comment: c.comment }, L)}` : nothing}
                ${c.reopenedAt ? html`<br />${t('check.reopened', { reason: c.reopenReason ?? '' }, L)}` : nothing}</li>`)}
            </ul>`
        : nothing}
      <div class="actions"><button type="button" id="back" ?disabled=${this.busy} @click=${() => this.#back()}>${t('back', {}, L)}</button></div>
    </section>`;
  }

  override render() {
    const L = this.locale;
    const h = this.headingLevel;
    const note = html`<licheng-notice id="checks-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>`;
    return html`${heading(h, t('queue.heading', {}, L), 'queue-heading')} ${note}
      ${this.queue === null ? html`<p>${t('loading', {}, L)}</p>` : this.open ? this.#reading(h + 1) : this.#list(h + 1)}`;
  }
}
