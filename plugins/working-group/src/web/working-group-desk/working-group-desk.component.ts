import { html, type TemplateResult } from 'lit';
import { LichengConnectedElement } from '@licheng/client';
import { deskStyles, focusOutcome, heading, screenStyles, tabList, tabStyles } from '@licheng/ui';
import '../schedule/schedule.ts';
import { t } from '../messages.ts';
import { DESK_TABS, loadTab, rememberedTab, rememberTab, type DeskTab } from './desk-tabs.ts';

/**
 * `<licheng-working-group-desk>` — the working group's (學習歷程工作小組) whole screen, under one
 * h1, in tabs: 作業期程 — the year's schedule (`<licheng-schedule>`, which pages may also embed on
 * their own) and its editor (`<licheng-schedule-editor>`); 進度 — progress per class, teacher and
 * office (`<licheng-group-dashboard>`); 成員與會議 — members (`<licheng-group-members>`) and meetings
 * (`<licheng-group-meetings>`); 研習與宣導 — trainings (`<licheng-group-trainings>`); 代理人 —
 * proxies (`<licheng-proxies>`); 自我檢核 — the self-check (`<licheng-self-check>`); 評鑑與獎勵 —
 * evaluation and awards (`<licheng-group-evaluation>`). Each section has its own h2.
 * A tab's elements load when it is first opened; a reload comes back to the last tab. A change
 * saved in the editor reloads the published schedule above it; members changed here refresh the
 * meetings' attendance list.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 * @csspart tabs - The row of tabs.
 */
export class WorkingGroupDesk extends LichengConnectedElement {
  static override properties = { tab: { state: true }, loaded: { state: true }, failure: { state: true } };
  static override styles = [...screenStyles, deskStyles, tabStyles];

  declare tab: DeskTab;
  /** Tabs whose elements are defined. */
  declare loaded: ReadonlySet<DeskTab>;
  /** Why the open tab's elements could not load (the network, a new deployment), or ''. */
  declare failure: string;

  constructor() {
    super();
    this.tab = rememberedTab();
    this.loaded = new Set();
    this.failure = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load(this.tab);
  }

  async #load(tab: DeskTab): Promise<void> {
    if (this.loaded.has(tab)) return;
    this.failure = '';
    try {
      await loadTab[tab]();
      this.loaded = new Set([...this.loaded, tab]);
    } catch (error) {
      if (this.tab === tab) this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  #select = (tab: DeskTab, byKey: boolean) => {
    this.tab = tab;
    rememberTab(tab);
    void this.#load(tab);
    if (byKey) void focusOutcome(this, `#tab-${tab}`);
  };

  /** The meetings section ticks attendance for the members: it reads them again. */
  #membersChanged = () => {
    this.renderRoot.querySelector('licheng-group-meetings')?.refreshMembers();
  };

  #retry = async () => {
    await this.#load(this.tab);
    if (!this.failure) void focusOutcome(this, `#tab-${this.tab}`);
  };

  /** The sections of the open tab, once its elements are defined (the published schedule always is). */
  #panel(): TemplateResult {
    const L = this.locale;
    const ready = this.loaded.has(this.tab);
    const c = { token: this.token, tokenProvider: this.tokenProvider, apiBase: this.apiBase };
    switch (this.tab) {
      case 'schedule':
        return html`<licheng-schedule class="panel" heading-level="2" .token=${c.token} .tokenProvider=${c.tokenProvider} .apiBase=${c.apiBase} .locale=${L}></licheng-schedule>
          ${ready
            ? html`<licheng-schedule-editor
                class="panel"
                heading-level="2"
                .token=${c.token}
                .tokenProvider=${c.tokenProvider}
                .apiBase=${c.apiBase}
                .locale=${L}
                @licheng-schedule-changed=${() => void this.renderRoot.querySelector('licheng-schedule')?.load()}
              ></licheng-schedule-editor>`
            : this.#waiting()}`;
      case 'progress':
        return ready ? html`<licheng-group-dashboard class="panel" heading-level="2" .token=${c.token} .tokenProvider=${c.tokenProvider} .apiBase=${c.apiBase} .locale=${L}></licheng-group-dashboard>` : this.#waiting();
      case 'group':
        return ready
          ? html`<licheng-group-members class="panel" heading-level="2" .token=${c.token} .tokenProvider=${c.tokenProvider} .apiBase=${c.apiBase} .locale=${L} @licheng-members-changed=${this.#membersChanged}></licheng-group-members>
              <licheng-group-meetings class="panel" heading-level="2" .token=${c.token} .tokenProvider=${c.tokenProvider} .apiBase=${c.apiBase} .locale=${L}></licheng-group-meetings>`
          : this.#waiting();
      case 'trainings':
        return ready ? html`<licheng-group-trainings class="panel" heading-level="2" .token=${c.token} .tokenProvider=${c.tokenProvider} .apiBase=${c.apiBase} .locale=${L}></licheng-group-trainings>` : this.#waiting();
      case 'proxies':
        return ready ? html`<licheng-proxies class="panel" heading-level="2" .token=${c.token} .tokenProvider=${c.tokenProvider} .apiBase=${c.apiBase} .locale=${L}></licheng-proxies>` : this.#waiting();
      case 'self-check':
        return ready ? html`<licheng-self-check class="panel" heading-level="2" .token=${c.token} .tokenProvider=${c.tokenProvider} .apiBase=${c.apiBase} .locale=${L}></licheng-self-check>` : this.#waiting();
      case 'evaluation':
        return ready ? html`<licheng-group-evaluation class="panel" heading-level="2" .token=${c.token} .tokenProvider=${c.tokenProvider} .apiBase=${c.apiBase} .locale=${L}></licheng-group-evaluation>` : this.#waiting();
    }
  }

  /** The tab's elements are on their way, or could not come (with a way to try again). */
  #waiting(): TemplateResult {
    const L = this.locale;
    if (!this.failure) return html`<p class="panel muted" role="status">${t('loading', {}, L)}</p>`;
    return html`<div class="panel">
      <licheng-notice id="tab-failure" variant="error" .locale=${L} .message=${t('tab.failed', { message: this.failure }, L)}></licheng-notice>
      <button type="button" id="tab-retry" @click=${this.#retry}>${t('tab.retry', {}, L)}</button>
    </div>`;
  }

  override render() {
    const L = this.locale;
    const tabs = DESK_TABS.map((id) => ({ id, label: t(`tab.${id}`, {}, L) }));
    return html`${heading(1, t('desk.title', {}, L))}
      <p class="muted">${t('desk.intro', {}, L)}</p>
      ${tabList({ label: t('tabs.label', {}, L), tabs, selected: this.tab, onSelect: this.#select, panelId: 'desk-panel' })}
      <div id="desk-panel" role="tabpanel" aria-labelledby="tab-${this.tab}">${this.#panel()}</div>`;
  }
}
