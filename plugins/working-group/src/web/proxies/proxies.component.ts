import { html, nothing } from 'lit';
import { errorText, LichengConnectedElement } from '@licheng/client';
import { focusMark, focusOutcome, heading, screenStyles, type Dialog } from '@licheng/ui';
import { paths, type ProxiesOverview, type ProxyList } from '../api.ts';
import { t } from './proxies.messages.ts';
import { proxiesStyles } from './proxies.styles.ts';
import { renderAbsences, renderDepartures, type StaffForms } from './staff-sections.ts';

type Member = { userId: string; name: string };

/**
 * `<licheng-proxies>` — the working group's proxies (代理人) section: who acts today for whom; per
 * principal and scope the ordered proxy list (move up and down, add, remove with undo); absences
 * (請假) and departures (離職, with certification-only access until a date). Every change is one
 * call, and focus lands on its outcome.
 *
 * @attr heading-level - Level of the section's heading (default 2).
 * @event licheng-token-expired - The token has expired (from LichengConnectedElement).
 */
export class LichengProxies extends LichengConnectedElement implements StaffForms {
  static override styles = [...screenStyles, proxiesStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    overview: { state: true },
    failure: { state: true },
    outcome: { state: true },
    undo: { state: true },
    busy: { state: true },
    draft: { state: true },
    pendingWithdraw: { state: true },
  };

  declare headingLevel: number;
  declare overview: ProxiesOverview | null;
  declare failure: string;
  /** What the last action did, in words (the live region). */
  declare outcome: string;
  /** The list as it was before a removal, to put back. */
  /** What 復原 puts back: the list before a removal, and who was removed (focus lands on them again). */
  declare undo: { principal: Member; scope: string; proxies: Member[]; removed: string } | null;
  declare busy: boolean;
  /** The add form's choices. */
  declare draft: { principal: string; scope: string; proxy: string };
  declare pendingWithdraw: { id: string; name: string } | null;

  constructor() {
    super();
    this.headingLevel = 2;
    this.overview = null;
    this.failure = '';
    this.outcome = '';
    this.undo = null;
    this.busy = false;
    this.draft = { principal: '', scope: 'certification', proxy: '' };
    this.pendingWithdraw = null;
  }

  override async load(): Promise<void> {
    try {
      this.overview = await this.api.query<ProxiesOverview>(paths.proxies, {});
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  scopeText(scope: string): string {
    return t(`scope.${scope}` as never, {}, this.locale);
  }

  nameOf(userId: string): string {
    return this.overview?.teachers.find((m) => m.userId === userId)?.name ?? this.overview?.lists.flatMap((l) => [l.principal, ...l.proxies]).find((m) => m.userId === userId)?.name ?? userId;
  }

  /** Runs one change, reloads, says what happened and moves focus to `target` (else the outcome). */
  async act(change: () => Promise<string>, target?: string): Promise<void> {
    const mark = focusMark();
    this.busy = true;
    this.failure = '';
    try {
      this.outcome = await change();
      await this.load();
    } catch (error) {
      this.failure = errorText(error);
    } finally {
      this.busy = false;
    }
    await focusOutcome(this, this.failure ? ['#proxies-failure'] : [target, '#proxies-outcome'], { since: mark });
  }

  async #save(list: { principal: Member; scope: string }, proxies: Member[]): Promise<string> {
    await this.api.mutation(paths.proxiesSave, { principal: list.principal, scope: list.scope, proxies: proxies.map((p) => ({ userId: p.userId, name: p.name })) });
    const params = { principal: list.principal.name, scope: this.scopeText(list.scope), names: proxies.map((p) => p.name).join('、') };
    return t(proxies.length ? 'saved' : 'saved.empty', params, this.locale);
  }

  #move(list: ProxyList, index: number, by: -1 | 1) {
    const proxies = [...list.proxies];
    const [moved] = proxies.splice(index, 1);
    proxies.splice(index + by, 0, moved!);
    this.undo = null;
    const dir = by < 0 ? 'up' : 'down';
    // Focus stays on the same button of the moved person, or on the other one at the list's end.
    const key = `${list.scope}-${list.principal.userId}-${moved!.userId}`;
    void this.act(() => this.#save(list, proxies), `[data-move="${key}-${dir}"]:not([disabled]), [data-move^="${key}-"]:not([disabled])`);
  }

  #remove(list: ProxyList, index: number) {
    const removed = list.proxies[index]!;
    const before = { principal: list.principal, scope: list.scope, proxies: list.proxies.map((p) => ({ userId: p.userId, name: p.name })), removed: removed.userId };
    void this.act(async () => {
      await this.#save(list, list.proxies.filter((_, i) => i !== index));
      this.undo = before;
      return t('removed', { name: removed.name, principal: list.principal.name, scope: this.scopeText(list.scope) }, this.locale);
    }, '#undo');
  }

