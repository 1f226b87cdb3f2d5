import { html, nothing } from 'lit';
import { formatDate, heading, type Locale } from '@licheng/ui';
import type { LichengClient } from '@licheng/client';
import { paths, type ProxiesOverview } from '../api.ts';
import { t } from './proxies.messages.ts';

/** What the absences and departures parts need from their screen. */
export interface StaffForms {
  locale: Locale;
  headingLevel: number;
  busy: boolean;
  api: LichengClient;
  nameOf(userId: string): string;
  act(change: () => Promise<string>, target?: string): Promise<void>;
  confirmWithdraw(id: string, name: string): Promise<void>;
}

const date = (iso: string, L: Locale) => html`<time datetime=${iso}>${formatDate(iso, L)}</time>`;

function memberSelect(o: ProxiesOverview, label: string, L: Locale) {
  return html`<label
    >${label}
    <select name="member" required>
      <option value="">${t('add.choose', {}, L)}</option>
      ${o.teachers.map((m) => html`<option value=${m.userId}>${m.name}</option>`)}
    </select></label
  >`;
}

/** The form's fields once every required one is filled, else null (its submit stays disabled with the reason shown). */
function filled(form: HTMLFormElement, names: string[]): Record<string, string> | null {
  const data = Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()]));
  return names.every((n) => data[n]) ? data : null;
}

function syncSubmit(event: Event, names: string[]) {
  const form = (event.currentTarget as HTMLFormElement) ?? (event.target as HTMLElement).closest('form');
  const ready = filled(form, names) !== null;
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled = !ready;
  form.querySelector<HTMLElement>('.needs')!.hidden = ready;
}

