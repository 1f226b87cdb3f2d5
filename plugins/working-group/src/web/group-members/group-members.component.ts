import { css, html, nothing } from 'lit';
import { cardTable, focusOutcome, formatDate, heading, screenStyles } from '@licheng/ui';
import { groupPaths, type Member, type MemberInput, type MemberList } from '../group-api.ts';
import { g } from '../group-messages.ts';
import { GroupSection, type SectionOutcome } from '../group-section.ts';

const ROLES = ['convenor', 'executive-secretary', 'member'] as const;
type Role = (typeof ROLES)[number];
const REPRESENTING = ['校長室', '教務處', '學務處', '輔導室', '圖書館', '實習處', '教師代表', '家長代表', '學生代表'];

interface Draft {
  id: string | null;
  name: string;
  title: string;
  representing: string;
  role: Role;
  userId: string;
}

const emptyDraft = (): Draft => ({ id: null, name: '', title: '', representing: '', role: 'member', userId: '' });

/**
 * `<licheng-group-members>` — the working group's composition (工作小組成員) of an academic year:
 * who serves as 召集人, 執行秘書 and 委員, for which office or group; add, correct, end a
 * membership (kept, with the day) and restore one ended by mistake. A role only one member may
 * hold is refused before saving, with who holds it. After each action focus lands on its message.
 *
 * @attr academic-year - 學年度 to show; the current one when absent.
 * @attr heading-level - Level of the section's heading (default 2).
 * @event licheng-members-changed - A member was added, changed, ended or restored.
 * @event licheng-token-expired - The token has expired.
 */
export class GroupMembers extends GroupSection<MemberList, Draft> {
  static override styles = [
    ...screenStyles,
    cardTable,
    css`
      :host { display: block; }
      select, input, textarea { max-width: 100%; }
      form { display: grid; gap: 0.75rem; grid-template-columns: minmax(0, 1fr); max-width: 40rem; margin-block-start: 1rem; }
      tr.fresh { outline: 2px solid var(--_focus, currentColor); outline-offset: -2px; }
      .note-row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    `,
  ];
  static override properties = {
    ...GroupSection.properties,
    undoable: { state: true },
  };

  /** The member whose membership was just ended: the notice offers to take it back. */
  declare undoable: Member | null;

  constructor() {
    super();
    this.undoable = null;
  }