  #restore() {
    const before = this.undo!;
    this.undo = null;
    void this.act(() => this.#save(before, before.proxies), `[data-item="${before.scope}-${before.principal.userId}-${before.removed}"]`);
  }

  get #addProblem(): boolean {
    const { principal, scope, proxy } = this.draft;
    if (!principal || !scope || !proxy || principal === proxy) return true;
    const list = this.overview?.lists.find((l) => l.scope === scope && l.principal.userId === principal);
    return list?.proxies.some((p) => p.userId === proxy) ?? false;
  }

  #add(event: Event) {
    event.preventDefault();
    if (this.#addProblem) return;
    const { principal, scope, proxy } = this.draft;
    const list = this.overview!.lists.find((l) => l.scope === scope && l.principal.userId === principal);
    const principalMember = { userId: principal, name: this.nameOf(principal) };
    const proxies = [...(list?.proxies ?? []), { userId: proxy, name: this.nameOf(proxy) }];
    this.undo = null;
    void this.act(async () => {
      const said = await this.#save({ principal: principalMember, scope }, proxies);
      this.draft = { ...this.draft, proxy: '' };
      return said;
    }, `[data-item="${scope}-${principal}-${proxy}"]`);
  }

  async confirmWithdraw(id: string, name: string): Promise<void> {
    this.pendingWithdraw = { id, name };
    await this.updateComplete;
    const confirmed = await this.renderRoot.querySelector<Dialog>('licheng-dialog#withdraw-dialog')!.show();
    if (!confirmed) return;
    await this.act(async () => {
      await this.api.mutation(paths.departuresWithdraw, { id });
      return t('departure.withdrawn', { name }, this.locale);
    }, '#departures-heading');
  }

  #today(o: ProxiesOverview) {
    const L = this.locale;
    const needed = o.lists.filter((l) => l.actingToday || o.absences.some((a) => a.current && a.userId === l.principal.userId) || o.departures.some((d) => d.userId === l.principal.userId && d.departedOn <= o.today));
    return html`${heading(this.headingLevel + 1, t('today.heading', {}, L))}
      ${needed.length
        ? html`<ul class="today">
            ${needed.map((l) =>
              l.actingToday
                ? html`<li>${t('today.acting', { proxy: l.actingToday.name, principal: l.principal.name, scope: this.scopeText(l.scope) }, L)}</li>`
                : html`<li>${t('today.nobody', { principal: l.principal.name, scope: this.scopeText(l.scope) }, L)}</li>`,
            )}
          </ul>`
        : html`<p class="muted">${t('today.none', {}, L)}</p>`}`;
  }

  #list(l: ProxyList) {
    const L = this.locale;
    const key = `${l.scope}-${l.principal.userId}`;
    return html`<section class="list" aria-labelledby="list-${key}">
      ${heading(this.headingLevel + 2, t('list.caption', { principal: l.principal.name, scope: this.scopeText(l.scope) }, L), `list-${key}`)}
      <ol>
        ${l.proxies.map(
          (p, i) => html`<li data-item="${key}-${p.userId}" tabindex="-1">
            <span class="who">${t('list.position', { n: i + 1 }, L)}　${p.name}${l.actingToday?.userId === p.userId ? html` <strong class="acting">（${t('list.acting', {}, L)}）</strong>` : nothing}</span>
            <span class="actions">
              <button type="button" data-move="${key}-${p.userId}-up" aria-label=${t('move.up', { name: p.name }, L)} ?disabled=${i === 0 || this.busy} @click=${() => this.#move(l, i, -1)}><span aria-hidden="true">↑</span> ${t('move.up.short', {}, L)}</button>
              <button type="button" data-move="${key}-${p.userId}-down" aria-label=${t('move.down', { name: p.name }, L)} ?disabled=${i === l.proxies.length - 1 || this.busy} @click=${() => this.#move(l, i, 1)}><span aria-hidden="true">↓</span> ${t('move.down.short', {}, L)}</button>
              <button type="button" aria-label=${t('remove', { name: p.name }, L)} ?disabled=${this.busy} @click=${() => this.#remove(l, i)}>${t('remove.short', {}, L)}</button>
            </span>
          </li>`,
        )}
      </ol>
    </section>`;
  }

  #addForm(o: ProxiesOverview) {
    const L = this.locale;
    const select = (field: 'principal' | 'proxy', label: string) => html`<label
      >${label}
      <select .value=${this.draft[field]} @change=${(e: Event) => (this.draft = { ...this.draft, [field]: (e.target as HTMLSelectElement).value })}>
        <option value="">${t('add.choose', {}, L)}</option>
        ${o.teachers.map((m) => html`<option value=${m.userId} ?selected=${this.draft[field] === m.userId}>${m.name}</option>`)}
      </select></label
    >`;
    return html`<form class="add" @submit=${this.#add} aria-labelledby="add-heading">
      ${heading(this.headingLevel + 2, t('add.heading', {}, L), 'add-heading')}
      ${select('principal', t('add.principal', {}, L))}
      <label
        >${t('add.scope', {}, L)}
        <select .value=${this.draft.scope} @change=${(e: Event) => (this.draft = { ...this.draft, scope: (e.target as HTMLSelectElement).value })}>
          ${o.scopes.map((s) => html`<option value=${s.id} ?selected=${this.draft.scope === s.id}>${this.scopeText(s.id)}</option>`)}
        </select></label
      >
      ${select('proxy', t('add.proxy', {}, L))}
      <button type="submit" ?disabled=${this.#addProblem || this.busy} aria-describedby="add-reason">${t('add.submit', {}, L)}</button>
      <p id="add-reason" class="muted" ?hidden=${!this.#addProblem}>${t('add.reason', {}, L)}</p>
    </form>`;
  }

  override render() {
    const L = this.locale;
    const o = this.overview;
    return html`<section aria-labelledby="proxies-heading">
      ${heading(this.headingLevel, t('heading', {}, L), 'proxies-heading')}
      <p class="muted">${t('intro', {}, L)}</p>
      <p id="proxies-outcome" role="status" tabindex="-1">${this.outcome}${this.undo ? html` <button id="undo" type="button" @click=${this.#restore}>${t('undo', {}, L)}</button>` : nothing}</p>
      <licheng-notice id="proxies-failure" variant="error" tabindex="-1" .locale=${L} .message=${this.failure}></licheng-notice>
      ${o
        ? html`${this.#today(o)} ${heading(this.headingLevel + 1, t('lists.heading', {}, L))}
            ${o.lists.length ? o.lists.map((l) => this.#list(l)) : html`<p class="muted">${t('lists.empty', {}, L)}</p>`} ${this.#addForm(o)} ${renderAbsences(this, o)} ${renderDepartures(this, o)}`
        : html`<p class="muted">${t('loading', {}, L)}</p>`}
      <licheng-dialog id="withdraw-dialog" .locale=${L} tone="danger" heading=${this.pendingWithdraw ? t('departure.withdraw.confirm', { name: this.pendingWithdraw.name }, L) : ''} confirm-label=${t('departure.withdraw.short', {}, L)}></licheng-dialog>
    </section>`;
  }
}
