import { css, html, nothing } from 'lit';
import { downloadFile } from '@licheng/client';
import { cardTable, focusOutcome, formatDate, heading, screenStyles } from '@licheng/ui';
import { groupPaths, type AwardProposal, type EvaluationOverview } from '../group-api.ts';
import { GroupSection } from '../group-section.ts';
import { e } from './evaluation-messages.ts';
import { awardWords, decisionForm, emptyProposal, proposalForm, type DecisionDraft, type ProposalDraft } from './evaluation-forms.ts';

type Figures = NonNullable<EvaluationOverview['figures']>;
type TermWork = Figures['offices'][number]['rosters'];

/**
 * `<licheng-group-evaluation>` — 成效評核及獎勵: each person's and office's figures of the year
 * from the data (certifications and how many on time, roster submission and pre-check per
 * semester, trainings held), shown from the year's second semester; the executive secretary's
 * award proposals (嘉獎、記功、記大功, once or twice, with the reason), withdrawn and restored;
 * the group's decision on each at a held meeting; the Excel file for the staff-award process.
 * What cannot be done now is disabled, the reason shown; after each action focus lands on its
 * message.
 *
 * @attr academic-year - 學年度 to show; the current one when absent.
 * @attr heading-level - Level of the section's heading (default 2).
 * @event licheng-evaluation-changed - A proposal was made, withdrawn, restored or decided.
 * @event licheng-token-expired - The token has expired.
 */
export class GroupEvaluation extends GroupSection<EvaluationOverview, ProposalDraft> {
  static override styles = [
    ...screenStyles,
    cardTable,
    css`
      :host { display: block; }
      select, input, textarea { max-width: 100%; }
      form { display: grid; gap: 0.5rem; grid-template-columns: minmax(0, 1fr); max-width: 40rem; margin-block: 1rem; }
      fieldset { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      tr.fresh { outline: 2px solid currentColor; outline-offset: -2px; }
      .late { font-weight: 600; }
    `,
  ];
  static override properties = { ...GroupSection.properties, proposing: { state: true }, deciding: { state: true }, decision: { state: true } };

  declare proposing: boolean;
  declare deciding: AwardProposal | null;
  declare decision: DecisionDraft;

  constructor() {
    super();
    this.proposing = false;
    this.deciding = null;
    this.decision = { outcome: 'approved', level: 'commendation', times: 1, meetingId: '', note: '' };
  }

  protected get listPath() {
    return groupPaths.evaluation;
  }
  protected get noteSelector() {
    return '#evaluation-note';
  }
  protected get changedEvent() {
    return 'licheng-evaluation-changed' as const;
  }
  protected emptyDraft() {
    return emptyProposal();
  }

