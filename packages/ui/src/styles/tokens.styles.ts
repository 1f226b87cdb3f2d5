import { css } from 'lit';

/**
 * Design tokens. A host themes Licheng by setting `--licheng-*` custom properties on any
 * ancestor (`:root { --licheng-color-primary: #7a1f5c }`); every element reads them through
 * private `--_*` names with accessible defaults (text contrast ≥ 4.5:1, borders and focus
 * rings ≥ 3:1 on white).
 *
 * | property | default | use |
 * |---|---|---|
 * | --licheng-font-family | system-ui, Noto Sans TC, PingFang TC, Microsoft JhengHei | all text |
 * | --licheng-color-text / -text-muted | #1f2328 / #59636e | body text / hints |
 * | --licheng-color-bg / -surface | #ffffff / #f6f8fa | page / panels |
 * | --licheng-color-border / -border-subtle | #6e7781 / #d1d9e0 | controls / separators |
 * | --licheng-color-primary / -primary-hover / -on-primary | #0a58ca / #084298 / #ffffff | main actions, links |
 * | --licheng-color-success / -success-bg | #116329 / #dafbe1 | passed 通過 |
 * | --licheng-color-danger / -danger-bg | #b3261e / #ffebe9 | failed 未通過, errors |
 * | --licheng-color-warning / -warning-bg | #7a4d00 / #fff8c5 | pending 認證中, warnings |
 * | --licheng-color-info / -info-bg | #0b4f8a / #ddf4ff | notices |
 * | --licheng-color-focus | #0a58ca | focus ring |
 * | --licheng-radius | 6px | corners |
 */
export const tokens = css`
  :host {
    --_font: var(--licheng-font-family, system-ui, -apple-system, 'Segoe UI', 'Noto Sans TC', 'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif);
    --_text: var(--licheng-color-text, #1f2328);
    --_muted: var(--licheng-color-text-muted, #59636e);
    --_bg: var(--licheng-color-bg, #ffffff);
    --_surface: var(--licheng-color-surface, #f6f8fa);
    --_border: var(--licheng-color-border, #6e7781);
    --_border-subtle: var(--licheng-color-border-subtle, #d1d9e0);
    --_primary: var(--licheng-color-primary, #0a58ca);
    --_primary-hover: var(--licheng-color-primary-hover, #084298);
    --_on-primary: var(--licheng-color-on-primary, #ffffff);
    --_success: var(--licheng-color-success, #116329);
    --_success-bg: var(--licheng-color-success-bg, #dafbe1);
    --_danger: var(--licheng-color-danger, #b3261e);
    --_danger-bg: var(--licheng-color-danger-bg, #ffebe9);
    --_warning: var(--licheng-color-warning, #7a4d00);
    --_warning-bg: var(--licheng-color-warning-bg, #fff8c5);
    --_info: var(--licheng-color-info, #0b4f8a);
    --_info-bg: var(--licheng-color-info-bg, #ddf4ff);
    --_focus: var(--licheng-color-focus, #0a58ca);
    --_radius: var(--licheng-radius, 6px);
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.6;
    -webkit-text-size-adjust: 100%;
  }
`;

/** Focus ring every interactive thing shows when reached by keyboard. */
export const focusRing = css`
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/** The declarations that hide a box visually but not from screen readers (for card layouts' table heads too). */
export const visuallyHiddenRules = css`
  position: absolute;
  inset-inline-start: 0;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
  border: 0;
`;

/**
 * Hidden visually, still read by screen readers. Pinned to the start edge of its containing
 * block (it keeps its place vertically), so it never makes the page wider than the viewport,
 * wherever it sits (a cell of a wide table, a long line).
 */
export const visuallyHidden = css`
  .sr-only {
    ${visuallyHiddenRules}
    position: absolute !important;
  }
`;

/** Buttons, fields and labels shared by every screen (targets are at least 36px tall). */
export const controls = css`
  button,
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375rem;
    min-height: 2.25rem;
    padding: 0.375rem 0.875rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
    text-decoration: none;
    line-height: 1.3;
  }
  button:hover:not(:disabled),
  .button:hover {
    background: var(--_surface);
  }
  button.primary,
  .button.primary,
  button[aria-pressed='true'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button.primary:hover:not(:disabled),
  button[aria-pressed='true']:hover:not(:disabled) {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  button.danger {
    background: var(--_bg);
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }
  button.danger:hover:not(:disabled) {
    background: var(--_danger-bg);
  }
  button.link {
    border: none;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    padding: 0.25rem 0.25rem;
    min-height: 1.75rem;
    justify-content: flex-start;
    text-align: start;
  }
  button.link:hover:not(:disabled) {
    background: var(--_surface);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input:not([type='checkbox']):not([type='radio']):not([type='file']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.375rem 0.625rem;
    min-height: 2.25rem;
    box-sizing: border-box;
    max-width: 100%;
  }
  textarea {
    width: 100%;
    min-height: 5rem;
    resize: vertical;
  }
  input[type='file'] {
    font: inherit;
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: 0 0 0 1px var(--_danger);
  }
  label,
  .label {
    font-weight: 600;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-block: 0 1rem;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875rem;
    margin: 0;
  }
  .error-text {
    color: var(--_danger);
    font-size: 0.875rem;
    font-weight: 600;
    margin: 0;
  }
  .required {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
`;

/**
 * Data tables: a caption, header row, zebra rows, horizontal scroll on narrow screens inside
 * their own box (positioned, so nothing absolutely placed inside reaches past it).
 */
export const tables = css`
  .table-wrap {
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375rem;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.5rem 0.75rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border-subtle);
  }
  thead th {
    background: var(--_surface);
    font-weight: 600;
    white-space: nowrap;
  }
  tbody tr:last-child > * {
    border-bottom: none;
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  /* A phone or 200 % zoom: tighter cells and column names that wrap, so most tables fit the screen. */
  @media (max-width: 40rem) {
    th,
    td {
      padding: 0.375rem 0.375rem;
    }
    thead th {
      white-space: normal;
    }
  }
`;

/** Headings and sections of a screen. */
export const layout = css`
  h1,
  h2,
  h3,
  h4 {
    line-height: 1.3;
    margin: 0 0 0.75rem;
  }
  h1 {
    font-size: 1.5rem;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.0625rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  section.panel {
    background: var(--_bg);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 1rem 1.25rem;
    margin-block-end: 1rem;
  }
  .muted {
    color: var(--_muted);
  }
  /* A row of filters (selects, inputs) above a list. */
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: flex-end;
    margin-block-end: 0.75rem;
  }
  .filters .field {
    margin: 0;
    /* A select of long options (a course with its class and term) shrinks to a narrow screen. */
    min-width: 0;
    max-width: 100%;
  }
  form + licheng-notice,
  .actions + licheng-notice {
    display: block;
    margin-block-start: 1rem;
  }
`;

/** Everything a screen element usually needs, in order. */
export const screenStyles = [tokens, focusRing, visuallyHidden, controls, tables, layout];
