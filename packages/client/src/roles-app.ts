import { html, nothing, type TemplateResult } from 'lit';
import { LichengConnectedElement } from './connected-element.ts';
import { errorText } from './errors.ts';

/**
 * An office's whole screen that shows each user the parts for their roles (staff a desk,
 * students their own view), read from `platform.me`. Subclasses draw `renderFor(roles)`; a
 * failure to read who the user is is said in an alert.
 */
export abstract class RolesApp extends LichengConnectedElement {
  static override properties = {
    ...LichengConnectedElement.properties,
    roles: { state: true },
    failure: { state: true },
  };

  declare roles: string[] | null;
  declare failure: string;

  constructor() {
    super();
    this.roles = null;
    this.failure = '';
  }

  #reading: Promise<void> | null = null;

  override load(): Promise<void> {
    this.#reading = this.#read();
    return this.#reading;
  }

  /**
   * Resolves once the user's roles are read and the parts for them drawn, so whoever waits for
   * this screen to render (the portal focusing its heading after sign-in) finds the heading.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.roles !== null || !this.#reading) return done;
    await this.#reading;
    return super.getUpdateComplete();
  }

  async #read(): Promise<void> {
    this.failure = '';
    try {
      const roles = (await this.api.read<{ user: { roles: string[] } }>('platform.me')).user.roles;
      // The parts are defined before they are drawn, so the heading is there when the screen says it is.
      await this.loadPartsFor(roles);
      this.roles = roles;
    } catch (error) {
      this.failure = errorText(error);
    }
  }

  /**
   * Loads the modules of the parts for a user holding `roles` — `import()` them here, so that each
   * user loads only their own parts (a student not the office's desk). Nothing by default: the
   * parts imported statically are defined already.
   */
  protected loadPartsFor(_roles: readonly string[]): Promise<unknown> {
    return Promise.resolve();
  }

  /** The parts of the screen for a user holding `roles`. */
  protected abstract renderFor(roles: readonly string[]): TemplateResult | typeof nothing;

  override render() {
    if (this.failure) return html`<p role="alert" class="error-text">${this.failure}</p>`;
    return this.roles === null ? nothing : this.renderFor(this.roles);
  }
}
