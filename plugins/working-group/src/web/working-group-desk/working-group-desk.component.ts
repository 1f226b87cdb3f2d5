import { html } from 'lit';
import { LichengConnectedElement } from '@licheng/client';
import { deskStyles, heading, screenStyles } from '@licheng/ui';
import '../schedule/schedule.ts';
import '../schedule-editor/schedule-editor.ts';
import '../group-members/group-members.ts';
import '../group-meetings/group-meetings.ts';
import '../group-trainings/group-trainings.ts';
import '../proxies/proxies.ts';
import { t } from '../messages.ts';

/**
 * `<licheng-working-group-desk>` — the working group's (學習歷程工作小組) whole screen, under one
 * h1: the year's schedule (`<licheng-schedule>`, which pages may also embed on their own), the
 * schedule editor (`<licheng-schedule-editor>`) and the group's other work, each a section with
 * its own h2: its members (`<licheng-group-members>`), meetings (`<licheng-group-meetings>`),
 * trainings (`<licheng-group-trainings>`) and proxies (`<licheng-proxies>` 代理人). A change saved
 * in the editor reloads the published schedule above it; members changed here refresh the
 * meetings' attendance list.
 *
 * @event licheng-token-expired - The token has expired (from any part).
 */
export class WorkingGroupDesk extends LichengConnectedElement {
  static override styles = [...screenStyles, deskStyles];

  /** The meetings section ticks attendance for the members: it reads them again. */
  #membersChanged = () => {
    this.renderRoot.querySelector('licheng-group-meetings')?.refreshMembers();
  };

  override render() {
    const L = this.locale;
    return html`${heading(1, t('desk.title', {}, L))}
      <p class="muted">${t('desk.intro', {}, L)}</p>
      <licheng-schedule class="panel" heading-level="2" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-schedule>
      <licheng-schedule-editor
        class="panel"
        heading-level="2"
        .token=${this.token}
        .tokenProvider=${this.tokenProvider}
        .apiBase=${this.apiBase}
        .locale=${L}
        @licheng-schedule-changed=${() => void this.renderRoot.querySelector('licheng-schedule')?.load()}
      ></licheng-schedule-editor>
      <licheng-group-members class="panel" heading-level="2" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L} @licheng-members-changed=${this.#membersChanged}></licheng-group-members>
      <licheng-group-meetings class="panel" heading-level="2" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-group-meetings>
      <licheng-group-trainings class="panel" heading-level="2" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-group-trainings>
      <licheng-proxies class="panel" heading-level="2" .token=${this.token} .tokenProvider=${this.tokenProvider} .apiBase=${this.apiBase} .locale=${L}></licheng-proxies>`;
  }
}
