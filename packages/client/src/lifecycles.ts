import type { AppProps } from 'single-spa';
import type { Locale } from './client.ts';
import type { TokenProvider } from './token.ts';

/** What a root config passes to an office app (single-spa customProps). */
export interface LichengAppProps {
  token?: string;
  tokenProvider?: TokenProvider;
  apiBase?: string;
  locale?: Locale;
  /** Where to mount; default the `single-spa-application:<name>` element, created when missing. */
  domElement?: HTMLElement;
}

/**
 * Window event a root config dispatches when the language or token changes while an office is
 * mounted; every element mounted through `elementLifecycles` takes the new values.
 */
export const CONTEXT_EVENT = 'licheng-context-change';

export type ContextChange = Pick<LichengAppProps, 'token' | 'locale' | 'apiBase'>;

/** Tells mounted office apps about a new token or language. */
export function announceContext(change: ContextChange): void {
  window.dispatchEvent(new CustomEvent<ContextChange>(CONTEXT_EVENT, { detail: change }));
}

type Settable = HTMLElement & Partial<Record<'token' | 'tokenProvider' | 'apiBase' | 'locale', unknown>>;

function apply(element: Settable, props: Partial<LichengAppProps>): void {
  if (props.token !== undefined) element.token = props.token;
  if (props.tokenProvider !== undefined) element.tokenProvider = props.tokenProvider;
  if (props.apiBase !== undefined) element.apiBase = props.apiBase;
  if (props.locale !== undefined) element.locale = props.locale;
}

function containerFor(props: Props): HTMLElement {
  if (props.domElement) return props.domElement;
  const id = `single-spa-application:${props.name}`;
  let container = document.getElementById(id);
  if (!container) {
    container = document.createElement('div');
    container.id = id;
    document.body.appendChild(container);
  }
  return container;
}

type Props = AppProps & LichengAppProps;

/** The lifecycles `elementLifecycles` makes (single-spa's LifeCycles, each a single function). */
export interface ElementLifecycles {
  bootstrap(props: Props): Promise<void>;
  mount(props: Props): Promise<void>;
  unmount(props: Props): Promise<void>;
  update(props: Partial<Props>): Promise<void>;
}

/**
 * single-spa lifecycles for an office whose whole screen is one custom element: mount creates
 * `<tagName>` with the token, apiBase and locale from customProps, unmount removes it.
 * `define` loads the element's definition first (pass the module's define import).
 */
export function elementLifecycles(tagName: string, options: { define?: () => unknown } = {}): ElementLifecycles {
  let element: Settable | null = null;
  const onContext = (event: Event) => {
    if (element) apply(element, (event as CustomEvent<ContextChange>).detail ?? {});
  };
  return {
    async bootstrap() {
      await options.define?.();
    },
    async mount(props) {
      await customElements.whenDefined(tagName);
      element = document.createElement(tagName) as Settable;
      apply(element, props);
      containerFor(props).appendChild(element);
      window.addEventListener(CONTEXT_EVENT, onContext);
    },
    async unmount() {
      window.removeEventListener(CONTEXT_EVENT, onContext);
      element?.remove();
      element = null;
    },
    async update(props) {
      if (element) apply(element, props);
    },
  };
}
