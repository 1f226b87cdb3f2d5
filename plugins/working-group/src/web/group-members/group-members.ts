import { GroupMembers } from './group-members.component.ts';

export * from './group-members.component.ts';

if (!customElements.get('licheng-group-members')) customElements.define('licheng-group-members', GroupMembers);

declare global {
  interface HTMLElementTagNameMap {
    'licheng-group-members': GroupMembers;
  }
}
