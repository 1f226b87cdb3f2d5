import { errorText, LichengConnectedElement } from '@licheng/client';
import { focusOutcome, type NoticeVariant } from '@licheng/ui';
import { g } from './group-messages.ts';

/** What an action of a section did: the message, the row to mark, and whether the list is read again. */
export interface SectionOutcome {
  text: string;
  /** The row the action touched, marked 剛更新 in the list. */
  fresh: string | null;
  variant?: NoticeVariant;
  /** False when nothing was written (a check only): the list is not read again. */
  reload?: boolean;
}

/**
 * What the working group's record sections (members, meetings, trainings) share: the year's
 * list read on load, a draft in the form, one action at a time (`busy`), and the outcome said in
 * the section's notice, where focus lands.
 */
export abstract class GroupSection<List, Draft> extends LichengConnectedElement {
  static override properties = {
    ...LichengConnectedElement.properties,
    academicYear: { type: Number, attribute: 'academic-year' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    list: { state: true },
    draft: { state: true },
    busy: { state: true },
    note: { state: true },
    fresh: { state: true },
  };

  declare academicYear: number | undefined;
  declare headingLevel: number;
  declare list: List | null;
  declare draft: Draft;
  declare busy: boolean;
  declare note: { variant: NoticeVariant; text: string };
  /** The row the last action touched, marked in the list. */
  declare fresh: string | null;

  /** The query that reads the year's list (`working-group.members.list` …). */
  protected abstract get listPath(): string;
  /** The section's notice, e.g. '#members-note'. */
  protected abstract get noteSelector(): string;
  /** Sent after every change, for the desk to refresh what depends on it. */
  protected abstract get changedEvent(): `licheng-${string}`;
  protected abstract emptyDraft(): Draft;

  constructor() {
    super();
    this.academicYear = undefined;
    this.headingLevel = 2;
    this.list = null;
    this.draft = this.emptyDraft();
    this.busy = false;
    this.note = { variant: 'info', text: '' };
    this.fresh = null;
  }

  override async load(): Promise<void> {
    try {
      this.list = await this.api.query<List>(this.listPath, this.academicYear ? { academicYear: this.academicYear } : undefined);
      await this.loaded(this.list);
    } catch (error) {
      // Said (the notice is an alert), not focused: reading the list is no action of the user's, and
      // focus stays where they are (the desk's tab they just opened). After an action, act() focuses it.
      this.note = { variant: 'error', text: g('failed', { message: errorText(error) }, this.locale) };
    }
  }

  /** After the list is read: what else the section needs (the meetings read the year's members). */
  protected async loaded(_list: List): Promise<void> {}

  protected async say(variant: NoticeVariant, text: string): Promise<void> {
    this.note = { variant, text };
    await focusOutcome(this, this.noteSelector);
  }

  /** Runs one action (none while another runs), reads the list again and says how it went. */
  protected async act(work: () => Promise<SectionOutcome>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const done = await work();
      this.fresh = done.fresh;
      if (done.reload !== false) {
        this.emit(this.changedEvent);
        await this.load();
      }
      await this.say(done.variant ?? 'success', done.text);
    } catch (error) {
      await this.say('error', g('failed', { message: errorText(error) }, this.locale));
    } finally {
      this.busy = false;
    }
  }
}