/** 請假: the absences not ended (end one), and a form to record one. */
export function renderAbsences(host: StaffForms, o: ProxiesOverview) {
  const L = host.locale;
  const needed = ['member', 'fromDate', 'toDate', 'reason'];
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = filled(form, needed);
    if (!data) return;
    const name = host.nameOf(data.member!);
    void host.act(async () => {
      await host.api.mutation(paths.absencesRecord, { member: { userId: data.member }, fromDate: data.fromDate, toDate: data.toDate, reason: data.reason });
      form.reset();
      form.querySelectorAll('licheng-date-field').forEach((f) => (f.value = ''));
      syncSubmit({ currentTarget: form } as unknown as Event, needed);
      return t('absence.recorded', { name, from: formatDate(data.fromDate!, L), to: formatDate(data.toDate!, L) }, L);
    }, '#absences-table');
  };
  return html`${heading(host.headingLevel + 1, t('absences.heading', {}, L), 'absences-heading')}
    ${o.absences.length
      ? html`<div class="table-wrap">
          <table id="absences-table" class="cards" tabindex="-1">
            <caption>${t('absences.caption', {}, L)}</caption>
            <thead><tr><th scope="col">${t('col.name', {}, L)}</th><th scope="col">${t('col.period', {}, L)}</th><th scope="col">${t('col.reason', {}, L)}</th><th scope="col">${t('col.actions', {}, L)}</th></tr></thead>
            <tbody>
              ${o.absences.map(
                (a) => html`<tr>
                  <th scope="row" class="card-title">${a.name}${a.current ? html` <span class="badge">${t('absence.current', {}, L)}</span>` : nothing}</th>
                  <td data-label=${t('col.period', {}, L)}>${date(a.fromDate, L)} – ${date(a.toDate, L)}</td>
                  <td data-label=${t('col.reason', {}, L)}>${a.reason}</td>
                  <td data-label=${t('col.actions', {}, L)}>
                    <button type="button" aria-label=${t('absence.end', { name: a.name }, L)} ?disabled=${host.busy}
                      @click=${() => host.act(async () => (await host.api.mutation(paths.absencesEnd, { id: a.id }), t('absence.ended', { name: a.name }, L)), '#absences-heading')}>${t('absence.end.short', {}, L)}</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
      : html`<p class="muted">${t('absences.empty', {}, L)}</p>`}
    <form class="staff-form" aria-label=${t('absence.submit', {}, L)} @submit=${submit} @input=${(e: Event) => syncSubmit(e, needed)} @change=${(e: Event) => syncSubmit(e, needed)} @licheng-date-change=${(e: Event) => syncSubmit(e, needed)}>
      ${memberSelect(o, t('absence.member', {}, L), L)}
      <licheng-date-field name="fromDate" required .locale=${L} label=${t('absence.from', {}, L)}></licheng-date-field>
      <licheng-date-field name="toDate" required .locale=${L} label=${t('absence.to', {}, L)}></licheng-date-field>
      <label>${t('absence.reason', {}, L)} <input name="reason" required maxlength="200" /></label>
      <button type="submit" disabled aria-describedby="absence-needs">${t('absence.submit', {}, L)}</button>
      <p id="absence-needs" class="needs muted">${t('absence.needs', {}, L)}</p>
    </form>`;
}

/** 離職: the departures (withdraw one, confirmed), and a form to record one with certification-only access. */
export function renderDepartures(host: StaffForms, o: ProxiesOverview) {
  const L = host.locale;
  const needed = ['member', 'departedOn'];
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = filled(form, needed);
    if (!data) return;
    const name = host.nameOf(data.member!);
    void host.act(async () => {
      await host.api.mutation(paths.departuresRecord, { member: { userId: data.member }, departedOn: data.departedOn, certificationUntil: data.certificationUntil || null, note: data.note ?? '' });
      form.reset();
      form.querySelectorAll('licheng-date-field').forEach((f) => (f.value = ''));
      syncSubmit({ currentTarget: form } as unknown as Event, needed);
      return t('departure.recorded', { name }, L);
    }, '#departures-table');
  };
  return html`${heading(host.headingLevel + 1, t('departures.heading', {}, L), 'departures-heading')}
    ${o.departures.length
      ? html`<div class="table-wrap">
          <table id="departures-table" class="cards" tabindex="-1">
            <caption>${t('departures.caption', {}, L)}</caption>
            <thead><tr><th scope="col">${t('col.name', {}, L)}</th><th scope="col">${t('col.departed', {}, L)}</th><th scope="col">${t('col.certification', {}, L)}</th><th scope="col">${t('col.note', {}, L)}</th><th scope="col">${t('col.actions', {}, L)}</th></tr></thead>
            <tbody>
              ${o.departures.map(
                (d) => html`<tr>
                  <th scope="row" class="card-title">${d.name}</th>
                  <td data-label=${t('col.departed', {}, L)}>${date(d.departedOn, L)}</td>
                  <td data-label=${t('col.certification', {}, L)}>${d.certificationUntil ? date(d.certificationUntil, L) : t('departure.none', {}, L)}</td>
                  <td data-label=${t('col.note', {}, L)}>${d.note}</td>
                  <td data-label=${t('col.actions', {}, L)}>
                    <button type="button" aria-label=${t('departure.withdraw', { name: d.name }, L)} ?disabled=${host.busy} @click=${() => host.confirmWithdraw(d.id, d.name)}>${t('departure.withdraw.short', {}, L)}</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`
      : html`<p class="muted">${t('departures.empty', {}, L)}</p>`}
    <form class="staff-form" aria-label=${t('departure.submit', {}, L)} @submit=${submit} @input=${(e: Event) => syncSubmit(e, needed)} @change=${(e: Event) => syncSubmit(e, needed)} @licheng-date-change=${(e: Event) => syncSubmit(e, needed)}>
      ${memberSelect(o, t('departure.member', {}, L), L)}
      <licheng-date-field name="departedOn" required .locale=${L} label=${t('departure.on', {}, L)}></licheng-date-field>
      <licheng-date-field name="certificationUntil" .locale=${L} label=${t('departure.until', {}, L)}></licheng-date-field>
      <label>${t('departure.note', {}, L)} <input name="note" maxlength="200" /></label>
      <button type="submit" disabled aria-describedby="departure-needs">${t('departure.submit', {}, L)}</button>
      <p id="departure-needs" class="needs muted">${t('departure.needs', {}, L)}</p>
    </form>`;
}
