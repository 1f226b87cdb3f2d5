import { RosterSubmission } from './roster-submission.component.ts';

export * from './roster-submission.component.ts';

if (!customElements.get('licheng-roster-submission')) customElements.define('licheng-roster-submission', RosterSubmission);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-roster-submission': RosterSubmission;
  }
}