  get #canPropose() {
    return this.list?.phase === 'open' && this.list.isSecretary;
  }

  #startProposal(draft: Partial<ProposalDraft>) {
    this.draft = { ...emptyProposal(), ...draft };
    this.proposing = true;
    this.deciding = null;
    void focusOutcome(this, '#proposal-heading');
  }

  #propose(ev: Event) {
    ev.preventDefault();
    const L = this.locale;
    const d = this.draft;
    const o = this.list!;
    if (!d.subjectName.trim() || !d.reason.trim()) return void this.say('error', e('form.missing', {}, L));
    void this.act(async () => {
      const saved = await this.api.mutation<AwardProposal>(groupPaths.evaluationPropose, {
        academicYear: o.academicYear, subjectKind: d.subjectKind, ...(d.subjectId ? { subjectId: d.subjectId } : {}), subjectName: d.subjectName, level: d.level, times: d.times, reason: d.reason,
      });
      this.proposing = false;
      this.draft = emptyProposal();
      return { text: e('proposed', { name: saved.subjectName, award: awardWords(o, saved.level, saved.times, L) }, L), fresh: saved.id };
    });
  }

  #withdraw(p: AwardProposal, withdrawn: boolean) {
    void this.act(async () => {
      await this.api.mutation(groupPaths.evaluationWithdraw, { id: p.id, withdrawn });
      return { text: e(withdrawn ? 'withdrawn.note' : 'restored.note', { name: p.subjectName }, this.locale), fresh: p.id };
    });
  }

  #startDecision(p: AwardProposal) {
    this.deciding = p;
    this.proposing = false;
    this.decision = { outcome: 'approved', level: p.level, times: p.times === 2 ? 2 : 1, meetingId: this.list?.meetings[0]?.id ?? '', note: '' };
    void focusOutcome(this, '#decision-heading');
  }

  #decide(ev: Event) {
    ev.preventDefault();
    const p = this.deciding;
    const d = this.decision;
    const L = this.locale;
    if (!p || !this.list) return;
    const o = this.list;
    void this.act(async () => {
      const saved = await this.api.mutation<AwardProposal>(groupPaths.evaluationDecide, {
        proposalId: p.id, outcome: d.outcome, meetingId: d.meetingId, note: d.note, ...(d.outcome === 'changed' ? { level: d.level, times: d.times } : {}),
      });
      this.deciding = null;
      return { text: e('decided', { name: p.subjectName, outcome: this.#decisionText(o, saved) }, L), fresh: p.id };
    });
  }

  async #download() {
    const o = this.list!;
    const L = this.locale;
    await this.act(async () => {
      await downloadFile(this.api, `/api/working-group/evaluation.xlsx?academicYear=${o.academicYear}`, e('download.name', { year: o.academicYear }, L));
      return { text: e('download.done', { year: o.academicYear }, L), fresh: null, reload: false };
    });
  }

  #decisionText(o: EvaluationOverview, p: AwardProposal): string {
    const L = this.locale;
    const d = p.decision;
    if (!d) return e(p.withdrawnAt ? 'withdrawn' : 'undecided', {}, L);
    return e(`outcome.${d.outcome}`, { award: awardWords(o, d.level, d.times, L) }, L) + e('decision.meeting', { date: formatDate(d.meetingDate, L) }, L);
  }

  #state(o: EvaluationOverview) {
    const L = this.locale;
    const lines = [o.closedReason ?? e('phase.open', { year: o.academicYear }, L)];
    if (!o.secretary) lines.push(e('secretary.none', { year: o.academicYear }, L));
    else lines.push(o.isSecretary ? e('secretary', { name: o.secretary.name }, L) : e('secretary.only', { name: o.secretary.name }, L));
    // One line each: the server's reason has no closing stop to run on from.
    return html`<p id="evaluation-state">${lines.map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}</p>`;
  }

  #terms(work: TermWork) {
    const L = this.locale;
    if (!work) return '—';
    return work.map((w, i) => html`${i ? html`<br />` : nothing}${w.first ? html`<span class=${w.onTime === false ? 'late' : ''}>${e('term.work', { semester: w.semester, date: formatDate(w.first, L), late: w.onTime === false ? e('term.late', {}, L) : w.onTime ? e('term.onTime', {}, L) : '' }, L)}</span>` : e('term.none', { semester: w.semester }, L)}`);
  }

  #proposeButton(kind: 'person' | 'office', id: string, name: string) {
    const L = this.locale;
    return html`<button type="button" ?disabled=${this.busy || !this.#canPropose} aria-describedby="evaluation-state" aria-label=${e('propose.label', { name }, L)} @click=${() => this.#startProposal({ subjectKind: kind, subjectId: id, subjectName: name })}>${e('propose', {}, L)}</button>`;
  }

  #figures(f: Figures) {
    const L = this.locale;
    const c = (k: Parameters<typeof e>[0]) => e(k, {}, L);
    const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
    return html`<table class="cards" id="people">
        <caption>${e('people.caption', { count: f.people.length }, L)}</caption>
        <thead><tr><th scope="col">${c('col.name')}</th><th scope="col">${c('col.roles')}</th><th scope="col">${c('col.decided')}</th><th scope="col">${c('col.onTime')}</th><th scope="col">${c('col.rate')}</th><th scope="col">${c('col.rosters')}</th><th scope="col">${c('col.precheck')}</th><th scope="col">${c('col.actions')}</th></tr></thead>
        <tbody>
          ${f.people.map(
            (p) => html`<tr>
              <th scope="row" data-label=${c('col.name')}>${p.name}</th>
              <td data-label=${c('col.roles')}>${p.roles.join('、')}</td>
              <td data-label=${c('col.decided')}>${p.certification.decided}</td>
              <td data-label=${c('col.onTime')}>${p.certification.onTime}</td>
              <td data-label=${c('col.rate')}>${rate(p.certification.onTimeRate)}</td>
              <td data-label=${c('col.rosters')}>${e('count', { count: p.rosterExports }, L)}</td>
              <td data-label=${c('col.precheck')}>${e('count', { count: p.precheckRuns }, L)}</td>
              <td data-label=${c('col.actions')}>${this.#proposeButton('person', p.userId, p.name)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <table class="cards" id="offices">
        <caption>${e('offices.caption', { count: f.offices.length }, L)}</caption>
        <thead><tr><th scope="col">${c('col.office')}</th><th scope="col">${c('col.decided')}</th><th scope="col">${c('col.rate')}</th><th scope="col">${c('col.rosters')}</th><th scope="col">${c('col.precheck')}</th><th scope="col">${c('col.trainings')}</th><th scope="col">${c('col.actions')}</th></tr></thead>
        <tbody>
          ${f.offices.map(
            (o) => html`<tr>
              <th scope="row" data-label=${c('col.office')}>${o.name}</th>
              <td data-label=${c('col.decided')}>${o.certification?.decided ?? '—'}</td>
              <td data-label=${c('col.rate')}>${rate(o.certification?.onTimeRate ?? null)}</td>
              <td data-label=${c('col.rosters')}>${this.#terms(o.rosters)}</td>
              <td data-label=${c('col.precheck')}>${this.#terms(o.precheck)}</td>
              <td data-label=${c('col.trainings')}>${o.trainings ? `${o.trainings.held}／${o.trainings.planned}` : '—'}</td>
              <td data-label=${c('col.actions')}>${this.#proposeButton('office', o.key, o.name)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  #proposals(o: EvaluationOverview) {
    const L = this.locale;
    const c = (k: Parameters<typeof e>[0]) => e(k, {}, L);
    if (!o.proposals.length) return html`<p>${c('proposals.none')}</p>`;
    const open = o.phase === 'open';
    return html`<table class="cards" id="proposals">
      <caption>${e('proposals.caption', { count: o.proposals.length }, L)}</caption>
      <thead><tr><th scope="col">${c('col.subject')}</th><th scope="col">${c('col.award')}</th><th scope="col">${c('col.reason')}</th><th scope="col">${c('col.decision')}</th><th scope="col">${c('col.actions')}</th></tr></thead>
      <tbody>
        ${o.proposals.map((p) => {
          const name = p.subjectName;
          const undecided = !p.decision;
          return html`<tr class=${p.id === this.fresh ? 'fresh' : ''}>
            <th scope="row" data-label=${c('col.subject')}>${name}（${c(`kind.${p.subjectKind}`)}）</th>
            <td data-label=${c('col.award')}>${awardWords(o, p.level, p.times, L)}</td>
            <td data-label=${c('col.reason')}>${p.reason}</td>
            <td data-label=${c('col.decision')}>${this.#decisionText(o, p)}</td>
            <td data-label=${c('col.actions')}>
              ${undecided && !p.withdrawnAt
                ? html`<button type="button" id=${`decide-${p.id}`} ?disabled=${this.busy || !open} aria-describedby="evaluation-state" aria-label=${e('decide.label', { name }, L)} @click=${() => this.#startDecision(p)}>${c('decide')}</button>
                    <button type="button" ?disabled=${this.busy || !this.#canPropose} aria-describedby="evaluation-state" aria-label=${e('withdraw.label', { name }, L)} @click=${() => this.#withdraw(p, true)}>${c('withdraw')}</button>`
                : nothing}
              ${undecided && p.withdrawnAt
                ? html`<button type="button" ?disabled=${this.busy || !this.#canPropose} aria-describedby="evaluation-state" aria-label=${e('restore.label', { name }, L)} @click=${() => this.#withdraw(p, false)}>${c('restore')}</button>`
                : nothing}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  override render() {
    const L = this.locale;
    const o = this.list;
    const level = this.headingLevel + 1;
    const cancel = (back: string) => () => ((this.proposing = false), (this.deciding = null), void focusOutcome(this, back));
    return html`${heading(this.headingLevel, e('heading', {}, L), 'evaluation-heading')}
      <licheng-notice id="evaluation-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      <p>${e('intro', {}, L)}</p>
      ${o
        ? html`<details>
              <summary>${e('rules', {}, L)}</summary>
              <ul>${o.rules.map((r) => html`<li lang="zh-TW">${r.school}（${r.source}）：${r.text}</li>`)}</ul>
              <p>${e('rules.levels', { source: o.levelSource }, L)}</p>
            </details>
            ${this.#state(o)}
            <p class="actions">
              <button type="button" id="download" ?disabled=${this.busy} @click=${() => this.#download()}>${e('download', {}, L)}</button>
              <button type="button" id="propose-other" ?disabled=${this.busy || !this.#canPropose} aria-describedby="evaluation-state" @click=${() => this.#startProposal({})}>${e('propose.other', {}, L)}</button>
            </p>
            ${o.figures ? (o.figures.people.length || o.figures.offices.length ? this.#figures(o.figures) : html`<p>${e('figures.none', {}, L)}</p>`) : nothing}
            ${this.proposing
              ? proposalForm({ draft: this.draft, overview: o, busy: this.busy, level, locale: L, change: (patch) => (this.draft = { ...this.draft, ...patch }), submit: (ev) => this.#propose(ev), cancel: cancel('#propose-other') })
              : nothing}
            ${heading(level, e('proposals.heading', {}, L), 'proposals-heading')} ${this.#proposals(o)}
            ${this.deciding
              ? decisionForm({ draft: this.decision, proposal: this.deciding, overview: o, busy: this.busy, level, locale: L, change: (patch) => (this.decision = { ...this.decision, ...patch }), submit: (ev) => this.#decide(ev), cancel: cancel('#proposals-heading') })
              : nothing}`
        : html`<p>${e('loading', {}, L)}</p>`}`;
  }
}
