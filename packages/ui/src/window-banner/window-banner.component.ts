import { html } from 'lit';
import { LichengElement } from '../base/licheng-element.ts';
import { formatDate } from '../i18n/i18n.ts';
import { t } from '../i18n/messages.ts';
import { tokens } from '../styles/tokens.styles.ts';
import { windowBannerStyles } from './window-banner.styles.ts';

export type WindowState = 'open' | 'not-yet' | 'closed' | 'unscheduled';

const ICONS: Record<WindowState, string> = { open: '●', 'not-yet': '◷', closed: '■', unscheduled: '◷' };

/**
 * Where a window (作業期程) stands: open until when, opening when, or closed — in words, with
 * dates in the 民國 calendar.
 *
 * @csspart banner - The banner paragraph.
 */
export class WindowBanner extends LichengElement {
  static override styles = [tokens, windowBannerStyles];
  static override properties = { activity: {}, state: { reflect: true }, start: {}, end: {} };

  /** What the window is for, already in the page's language (e.g. 課程學習成果上傳). */
  declare activity: string;
  declare state: WindowState;
  declare start: string | null;
  declare end: string | null;

  constructor() {
    super();
    this.activity = '';
    this.state = 'unscheduled';
    this.start = null;
    this.end = null;
  }

  override render() {
    const state = ICONS[this.state] ? this.state : 'unscheduled';
    const text = t(`window.${state}`, { activity: this.activity, start: formatDate(this.start, this.locale), end: formatDate(this.end, this.locale) }, this.locale);
    return html`<p part="banner" class=${state}><span aria-hidden="true">${ICONS[state]}</span><span>${text}</span></p>`;
  }
}
