import { css, html, type TemplateResult } from 'lit';

/** One tab of a tab list: its id (the tab's element id is `${idPrefix}${id}`) and its label. */
export interface TabItem<Id extends string = string> {
  id: Id;
  label: string | TemplateResult;
}

export interface TabListOptions<Id extends string> {
  /** The tab list's accessible name. */
  label: string;
  tabs: readonly TabItem<Id>[];
  selected: Id;
  /** Called with the chosen tab; `byKey` when an arrow, Home or End key chose it (the caller then moves focus to the tab). */
  onSelect: (id: Id, byKey: boolean) => void;
  /** Prefix of each tab's element id (default `tab-`). */
  idPrefix?: string;
  /** The id of the one tab panel the tabs control. */
  panelId: string;
  /** The list's part name (default `tabs`); its class is always `tabs`, which tabStyles dresses. */
  part?: string;
}

/** The tab an arrow, Home or End key moves to from `index` among `count` tabs (wrapping), or null for any other key. */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  const next = key === 'ArrowRight' ? index + 1 : key === 'ArrowLeft' ? index - 1 : key === 'Home' ? 0 : key === 'End' ? count - 1 : null;
  return next === null ? null : (next + count) % count;
}

/**
 * A row of tabs after the WAI-ARIA tabs pattern: one tab in the Tab order (the selected one),
 * arrows, Home and End move between tabs and select them (automatic activation). The screen renders
 * the panel itself: `<div id=${panelId} role="tabpanel" aria-labelledby=${idPrefix + selected}>`.
 */
export function tabList<Id extends string>(o: TabListOptions<Id>): TemplateResult {
  const prefix = o.idPrefix ?? 'tab-';
  const part = o.part ?? 'tabs';
  const onKey = (event: KeyboardEvent) => {
    const next = tabKeyTarget(event.key, o.tabs.findIndex((tab) => tab.id === o.selected), o.tabs.length);
    if (next === null) return;
    event.preventDefault();
    o.onSelect(o.tabs[next]!.id, true);
  };
  return html`<div class="tabs" part=${part} role="tablist" aria-label=${o.label} @keydown=${onKey}>
    ${o.tabs.map(
      (tab) => html`<button
        type="button"
        role="tab"
        id="${prefix}${tab.id}"
        aria-controls=${o.panelId}
        aria-selected=${tab.id === o.selected ? 'true' : 'false'}
        tabindex=${tab.id === o.selected ? '0' : '-1'}
        @click=${() => o.onSelect(tab.id, false)}
      >
        ${tab.label}
      </button>`,
    )}
  </div>`;
}

/** Tabs that wrap onto more lines on a narrow screen, the selected one filled (the list's class `tabs`). */
export const tabStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: 0.5rem 1.25rem;
  }
  .tabs [role='tab'] {
    border-radius: 999px;
    font-weight: 600;
  }
  .tabs [role='tab'][aria-selected='true'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
`;
