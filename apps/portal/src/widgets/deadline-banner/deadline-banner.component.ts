import { css, html, nothing } from 'lit';
import { LichengConnectedElement, errorText } from '@licheng/client';
import { activityLabels, type Activity } from '@licheng/core';
import { tokens } from '@licheng/ui';
import type { PlatformMe } from '@licheng/server';
import '@licheng/ui';

type MeWindows = Pick<PlatformMe, 'windows'>;

/**
 * `<licheng-deadline-banner>` — where the school's windows (作業期程) stand for the signed-in
 * user: one banner per window (open until when, opening when, closed), dates in the 民國
 * calendar. With `activity` it shows only that window.
 *
 * @attr activity - One activity, e.g. `outcome-upload`, `outcome-certification`, `outcome-selection`; empty for every window of the user's term.
 * @csspart banner - Each window's banner (the `<licheng-window-banner>` element).
 * @event licheng-token-expired - The token has expired.
 */
export class DeadlineBanner extends LichengConnectedElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      licheng-window-banner + licheng-window-banner {
        margin-block-start: var(--licheng-space-2, 0.5rem);
      }
      .error {
        color: var(--_danger);
        margin: 0;
      }
    `,
  ];
  static override properties = {
    ...LichengConnectedElement.properties,
    activity: { reflect: true },
    windows: { state: true },
    error: { state: true },
  };

  /** The activity whose window to show; '' for every window. */
  declare activity: string;
  declare windows: MeWindows['windows'] | null;
  declare error: string;

  constructor() {
    super();
    this.activity = '';
    this.windows = null;
    this.error = '';
  }

  override async load(): Promise<void> {
    this.error = '';
    try {
      this.windows = (await this.api.read<MeWindows>('platform.me')).windows;
    } catch (error) {
      this.error = errorText(error);
    }
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.windows) return nothing;
    const shown = this.windows.filter((w) => !this.activity || w.activity === this.activity);
    return shown.map((w) => {
      const label = activityLabels[w.activity as Activity]?.[this.locale] ?? w.activity;
      return html`<licheng-window-banner part="banner" .locale=${this.locale} activity=${label} state=${w.state} .start=${w.start} .end=${w.end}></licheng-window-banner>`;
    });
  }
}
