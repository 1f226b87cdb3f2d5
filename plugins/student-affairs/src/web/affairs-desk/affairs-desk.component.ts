import { html, nothing } from 'lit';
import { downloadFile, errorText, LichengConnectedElement } from '@licheng/client';
import { focusOutcome, heading, screenStyles, tabList, tabStyles, type NoticeVariant } from '@licheng/ui';
import { localized, type RecordDeskSource, type RecordImportReportView, type RecordKindScreen, type RecordRow, type RecordSubmission } from '@licheng/ui/records';
import '@licheng/ui/records';
import { exportPath, paths, sectionsOf, templatePath, type KindView, type RecordList, type Section } from '../api.ts';
import { t } from '../messages.ts';
import { affairsDeskStyles } from './affairs-desk.styles.ts';
import type { CertifySource, PendingRecord } from './certify-list.component.ts';
import './certify-list.ts';

type Tab = Section | 'certify';
interface Me {
  user: { roles: string[] };
  term: { academicYear: number; semester: 1 | 2 };
}

const screenKind = (k: KindView): RecordKindScreen => ({ id: k.id, label: k.label, fields: k.fields, summary: { max: 100, required: false, label: k.summaryLabel }, mayEnter: k.mayEnter });

/**
 * `<licheng-student-affairs-desk>` — 學務處's screen. A tab per section the user works in
 * (訓育組, 生輔組, 社團活動組, 體育組; all four for the whole office), each a
 * `<licheng-record-desk>` of the section's kinds — enter one, correct, withdraw, import a list
 * (preview, row-level report, all or nothing) — with an export of the kind shown; and 待認證,
 * the records the user's sections certify, passed or failed with a reason.
 *
 * @event licheng-token-expired - The token has expired.
 * @csspart sections - The row of section tabs.
 */
export class StudentAffairsDesk extends LichengConnectedElement {
  static override styles = [...screenStyles, tabStyles, affairsDeskStyles];
  static override properties = {
    ...LichengConnectedElement.properties,
    tab: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    me: { state: true },
    kinds: { state: true },
    pendingCount: { state: true },
    deskKind: { state: true },
    note: { state: true },
  };

  /** The tab shown: a section, or 'certify' (待認證); the first section when unset. */
  declare tab: Tab | '';
  declare headingLevel: number;
  declare me: Me | null;
  declare kinds: readonly KindView[] | null;
  declare pendingCount: number;
  /** The kind the section's desk shows (its licheng-kind-changed), which the export follows. */
  declare deskKind: string;
  declare note: { variant: NoticeVariant; text: string };

  constructor() {
    super();
    this.tab = '';
    this.deskKind = '';
    this.headingLevel = 1;
    this.me = null;
    this.kinds = null;
    this.pendingCount = 0;
    this.note = { variant: 'info', text: '' };
  }

  override async load(): Promise<void> {
    try {
      const [me, kinds] = await Promise.all([this.api.query<Me>(paths.me), this.api.query<KindView[]>(paths.kinds)]);
      this.me = me;
      this.kinds = kinds;
      await this.#countPending();
      if (!this.#tabs().includes(this.tab as Tab)) this.tab = this.#tabs()[0] ?? '';
    } catch (error) {
      this.kinds = [];
      this.note = { variant: 'error', text: t('load-failed', { message: errorText(error) }, this.locale) };
    }
  }

  #sections(): Section[] {
    return this.me ? sectionsOf(this.me.user.roles) : [];
  }

