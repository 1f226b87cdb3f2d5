import { html, nothing, type TemplateResult } from 'lit';
import { charCount, type Locale } from '@licheng/ui';
import { LIMITS } from '../api.ts';
import { t, type PracticumMessageKey } from '../messages.ts';

/** Field errors of a form, by field name. */
export type FieldErrors = Record<string, string>;

export interface FieldOptions {
  type?: 'text' | 'date' | 'number' | 'file';
  required?: boolean;
  hint?: string;
  options?: Array<{ value: string; label: string }>;
  accept?: string;
  value?: string;
  /** Values offered while typing (a datalist); any other text stays allowed. */
  suggestions?: readonly string[];
  /** The language of a date field (its hint, how it shows the date). */
  locale?: Locale;
}

/**
 * One labelled control of a form: its hint and error are tied to it with aria-describedby,
 * and it is marked aria-invalid while it has an error. Ids are `<form>-<name>`.
 */
export function field(form: string, name: string, label: string, errors: FieldErrors, o: FieldOptions = {}): TemplateResult {
  const id = `${form}-${name}`;
  const error = errors[name];
  const described = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = { id, described: described || nothing, invalid: error ? 'true' : 'false' };
  // Dates are typed in 民國 (115/11/27); the field labels itself and gives its ISO value to FormData.
  if (o.type === 'date') {
    return html`<licheng-date-field class="field" id=${id} name=${name} .locale=${o.locale ?? 'zh-TW'} label=${label} ?required=${o.required ?? false} hint=${o.hint ?? nothing} .value=${o.value ?? ''} .error=${error ?? ''}></licheng-date-field>`;
  }
  return html`<div class="field">
    <label for=${id}>${label}${o.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label>
    ${o.hint ? html`<p id="${id}-hint" class="hint">${o.hint}</p>` : nothing}
    ${o.options
      ? html`<select id=${common.id} name=${name} aria-describedby=${common.described} aria-invalid=${common.invalid}>
          ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
        </select>`
      : html`<input
          id=${common.id}
          name=${name}
          type=${o.type ?? 'text'}
          ?required=${o.required ?? false}
          accept=${o.accept ?? nothing}
          list=${o.suggestions ? `${id}-list` : nothing}
          min=${o.type === 'number' ? '1' : nothing}
          max=${o.type === 'number' ? String(LIMITS.hoursMax) : nothing}
          aria-describedby=${common.described}
          aria-invalid=${common.invalid}
        />`}
    ${o.suggestions ? html`<datalist id="${id}-list">${o.suggestions.map((v) => html`<option value=${v}></option>`)}</datalist>` : nothing}
    ${error ? html`<p id="${id}-error" class="error-text">${error}</p>` : nothing}
  </div>`;
}

type Rule = { name: string; label: PracticumMessageKey; required?: boolean; max?: number };

/** Required fields and lengths (in characters as people count them), checked before sending. */
export function checkFields(values: FormData, rules: Rule[], locale: Locale): FieldErrors {
  const errors: FieldErrors = {};
  for (const rule of rules) {
    const value = String(values.get(rule.name) ?? '').trim();
    const label = t(rule.label, {}, locale);
    if (rule.required && value === '') errors[rule.name] = t('error.required', { field: label }, locale);
    else if (rule.max !== undefined && charCount(value) > rule.max) errors[rule.name] = t('error.too-long', { field: label, max: rule.max }, locale);
  }
  return errors;
}

export const certificateRules: Rule[] = [
  { name: 'studentNo', label: 'field.studentNo', required: true, max: 20 },
  { name: 'name', label: 'field.name', required: true, max: LIMITS.name },
  { name: 'level', label: 'field.level', required: true, max: LIMITS.level },
  { name: 'number', label: 'field.number', required: true, max: LIMITS.number },
  { name: 'date', label: 'field.date', required: true },
  { name: 'issuer', label: 'field.issuer', max: LIMITS.issuer },
];

export const internshipRules: Rule[] = [
  { name: 'studentNo', label: 'field.studentNo', required: true, max: 20 },
  { name: 'organisation', label: 'field.organisation', required: true, max: LIMITS.organisation },
  { name: 'title', label: 'field.internship-title', required: true, max: LIMITS.title },
  { name: 'start', label: 'field.start', required: true },
  { name: 'end', label: 'field.end', required: true },
  { name: 'hours', label: 'field.hours', required: true },
];

/** Internship checks beyond required and length: hours 1–2000, end not before start. */
export function checkInternship(values: FormData, locale: Locale): FieldErrors {
  const errors = checkFields(values, internshipRules, locale);
  const hours = Number(values.get('hours'));
  if (!errors.hours && (!Number.isInteger(hours) || hours < 1 || hours > LIMITS.hoursMax)) errors.hours = t('error.hours', { max: LIMITS.hoursMax }, locale);
  const start = String(values.get('start') ?? '');
  const end = String(values.get('end') ?? '');
  if (!errors.start && !errors.end && end < start) errors.end = t('error.end-before-start', {}, locale);
  return errors;
}
