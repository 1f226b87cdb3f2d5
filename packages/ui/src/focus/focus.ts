export { focusOutcome, focusMark, focusElement, returnFocus, type FocusTarget, type FocusScope, type FocusMark, type FocusOutcomeOptions } from './focus-outcome.ts';