  #certifiable(): KindView[] {
    return (this.kinds ?? []).filter((k) => k.mayCertify);
  }

  /** The user's sections, then 待認證 when they certify any kind (the office's other roles have no tab here). */
  #tabs(): Tab[] {
    const sections: Tab[] = this.#sections();
    return sections.length && this.#certifiable().length ? [...sections, 'certify'] : sections;
  }

  /** The section's kinds the user may enter or certify. */
  #kindsOf(section: Section): RecordKindScreen[] {
    return (this.kinds ?? []).filter((k) => k.subOffice === section && (k.mayEnter || k.mayCertify)).map(screenKind);
  }

  async #pending(): Promise<PendingRecord[]> {
    const ids = new Set(this.#certifiable().map((k) => k.id));
    const list = await this.api.query<RecordList>(paths.list, { status: 'pending', pageSize: 200 });
    return list.rows.filter((r) => ids.has(r.kind)) as PendingRecord[];
  }

  async #countPending() {
    this.pendingCount = this.#sections().length && this.#certifiable().length ? (await this.#pending()).length : 0;
  }

  #source: RecordDeskSource = {
    list: async (kind) => (await this.api.query<RecordList>(paths.list, { kind, pageSize: 200 })).rows,
    enter: (kind, s: RecordSubmission) =>
      this.api.mutation<{ id: string }>(paths.enter, { kind, studentNo: s.studentNo, academicYear: s.academicYear, semester: s.semester, summary: s.summary, data: s.data }),
    correct: (record: RecordRow, s: RecordSubmission) =>
      this.api.mutation<{ id: string }>(paths.correct, { id: record.id, version: record.version, summary: s.summary, data: s.data, ...(s.reason ? { reason: s.reason } : {}) }),
    withdraw: (record: RecordRow, reason: string) => this.api.mutation(paths.withdraw, { id: record.id, version: record.version, reason }),
    preview: (kind, file, progress) => this.#import(paths.preview, kind, file, progress),
    commit: (kind, file, progress) => this.#import(paths.commit, kind, file, progress),
    downloadTemplate: async (kind) => {
      await downloadFile(this.api, templatePath(kind), `${kind}-template.xlsx`);
    },
  };

  #certifySource: CertifySource = {
    pending: async () => {
      const rows = await this.#pending();
      this.pendingCount = rows.length;
      return rows;
    },
    decide: (record, decision, reason) => this.api.mutation(paths.decide, { id: record.id, version: record.version, decision, ...(reason ? { reason } : {}) }),
  };

  #import(path: string, kind: string, file: File, progress: (percent: number) => void): Promise<RecordImportReportView> {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', file);
    return this.api.upload<RecordImportReportView>(path, form, { onProgress: (p) => progress(p.total ? Math.round((p.loaded / p.total) * 100) : 0) });
  }

  async #export() {
    const kind = this.kinds?.find((k) => k.id === this.deskKind);
    if (!kind) return;
    const L = this.locale;
    try {
      await downloadFile(this.api, exportPath(kind.id), `${kind.id}.xlsx`);
      this.note = { variant: 'success', text: t('export.done', { kind: localized(kind.label, L) }, L) };
    } catch (error) {
      this.note = { variant: 'error', text: t('export.failed', { message: errorText(error) }, L) };
    }
    await focusOutcome(this, '#affairs-note');
  }

  #select(tab: Tab, focus = false) {
    if (tab === this.tab) return;
    this.tab = tab;
    this.note = { variant: 'info', text: '' };
    if (focus) void focusOutcome(this, `#section-${tab}`);
  }

  #label(tab: Tab) {
    const L = this.locale;
    if (tab !== 'certify') return t(`section.${tab}`, {}, L);
    return this.pendingCount ? t('tab.certify', { count: this.pendingCount }, L) : t('tab.certify-none', {}, L);
  }

  #panel() {
    const L = this.locale;
    const h = this.headingLevel + 1;
    if (this.tab === 'certify') {
      const kinds = this.#certifiable().map(screenKind);
      return html`<licheng-student-affairs-certify .locale=${L} heading-level=${h} .kinds=${kinds} .source=${this.#certifySource}></licheng-student-affairs-certify>`;
    }
    const section = this.tab as Section;
    const kinds = this.#kindsOf(section);
    const year = this.me?.term.academicYear ?? null;
    const semester = this.me?.term.semester ?? null;
    return html`<div class="actions export">
        <button type="button" @click=${this.#export}>${t('export.button', { kind: localized(kinds.find((k) => k.id === this.deskKind)?.label ?? kinds[0]?.label, L) }, L)}</button>
      </div>
      <licheng-record-desk
        .locale=${L}
        heading=${t(`section.${section}`, {}, L)}
        heading-level=${h}
        .kinds=${kinds}
        .source=${this.#source}
        .defaultYear=${year}
        .defaultSemester=${semester}
        @licheng-record-changed=${() => this.#countPending()}
        @licheng-kind-changed=${(e: CustomEvent<{ kind: string }>) => (this.deskKind = e.detail.kind)}
      ></licheng-record-desk>`;
  }

  // One template around the heading, whatever is below it: the heading the portal focuses on
  // arrival stays the same element as the desk loads.
  override render() {
    return html`${heading(this.headingLevel, t('title', {}, this.locale), 'affairs-heading')}${this.#body()}`;
  }

  #body() {
    const L = this.locale;
    const tabs = this.#tabs();
    if (this.kinds === null) return html`<p>${t('loading', {}, L)}</p>`;
    const note = html`<licheng-notice id="affairs-note" tabindex="-1" .locale=${L} variant=${this.note.variant} .message=${this.note.text}></licheng-notice>`;
    if (!tabs.length) return html`${note}${this.note.text ? nothing : html`<p>${t('no-section', {}, L)}</p>`}`;
    return html`${tabList({ label: t('tabs.label', {}, L), tabs: tabs.map((id) => ({ id, label: this.#label(id) })), selected: this.tab as Tab, onSelect: (tab, byKey) => this.#select(tab, byKey), idPrefix: 'section-', panelId: 'section-panel', part: 'sections' })}
      ${note}
      <div id="section-panel" role="tabpanel" aria-labelledby="section-${this.tab}">${this.#panel()}</div>`;
  }
}
