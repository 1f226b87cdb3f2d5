import { css, html, nothing } from 'lit';
import { downloadFile, errorText, LichengConnectedElement } from '@licheng/client';
import { cardTable, focusMark, focusOutcome, formatDate, heading, screenStyles, type NoticeVariant } from '@licheng/ui';
import type { SelfCheckItemView, SelfCheckView } from '../../server/self-check-view.ts';
import { termPicker, termStyles } from '../term-picker.ts';
import { t } from './self-check.messages.ts';

export const selfCheckPaths = { get: 'working-group.selfCheck.get', answer: 'working-group.selfCheck.answer' } as const;

type Draft = { answer: 'yes' | 'no' | null; note: string };
const ICONS: Record<string, string> = { met: '✓', 'not-met': '✗', 'not-yet': '◷', info: 'ℹ', 'no-data': '？', yes: '✓', no: '✗', unanswered: '…' };
const stateKey = (item: SelfCheckItemView) => item.auto?.state ?? item.hand?.answer ?? 'unanswered';

/**
 * `<licheng-self-check>` — 自我檢核表 of a term: every item of the national checklist with its
 * sources, grouped by section; the items the data answers with their result, figures, how they
 * were computed and (for certification and selection) a table per teacher or class; the others
 * answered here with 是/否 and a note, saved per term with who answered and when, and cleared
 * with 復原 to take a mis-click back; the whole table downloads as an Excel file. After each
 * action focus lands on its message.
 *
 * @attr academic-year - 學年度; the current one when absent.
 * @attr semester - 1 or 2; the current one when absent.
 * @attr heading-level - Level of the heading (default 2).
 * @event licheng-self-check-changed - An answer was saved or cleared: `detail: { itemId }`.
 * @event licheng-token-expired - The token has expired.
 */
