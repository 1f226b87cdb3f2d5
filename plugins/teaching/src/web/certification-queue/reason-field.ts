import { html, nothing } from 'lit';
import { charCount, type Locale } from '@licheng/ui';
import { REASON_MAX } from '../api.ts';
import { t } from '../messages.ts';

export interface ReasonFieldOptions {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string;
  locale: Locale;
  onInput: (value: string) => void;
}

/**
 * A required reason of at most REASON_MAX characters: label, hint, a counter of the characters
 * typed (read with the field, not announced on every key) and the error when refused.
 */
export function reasonField(o: ReasonFieldOptions) {
  const count = charCount(o.value.trim());
  const describedBy = [`${o.id}-hint`, `${o.id}-count`, ...(o.error ? [`${o.id}-error`] : [])].join(' ');
  return html`<div class="field">
    <label for=${o.id}>${o.label}<span class="required" aria-hidden="true"> *</span></label>
    <p id=${`${o.id}-hint`} class="hint">${o.hint}</p>
    <textarea
      id=${o.id}
      autofocus
      required
      rows="4"
      aria-describedby=${describedBy}
      aria-invalid=${o.error ? 'true' : 'false'}
      .value=${o.value}
      @input=${(e: Event) => o.onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p id=${`${o.id}-count`} class=${count > REASON_MAX ? 'hint char-count over' : 'hint char-count'}>${t('reason.count', { count, max: REASON_MAX }, o.locale)}</p>
    ${o.error ? html`<p id=${`${o.id}-error`} class="error-text">${o.error}</p>` : nothing}
  </div>`;
}
