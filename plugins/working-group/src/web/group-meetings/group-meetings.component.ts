import { css, html, nothing } from 'lit';
import { downloadFile, errorText } from '@licheng/client';
import { cardTable, focusMark, focusOutcome, formatDate, heading, screenStyles, type Dialog } from '@licheng/ui';
import { groupPaths, type Meeting, type MeetingList, type MemberList } from '../group-api.ts';
import { g } from '../group-messages.ts';
import { GroupSection } from '../group-section.ts';
import { academicYearOfDate, termText } from '../group-terms.ts';
import { emptyMeetingDraft, meetingDraftOf, meetingForm, meetingInput, meetingProblem, type MeetingDraft } from './meeting-form.ts';

/**
 * `<licheng-group-meetings>` — the working group's meetings (工作小組會議): a warning for each
 * semester of last year and this one without a held meeting (the group meets at least once per
 * semester), the year's meetings with attendance and decisions, a form to record or change one
 * (date in 民國, place, agenda, minutes, decisions with owner and due date, attendance ticked
 * for each member of the meeting's year), the record as an Excel file, and deletion after a
 * confirmation. After each action focus lands on its message.
 *
 * @attr academic-year - 學年度 to list; the current one when absent.
 * @attr heading-level - Level of the section's heading (default 2).
 * @event licheng-meetings-changed - A meeting was saved or deleted.
 * @event licheng-token-expired - The token has expired.
 */
export class GroupMeetings extends GroupSection<MeetingList, MeetingDraft> {
  static override styles = [
    ...screenStyles,
    cardTable,
    css`
      :host { display: block; }
      select, input, textarea { max-width: 100%; }
      form { display: grid; gap: 0.75rem; grid-template-columns: minmax(0, 1fr); max-width: 44rem; margin-block-start: 1rem; }
      fieldset { display: grid; gap: 0.5rem; border: 1px solid var(--_border-subtle, #ccc); padding: 0.75rem; }
      .decision { display: grid; gap: 0.5rem; padding-block-end: 0.5rem; border-bottom: 1px dashed var(--_border-subtle, #ccc); }
      .choices { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; border: 0; padding: 0; margin: 0; }
      .choices legend { font-weight: 600; padding: 0; }
      ul.missing { margin: 0; padding-inline-start: 1.25rem; }
      tr.fresh { outline: 2px solid currentColor; outline-offset: -2px; }
    `,
  ];
  static override properties = {
    ...GroupSection.properties,
    members: { state: true },
    removing: { state: true },
  };

  /** The members of the academic year of the draft's date (attendance is ticked for them). */
  declare members: MemberList | null;
  declare removing: Meeting | null;

  constructor() {
    super();
    this.members = null;
    this.removing = null;
  }

  protected get listPath() {
    return groupPaths.meetings;
  }

  protected get noteSelector() {
    return '#meetings-note';
  }

  protected get changedEvent() {
    return 'licheng-meetings-changed' as const;
  }

  protected emptyDraft() {
    return emptyMeetingDraft();
  }

  /** The attendance form lists the members of the draft's year, else of the list's year. */
  protected override async loaded(list: MeetingList): Promise<void> {
    await this.#loadMembers(academicYearOfDate(this.draft.date) ?? list.academicYear);
  }

  /** Reads the members again (they were changed elsewhere on the page). */
  async refreshMembers(): Promise<void> {
    const year = this.members?.academicYear ?? academicYearOfDate(this.draft.date) ?? this.list?.academicYear;
    this.members = null;
    if (year) await this.#loadMembers(year).catch((error) => this.say('error', g('failed', { message: errorText(error) }, this.locale)));
  }