export class LichengSelfCheck extends LichengConnectedElement {
  static override styles = [
    ...screenStyles,
    cardTable,
    termStyles,
    css`
      :host { display: block; }
      .badge { font-weight: 600; white-space: nowrap; }
      .badge.met, .badge.yes { color: var(--licheng-color-success, #1a6b34); }
      .badge.not-met, .badge.no { color: var(--licheng-color-danger, #a4262c); }
      .badge.not-yet, .badge.unanswered { color: var(--licheng-color-warning, #7a4d00); }
      dl.figures { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.125rem 0.75rem; margin: 0 0 0.5rem; }
      dl.figures dt { font-weight: 600; }
      dl.figures dd { margin: 0; overflow-wrap: anywhere; }
      .how, .sources, .who { font-size: 0.875rem; color: var(--licheng-color-text-muted, #555); }
      fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
      .answer { display: grid; gap: 0.5rem; }
      textarea { inline-size: 100%; max-inline-size: 30rem; min-block-size: 3rem; }
      .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
      tr.fresh { outline: 2px solid currentColor; outline-offset: -2px; }
      @media (min-width: 40rem) {
        table.cards { table-layout: fixed; inline-size: 100%; }
        table.cards > thead th:nth-child(1) { inline-size: 36%; }
        table.cards > thead th:nth-child(2) { inline-size: 14%; }
      }
      details table { margin-block: 0.5rem; }
      @media print {
        .term, .actions button, [part='download'] { display: none; }
        details { display: block; }
        details > summary { list-style: none; }
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    academicYear: { type: Number, attribute: 'academic-year' },
    semester: { type: Number },
    headingLevel: { type: Number, attribute: 'heading-level' },
    view: { state: true },
    drafts: { state: true },
    busy: { state: true },
    note: { state: true },
    fresh: { state: true },
    undo: { state: true },
  };

  declare academicYear: number | undefined;
  declare semester: number | undefined;
  declare headingLevel: number;
  declare view: SelfCheckView | null;
  declare drafts: Record<string, Draft>;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  declare fresh: string | null;
  /** The answer just cleared, for 復原. */
  declare undo: { itemId: string; text: string; answer: 'yes' | 'no'; note: string } | null;

  constructor() {
    super();
    this.academicYear = undefined;
    this.semester = undefined;
    this.headingLevel = 2;
    this.view = null;
    this.drafts = {};
    this.busy = false;
    this.note = { variant: 'info', text: '' };
    this.fresh = null;
    this.undo = null;
  }

  /** A printout shows every detail (sources, per-teacher and per-class tables). */
  #openForPrint = () => this.renderRoot.querySelectorAll('details').forEach((d) => (d.open = true));

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.#openForPrint);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeprint', this.#openForPrint);
    super.disconnectedCallback();
  }

  override updated(changed: Map<string, unknown>): void {
    super.updated(changed);
    if ((changed.has('academicYear') || changed.has('semester')) && this.view && (this.academicYear !== this.view.academicYear || this.semester !== this.view.semester)) void this.load();
  }

  override async load(): Promise<void> {
    try {
      const input = this.academicYear ? { academicYear: this.academicYear, ...(this.semester ? { semester: this.semester } : {}) } : undefined;
      this.#show(await this.api.query<SelfCheckView>(selfCheckPaths.get, input));
    } catch (error) {
      // Said, not focused: a load is no action of the user's (see GroupSection.load).
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
    }
  }

  #show(view: SelfCheckView) {
    this.view = view;
    this.academicYear = view.academicYear;
    this.semester = view.semester;
    this.drafts = Object.fromEntries(view.items.filter((i) => i.mode === 'hand').map((i) => [i.id, { answer: i.hand?.answer ?? null, note: i.hand?.note ?? '' }]));
  }

  async #say(variant: NoticeVariant, text: string) {
    this.note = { variant, text };
    await focusOutcome(this, '#self-check-note');
  }

  async #answer(item: SelfCheckItemView, answer: 'yes' | 'no' | null, note: string, done: 'saved' | 'cleared' | 'restored') {
    const view = this.view;
    if (!view || this.busy) return;
    this.busy = true;
    try {
      this.#show(await this.api.mutation<SelfCheckView>(selfCheckPaths.answer, { academicYear: view.academicYear, semester: view.semester, itemId: item.id, answer, note }));
      this.fresh = item.id;
      this.emit('licheng-self-check-changed', { itemId: item.id });
      await this.#say('success', t(done, { item: item.text }, this.locale));
    } catch (error) {
      await this.#say('error', t('failed', { message: errorText(error) }, this.locale));
    } finally {
      this.busy = false;
    }
  }

  #save(event: Event, item: SelfCheckItemView) {
    event.preventDefault();
    const draft = this.drafts[item.id];
    if (!draft?.answer) return;
    this.undo = null;
    void this.#answer(item, draft.answer, draft.note, 'saved');
  }

  #clear(item: SelfCheckItemView) {
    if (!item.hand) return;
    this.undo = { itemId: item.id, text: item.text, answer: item.hand.answer, note: item.hand.note };
    void this.#answer(item, null, '', 'cleared');
  }

  #restore() {
    const undo = this.undo;
    const item = this.view?.items.find((i) => i.id === undo?.itemId);
    if (!undo || !item) return;
    this.undo = null;
    void this.#answer(item, undo.answer, undo.note, 'restored');
  }

  async #download() {
    const view = this.view;
    if (!view) return;
    const mark = focusMark();
    try {
      await downloadFile(this.api, view.download, t('download.name', { year: view.academicYear, semester: view.semester }, this.locale));
    } catch (error) {
      this.note = { variant: 'error', text: t('failed', { message: errorText(error) }, this.locale) };
    }
    await focusOutcome(this, this.note.variant === 'error' ? '#self-check-note' : '[part="download"]', { since: mark });
  }

  #draft(id: string, change: Partial<Draft>) {
    this.drafts = { ...this.drafts, [id]: { ...this.drafts[id]!, ...change } };
  }

  #detail(item: SelfCheckItemView) {
    const L = this.locale;
    const sources = html`<details class="sources">
      <summary>${t('sources', {}, L)}</summary>
      <ul>${item.sources.map((s) => html`<li>${t(`source.${s.doc}` as 'source.003', {}, L)} ${s.where}：「${s.quote}」</li>`)}</ul>
    </details>`;
    if (item.auto) {
      const a = item.auto;
      return html`${a.figures.length ? html`<dl class="figures">${a.figures.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>` : nothing}
        <p class="how">${a.how}</p>
        ${a.rows
          ? html`<details>
              <summary>${t('rows', { caption: a.rows.caption }, L)}</summary>
              <table>
                <caption>${a.rows.caption}</caption>
                <thead><tr>${a.rows.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
                <tbody>${a.rows.rows.map((r) => html`<tr><th scope="row">${r[0]}</th>${r.slice(1).map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
              </table>
            </details>`
          : nothing}
        ${sources}`;
    }
    const draft = this.drafts[item.id] ?? { answer: null, note: '' };
    const id = (what: string) => `${item.id}-${what}`;
    return html`<form class="answer" @submit=${(e: Event) => this.#save(e, item)}>
        <fieldset>
          <legend class="sr-only">${item.text}</legend>
          ${(['yes', 'no'] as const).map(
            (v) => html`<label><input type="radio" name=${id('answer')} value=${v} .checked=${draft.answer === v} @change=${() => this.#draft(item.id, { answer: v })} /> ${t(v, {}, this.locale)}</label>`,
          )}
        </fieldset>
        <label for=${id('note')}>${t('note', {}, L)}</label>
        <textarea id=${id('note')} .value=${draft.note} @input=${(e: Event) => this.#draft(item.id, { note: (e.target as HTMLTextAreaElement).value })}></textarea>
        <div class="actions">
          <button type="submit" id=${id('save')} ?disabled=${this.busy || !draft.answer} aria-describedby=${draft.answer ? nothing : id('why')} aria-label=${t('save.label', { item: item.text }, L)}>${t('save', {}, L)}</button>
          ${draft.answer ? nothing : html`<span id=${id('why')} class="who">${t('needs-answer', {}, L)}</span>`}
          ${item.hand ? html`<button type="button" ?disabled=${this.busy} aria-label=${t('clear.label', { item: item.text }, L)} @click=${() => this.#clear(item)}>${t('clear', {}, L)}</button>` : nothing}
        </div>
        ${item.hand ? html`<p class="who">${t('answered', { name: item.hand.byName, date: formatDate(item.hand.at, L) }, L)}</p>` : nothing}
      </form>
      ${sources}`;
  }

  #table(section: string, items: SelfCheckItemView[]) {
    const L = this.locale;
    return html`<table class="cards" part="table">
      <caption>${items[0]!.sectionText}</caption>
      <thead><tr><th scope="col">${t('col.item', {}, L)}</th><th scope="col">${t('col.state', {}, L)}</th><th scope="col">${t('col.detail', {}, L)}</th></tr></thead>
      <tbody>
        ${items.map((item) => {
          const key = stateKey(item);
          return html`<tr id=${`item-${item.id}`} class=${item.id === this.fresh ? 'fresh' : ''} data-section=${section}>
            <th scope="row" data-label=${t('col.item', {}, L)}>${item.text}<br /><span class="who">${t(item.mode, {}, L)}</span></th>
            <td data-label=${t('col.state', {}, L)}><span class="badge ${key}"><span aria-hidden="true">${ICONS[key]}</span> ${item.stateText}</span></td>
            <td data-label=${t('col.detail', {}, L)}>${this.#detail(item)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  override render() {
    const L = this.locale;
    const view = this.view;
    const sections = new Map<string, SelfCheckItemView[]>();
    for (const item of view?.items ?? []) sections.set(item.section, [...(sections.get(item.section) ?? []), item]);
    const auto = view?.items.filter((i) => i.auto) ?? [];
    const hand = view?.items.filter((i) => i.mode === 'hand') ?? [];
    return html`${heading(this.headingLevel, t('heading', {}, L), 'self-check-heading')}
      <licheng-notice id="self-check-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${this.undo
        ? html`<p><button type="button" id="self-check-undo" ?disabled=${this.busy} aria-label=${t('undo.label', { item: this.undo.text }, L)} @click=${() => this.#restore()}>${t('undo', {}, L)}</button></p>`
        : nothing}
      ${view
        ? html`<div class="term">
              ${termPicker({ academicYear: view.academicYear, semester: view.semester, locale: L, disabled: this.busy, yearLabel: t('year', {}, L), semesterLabel: t('semester', {}, L), semesterText: (s) => t(`semester.${s}` as 'semester.1', {}, L), onChange: (y, s) => ((this.academicYear = y), (this.semester = s)) })}
              <button type="button" part="download" @click=${() => this.#download()}>${t('download', {}, L)}</button>
            </div>
            <p role="status" id="self-check-summary">
              ${t('summary', { year: view.academicYear, semester: view.semester, auto: auto.length, met: auto.filter((i) => i.auto!.state === 'met').length, notMet: auto.filter((i) => i.auto!.state === 'not-met').length, answered: hand.filter((i) => i.hand).length, hand: hand.length }, L)}
            </p>
            <p class="how">${view.note} ${t('version', { version: view.version }, L)}</p>
            ${[...sections].map(([section, items]) => this.#table(section, items))}`
        : html`<p>${t('loading', {}, L)}</p>`}`;
  }
}