  /** An action that may leave a membership to take back: the notice then offers 復原. */
  #act(work: () => Promise<SectionOutcome & { undoable?: Member | null }>) {
    return this.act(async () => {
      const done = await work();
      this.undoable = done.undoable ?? null;
      return done;
    });
  }

  protected get listPath() {
    return groupPaths.members;
  }

  protected get noteSelector() {
    return '#members-note';
  }

  protected get changedEvent() {
    return 'licheng-members-changed' as const;
  }

  protected emptyDraft() {
    return emptyDraft();
  }

  /** Why the draft cannot be saved yet, or ''. */
  #why(): string {
    const L = this.locale;
    const d = this.draft;
    if (!d.name.trim()) return g('members.needs-name', {}, L);
    if (!d.representing.trim()) return g('members.needs-representing', {}, L);
    if (d.role !== 'member') {
      const holder = this.list?.members.find((m) => m.role === d.role && !m.endedOn && m.id !== d.id);
      if (holder) return g('members.role-taken', { role: g(`role.${d.role}`, {}, L), name: holder.name }, L);
    }
    return '';
  }

  #save(event: Event) {
    event.preventDefault();
    if (this.#why() || !this.list) return;
    const d = this.draft;
    const L = this.locale;
    const fields = { name: d.name.trim(), title: d.title.trim(), representing: d.representing.trim(), role: d.role, userId: d.userId.trim() || null };
    void this.#act(async () => {
      const saved = d.id
        ? await this.api.mutation<Member>(groupPaths.memberUpdate, { id: d.id, ...fields })
        : await this.api.mutation<Member>(groupPaths.memberAdd, { academicYear: this.list!.academicYear, ...fields } satisfies MemberInput);
      this.draft = emptyDraft();
      return { text: g(d.id ? 'members.saved' : 'members.added', { name: saved.name, role: g(`role.${saved.role}`, {}, L) }, L), fresh: saved.id };
    });
  }

  #edit(m: Member) {
    this.draft = { id: m.id, name: m.name, title: m.title, representing: m.representing, role: m.role, userId: m.userId ?? '' };
    void focusOutcome(this, '#member-name');
  }

  #end(m: Member, action: 'end' | 'restore') {
    const L = this.locale;
    void this.#act(async () => {
      const saved = await this.api.mutation<Member>(groupPaths.memberEnd, { id: m.id, action });
      return { text: g(action === 'end' ? 'members.ended.done' : 'members.restored', { name: saved.name }, L), fresh: saved.id, undoable: action === 'end' ? saved : null };
    });
  }

  #set<K extends keyof Draft>(key: K, value: Draft[K]) {
    this.draft = { ...this.draft, [key]: value };
  }

  #form() {
    const L = this.locale;
    const d = this.draft;
    const why = this.#why();
    const title = d.id ? g('members.form.edit', { name: d.name }, L) : g('members.form.add', {}, L);
    return html`<form @submit=${this.#save} aria-labelledby="member-form-heading">
      ${heading(this.headingLevel + 1, title, 'member-form-heading')}
      <div class="field">
        <label for="member-name">${g('members.field.name', {}, L)}</label>
        <input id="member-name" autocomplete="off" .value=${d.name} @input=${(e: Event) => this.#set('name', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="member-title">${g('members.field.title', {}, L)}</label>
        <input id="member-title" autocomplete="off" .value=${d.title} @input=${(e: Event) => this.#set('title', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="member-representing">${g('members.field.representing', {}, L)}</label>
        <input id="member-representing" list="member-representing-options" aria-describedby="member-representing-hint" autocomplete="off" .value=${d.representing} @input=${(e: Event) => this.#set('representing', (e.target as HTMLInputElement).value)} />
        <datalist id="member-representing-options">${REPRESENTING.map((r) => html`<option value=${r}></option>`)}</datalist>
        <span class="hint" id="member-representing-hint">${g('members.field.representing.hint', {}, L)}</span>
      </div>
      <div class="field">
        <label for="member-role">${g('members.field.role', {}, L)}</label>
        <select id="member-role" @change=${(e: Event) => this.#set('role', (e.target as HTMLSelectElement).value as Role)}>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${r === d.role}>${g(`role.${r}`, {}, L)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="member-user">${g('members.field.user', {}, L)}</label>
        <input id="member-user" autocomplete="off" .value=${d.userId} @input=${(e: Event) => this.#set('userId', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${Boolean(why) || this.busy} aria-describedby="member-why">${g(d.id ? 'members.submit.edit' : 'members.submit.add', {}, L)}</button>
        ${d.id ? html`<button type="button" @click=${() => ((this.draft = emptyDraft()), void focusOutcome(this, '#members-heading'))}>${g('cancel', {}, L)}</button>` : nothing}
        <span class="hint" id="member-why">${why}</span>
      </div>
    </form>`;
  }

  #table(list: MemberList) {
    const L = this.locale;
    const ended = list.members.filter((m) => m.endedOn).length;
    if (!list.members.length) return html`<p>${g('members.empty', { year: list.academicYear }, L)}</p>`;
    const col = (key: 'role' | 'name' | 'title' | 'representing' | 'state') => g(`members.col.${key}`, {}, L);
    return html`<table class="cards">
      <caption>${g('members.caption', { year: list.academicYear, active: list.members.length - ended, ended: ended ? g('members.caption.ended', { count: ended }, L) : '' }, L)}</caption>
      <thead><tr><th scope="col">${col('role')}</th><th scope="col">${col('name')}</th><th scope="col">${col('title')}</th><th scope="col">${col('representing')}</th><th scope="col">${col('state')}</th><th scope="col">${g('col.actions', {}, L)}</th></tr></thead>
      <tbody>
        ${list.members.map(
          (m) => html`<tr class=${m.id === this.fresh ? 'fresh' : ''} id=${`member-${m.id}`}>
            <td data-label=${col('role')}>${g(`role.${m.role}`, {}, L)}</td>
            <th scope="row" data-label=${col('name')}>${m.name}</th>
            <td data-label=${col('title')}>${m.title}</td>
            <td data-label=${col('representing')}>${m.representing}</td>
            <td data-label=${col('state')}>${m.endedOn ? g('members.ended', { date: formatDate(m.endedOn, L) }, L) : g('members.serving', {}, L)}</td>
            <td data-label=${g('col.actions', {}, L)}>
              ${m.endedOn
                ? html`<button type="button" ?disabled=${this.busy} aria-label=${g('members.restore.label', { name: m.name }, L)} @click=${() => this.#end(m, 'restore')}>${g('members.restore', {}, L)}</button>`
                : html`<button type="button" ?disabled=${this.busy} aria-label=${g('edit.label', { what: m.name }, L)} @click=${() => this.#edit(m)}>${g('edit', {}, L)}</button>
                    <button type="button" ?disabled=${this.busy} aria-label=${g('members.end.label', { name: m.name }, L)} @click=${() => this.#end(m, 'end')}>${g('members.end', {}, L)}</button>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const L = this.locale;
    const undo = this.undoable;
    const note = html`<div class="note-row">
      <licheng-notice id="members-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${undo ? html`<button type="button" ?disabled=${this.busy} aria-label=${g('undo.label', { name: undo.name }, L)} @click=${() => this.#end(undo, 'restore')}>${g('undo', {}, L)}</button>` : nothing}
    </div>`;
    return html`${heading(this.headingLevel, g('members.heading', {}, L), 'members-heading')} ${note}
      ${this.list ? html`${this.#table(this.list)} ${this.#form()}` : html`<p>${g('loading', {}, L)}</p>`}`;
  }
}
