import { css } from 'lit';

export const scheduleEditorStyles = css`
  :host {
    display: block;
  }
  .field.year select {
    inline-size: auto;
    max-inline-size: 100%;
  }
  .status:empty {
    display: none;
  }
  .status {
    font-weight: 600;
  }
  .status .undo {
    margin-inline-start: 0.5rem;
  }
  .sub {
    display: block;
    font-size: 0.875rem;
    font-weight: 400;
    color: var(--_muted);
  }
  tr.done > * {
    background: var(--_info-bg);
  }
  .row-actions {
    white-space: normal;
  }
  .row-actions button + button {
    margin-inline-start: 0.5rem;
  }
  .hint {
    display: block;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .editing {
    display: grid;
    gap: 1.5rem;
    margin-block: 1.5rem;
    padding: 1rem;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .window-form .grid {
    display: grid;
    gap: 0.75rem 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
  }
  .window-form fieldset {
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    margin: 0;
    min-inline-size: 0;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-block-size: 2.75rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block-start: 1rem;
  }
  .warning {
    padding: 0.75rem;
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-bg);
    color: var(--_text);
    font-weight: 600;
  }
  .load {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    align-items: start;
  }
  .chart {
    display: grid;
    gap: 0.25rem;
  }
  .bar-row {
    display: grid;
    grid-template-columns: 6.5rem 1fr 3rem;
    gap: 0.5rem;
    align-items: center;
  }
  .bar {
    display: block;
    block-size: 1.25rem;
    min-inline-size: 2px;
    background: var(--_primary);
    /* Bars keep their shape in print and in forced colours. */
    print-color-adjust: exact;
    forced-color-adjust: none;
  }
  .bar-row.proposed .bar-label {
    font-weight: 700;
  }
  .bar-row.peak .bar {
    background: var(--_warning);
  }
  tr.proposed > * {
    font-weight: 700;
  }
  .hours {
    margin-block-start: 1rem;
  }
  @media print {
    button,
    .editing .actions {
      display: none;
    }
  }
`;
