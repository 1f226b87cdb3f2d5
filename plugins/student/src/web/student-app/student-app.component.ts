import { html, nothing } from 'lit';
import { LichengConnectedElement, errorText } from '@licheng/client';
import { focusOutcome, heading, screenStyles } from '@licheng/ui';
import '../my-outcomes/my-outcomes.ts';
import '../outcome-selection/outcome-selection.ts';
import '../outcome-upload/outcome-upload.ts';
import '../my-portfolio/my-portfolio.ts';
import { pt } from '../my-portfolio/portfolio-messages.ts';
import '../my-performances/my-performances.ts';
import '../performance-selection/performance-selection.ts';
import '../portfolio-consent/portfolio-consent.ts';
import type { MyOutcomes } from '../my-outcomes/my-outcomes.component.ts';
import type { OutcomeSelection } from '../outcome-selection/outcome-selection.component.ts';
import type { PerformanceSelection } from '../performance-selection/performance-selection.component.ts';
import { paths, type Me, type Outcome } from '../api.ts';
import { t } from '../messages.ts';
import { studentAppStyles } from './student-app.styles.ts';

export type StudentView = 'list' | 'upload' | 'selection' | 'performances' | 'performance-selection' | 'portfolio' | 'consent';

/**
 * `<licheng-student-app>` — the student office's whole screen: my outcomes, upload (and fix
 * and resubmit), selection; my diverse performances (多元表現) and their selection. Composes
 * `<licheng-my-outcomes>`, `<licheng-outcome-upload>`, `<licheng-outcome-selection>`,
 * `<licheng-my-performances>` and `<licheng-performance-selection>`, which pages may also embed
 * one by one.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class StudentApp extends LichengConnectedElement {
  static override styles = [...screenStyles, studentAppStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    view: { reflect: true },
    me: { state: true },
    fixing: { state: true },
    failure: { state: true },
  };

  declare view: StudentView;
  declare me: Me | null;
  declare fixing: Outcome | null;
  declare failure: string;

  constructor() {
    super();
    this.view = 'list';
    this.me = null;
    this.fixing = null;
    this.failure = '';
  }

  override async load(): Promise<void> {
    try {
      this.me = await this.api.read<Me>(paths.me);
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  /**
   * The views shown so far: the selections' and performances' elements are made (and load what
   * they show) the first time they are shown, so the first screen's calls do not wait behind
   * theirs; once made an element stays, hidden, keeping what the student entered. (The upload
   * form is made at once: the list's 修正 opens it with the outcome to fix.)
   */
  #made: Partial<Record<StudentView, true>> = {};

  async #show(view: StudentView, focus = true) {
    this.view = view;
    if (view !== 'upload') this.fixing = null;
    if (!focus) return;
    await this.updateComplete;
    // The view that appears, at its heading.
    const child = this.renderRoot.querySelector<HTMLElement>(`[data-view="${view}"]`);
    await focusOutcome(child ?? this, []);
  }

  #reloadLists() {
    void this.renderRoot.querySelector<MyOutcomes>('licheng-my-outcomes')?.load();
    void this.renderRoot.querySelector<OutcomeSelection>('licheng-outcome-selection')?.load();
  }

  #navButton(view: StudentView, label: string) {
    return html`<li><button type="button" aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.#show(view)}>${label}</button></li>`;
  }

  override render() {
    const L = this.locale;
    const connection = { token: this.token, tokenProvider: this.tokenProvider, apiBase: this.apiBase };
    this.#made[this.view] = true;
    const made = this.#made;
    return html`<header>
        ${heading(1, t('app.title', {}, L))}
        ${this.me ? html`<p class="muted">${t('app.subtitle', { name: this.me.user.name }, L)}</p>` : html`<p class="muted">${this.failure}</p>`}
      </header>
      <nav aria-label=${t('app.nav', {}, L)}>
        <ul>
          ${this.#navButton('list', t('nav.list', {}, L))} ${this.#navButton('upload', t('nav.upload', {}, L))}
          ${this.#navButton('selection', t('nav.selection', {}, L))} ${this.#navButton('performances', t('nav.performances', {}, L))}
          ${this.#navButton('performance-selection', t('nav.performance-selection', {}, L))} ${this.#navButton('portfolio', pt('title', {}, L))}
          ${this.#navButton('consent', t('nav.consent', {}, L))}
        </ul>
      </nav>
      <licheng-my-outcomes
        data-view="list"
        ?hidden=${this.view !== 'list'}
        .token=${connection.token}
        .tokenProvider=${connection.tokenProvider}
        .apiBase=${connection.apiBase}
        .locale=${L}
        @licheng-resubmit-request=${(e: CustomEvent<{ outcome: Outcome }>) => {
          e.preventDefault();
          this.fixing = e.detail.outcome;
          void this.#show('upload');
        }}
      ></licheng-my-outcomes>
      <licheng-outcome-upload
        data-view="upload"
        ?hidden=${this.view !== 'upload'}
        .token=${connection.token}
        .tokenProvider=${connection.tokenProvider}
        .apiBase=${connection.apiBase}
        .locale=${L}
        .outcome=${this.fixing}
        @licheng-outcome-uploaded=${(e: CustomEvent<{ resubmitted: boolean }>) => {
          if (e.detail.resubmitted) this.fixing = null;
          this.#reloadLists();
        }}
        @licheng-resubmit-cancel=${() => void this.#show('list')}
      ></licheng-outcome-upload>
      ${made.selection
        ? html`<licheng-outcome-selection
        data-view="selection"
        ?hidden=${this.view !== 'selection'}
        .token=${connection.token}
        .tokenProvider=${connection.tokenProvider}
        .apiBase=${connection.apiBase}
        .locale=${L}
        @licheng-selection-saved=${() => void this.renderRoot.querySelector<MyOutcomes>('licheng-my-outcomes')?.load()}
      ></licheng-outcome-selection>`
        : nothing}
      ${this.view === 'portfolio'
        ? html`<licheng-my-portfolio
            data-view="portfolio"
            .token=${connection.token}
            .tokenProvider=${connection.tokenProvider}
            .apiBase=${connection.apiBase}
            .locale=${L}
          ></licheng-my-portfolio>`
        : nothing}
      ${this.view === 'consent'
        ? html`<licheng-portfolio-consent
            data-view="consent"
            .token=${connection.token}
            .tokenProvider=${connection.tokenProvider}
            .apiBase=${connection.apiBase}
            .locale=${L}
          ></licheng-portfolio-consent>`
        : nothing}
      ${made.performances
        ? html`<licheng-my-performances
        data-view="performances"
        ?hidden=${this.view !== 'performances'}
        .token=${connection.token}
        .tokenProvider=${connection.tokenProvider}
        .apiBase=${connection.apiBase}
        .locale=${L}
        @licheng-performances-changed=${() => void this.renderRoot.querySelector<PerformanceSelection>('licheng-performance-selection')?.load()}
      ></licheng-my-performances>`
        : nothing}
      ${made['performance-selection']
        ? html`<licheng-performance-selection
        data-view="performance-selection"
        ?hidden=${this.view !== 'performance-selection'}
        .token=${connection.token}
        .tokenProvider=${connection.tokenProvider}
        .apiBase=${connection.apiBase}
        .locale=${L}
      ></licheng-performance-selection>`
        : nothing}`;
  }
}
