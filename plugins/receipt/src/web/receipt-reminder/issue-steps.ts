import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime } from '@licheng/ui';
import type { Locale } from '@licheng/core';
import type { MineIssue, MineItem } from '../api.ts';
import { t } from '../messages.ts';

/**
 * One issue, step by step, as the student follows it (an ordered list a screen reader reads in
 * order): raised (when, what, which row), routed to (the office, the teacher by name), answered
 * (by whom, when, what, corrected or not), marked for the next submission (and received), closed.
 * The list takes focus after raising or accepting (`tabindex="-1"`, id `steps-<issue id>`).
 */
export function issueSteps(item: MineItem, issue: MineIssue, L: Locale, accept: { busy: boolean; onAccept: (issue: MineIssue) => void }): TemplateResult {
  const office = issue.routedTo.label[L === 'en' ? 'en' : 'zh-TW'];
  const routed = issue.routedTo.ownerName ? `${office} ${issue.routedTo.ownerName}` : office;
  const row = issue.row ? t('steps.row', { sheet: issue.row.sheet, row: issue.row.index + 1 }, L) : '';
  const closed = issue.closed;
  return html`<ol class="steps" id=${`steps-${issue.id}`} tabindex="-1" aria-label=${t('steps.heading', {}, L)}>
      <li class="done">${t('steps.raised', { at: formatDateTime(issue.raisedAt, L), text: issue.text }, L)}${row}</li>
      <li class="done">${t('steps.routed', { office: routed }, L)}</li>
      ${issue.answer
        ? html`<li class="done">
            ${t('steps.answered', { at: issue.answer.at ? formatDateTime(issue.answer.at, L) : '', by: issue.answer.byName ?? office, text: issue.answer.text }, L)}
            <strong>${t(issue.answer.corrected ? 'steps.corrected' : 'steps.not-corrected', {}, L)}</strong>
          </li>`
        : html`<li class="waiting">${t('steps.waiting', {}, L)}</li>`}
      ${issue.correction
        ? html`<li class="done">
            ${t('steps.marked', {}, L)}${issue.correction.receivedAt ? html`<br />${t('steps.received', { at: formatDateTime(issue.correction.receivedAt, L) }, L)}` : nothing}
          </li>`
        : nothing}
      ${closed
        ? html`<li class="done">
            ${closed.by === 'student' && closed.at
              ? t('steps.closed-student', { at: formatDateTime(closed.at, L) }, L)
              : closed.by === 'next-receipt' && closed.at
                ? t('steps.closed-next-receipt', { at: formatDateTime(closed.at, L) }, L)
                : t('steps.closed', {}, L)}
          </li>`
        : nothing}
    </ol>
    ${issue.status === 'answered'
      ? html`<div class="actions">
          <button type="button" ?disabled=${accept.busy} aria-label=${t('steps.accept.label', { roster: item.rosterName }, L)} @click=${() => accept.onAccept(issue)}>${t('steps.accept', {}, L)}</button>
        </div>`
      : nothing}`;
}