  async #loadMembers(academicYear: number) {
    if (this.members?.academicYear === academicYear) return;
    this.members = await this.api.query<MemberList>(groupPaths.members, { academicYear });
  }

  #setDraft(draft: MeetingDraft) {
    const year = academicYearOfDate(draft.date);
    this.draft = draft;
    if (year && year !== this.members?.academicYear) {
      this.#loadMembers(year).catch((error) => this.say('error', g('failed', { message: errorText(error) }, this.locale)));
    }
  }

  #save(event: Event) {
    event.preventDefault();
    if (meetingProblem(this.draft, this.locale)) return;
    const draft = this.draft;
    const members = new Set(this.members?.members.map((m) => m.id));
    void this.act(async () => {
      const saved = await this.api.mutation<Meeting>(groupPaths.meetingSave, meetingInput(draft, members));
      this.draft = emptyMeetingDraft();
      return { text: g('meetings.saved', { date: formatDate(saved.date, this.locale) }, this.locale), fresh: saved.id };
    });
  }

  async #remove(meeting: Meeting) {
    this.removing = meeting;
    await this.updateComplete;
    const confirmed = await this.renderRoot.querySelector<Dialog>('licheng-dialog#meeting-remove')!.show();
    if (!confirmed) return;
    await this.act(async () => {
      await this.api.mutation(groupPaths.meetingRemove, { id: meeting.id });
      if (this.draft.id === meeting.id) this.draft = emptyMeetingDraft();
      return { text: g('meetings.removed', { date: formatDate(meeting.date, this.locale) }, this.locale), fresh: null };
    });
  }

  async #download(meeting: Meeting) {
    const mark = focusMark();
    try {
      await downloadFile(this.api, meeting.download, g('meetings.download.name', { date: meeting.date }, this.locale));
    } catch (error) {
      await this.say('error', g('failed', { message: errorText(error) }, this.locale));
      return;
    }
    await focusOutcome(this, `#download-${meeting.id}`, { since: mark });
  }

  #addDecision() {
    const n = this.draft.decisions.length;
    this.#setDraft({ ...this.draft, decisions: [...this.draft.decisions, { text: '', owner: '', due: '' }] });
    void focusOutcome(this, `#decision-${n}`);
  }

  #edit(meeting: Meeting) {
    this.#setDraft(meetingDraftOf(meeting));
    void focusOutcome(this, '#meeting-form-heading');
  }

  #warnings(list: MeetingList) {
    const L = this.locale;
    if (!list.missing.length) return html`<p id="meetings-warning">${g('meetings.all-held', {}, L)}</p>`;
    return html`<licheng-notice id="meetings-warning" variant="warning" .locale=${L} heading=${g('meetings.missing.heading', {}, L)}>
      <ul class="missing">
        ${list.missing.map((m) => html`<li>${g(m.current ? 'meetings.missing.current' : 'meetings.missing.past', { term: termText(m.academicYear, m.semester, L) }, L)}</li>`)}
      </ul>
    </licheng-notice>`;
  }

  #table(list: MeetingList) {
    const L = this.locale;
    if (!list.meetings.length) return html`<p>${g('meetings.empty', { year: list.academicYear }, L)}</p>`;
    const col = (key: 'date' | 'place' | 'attendance' | 'decisions') => g(`meetings.col.${key}`, {}, L);
    return html`<table class="cards">
      <caption>${g('meetings.caption', { year: list.academicYear, count: list.meetings.length }, L)}</caption>
      <thead><tr><th scope="col">${col('date')}</th><th scope="col">${col('place')}</th><th scope="col">${col('attendance')}</th><th scope="col">${col('decisions')}</th><th scope="col">${g('col.actions', {}, L)}</th></tr></thead>
      <tbody>
        ${list.meetings.map((m) => {
          const date = formatDate(m.date, L);
          return html`<tr class=${m.id === this.fresh ? 'fresh' : ''}>
            <th scope="row" data-label=${col('date')}>${date}${m.date > list.today ? g('meetings.planned', {}, L) : ''}</th>
            <td data-label=${col('place')}>${m.place}</td>
            <td data-label=${col('attendance')}>${g('meetings.attendance', m.counts, L)}</td>
            <td data-label=${col('decisions')}>${g('meetings.decisions', { count: m.decisions.length }, L)}</td>
            <td data-label=${g('col.actions', {}, L)}>
              <button type="button" ?disabled=${this.busy} aria-label=${g('edit.label', { what: date }, L)} @click=${() => this.#edit(m)}>${g('edit', {}, L)}</button>
              <button type="button" id=${`download-${m.id}`} aria-label=${g('meetings.download.label', { date }, L)} @click=${() => this.#download(m)}>${g('meetings.download', {}, L)}</button>
              <button type="button" ?disabled=${this.busy} aria-label=${g('remove.label', { what: date }, L)} @click=${() => this.#remove(m)}>${g('remove', {}, L)}</button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  override render() {
    const L = this.locale;
    const r = this.removing;
    const date = r ? formatDate(r.date, L) : '';
    return html`${heading(this.headingLevel, g('meetings.heading', {}, L), 'meetings-heading')}
      <licheng-notice id="meetings-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>
      ${this.list
        ? html`${this.#warnings(this.list)} ${this.#table(this.list)}
          ${meetingForm({
            draft: this.draft,
            members: this.members,
            busy: this.busy,
            level: this.headingLevel + 1,
            locale: L,
            onChange: (change) => this.#setDraft(change(this.draft)),
            onAddDecision: () => this.#addDecision(),
            onSubmit: (e) => this.#save(e),
            onCancel: () => ((this.draft = emptyMeetingDraft()), void focusOutcome(this, '#meetings-heading')),
          })}`
        : html`<p>${g('loading', {}, L)}</p>`}
      <licheng-dialog id="meeting-remove" .locale=${L} tone="danger" heading=${r ? g('meetings.remove.heading', { date }, L) : ''} confirm-label=${g('remove.confirm', {}, L)}>
        <p>${g('meetings.remove.body', {}, L)}</p>
      </licheng-dialog>
      ${nothing}`;
  }
}
