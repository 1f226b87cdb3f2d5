import { GroupMeetings } from './group-meetings.component.ts';

export * from './group-meetings.component.ts';

if (!customElements.get('licheng-group-meetings')) customElements.define('licheng-group-meetings', GroupMeetings);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-group-meetings': GroupMeetings;
  }
}
