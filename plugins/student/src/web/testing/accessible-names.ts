import { a11ySnapshot } from '@web/test-runner-commands';

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}

/** Roles a user moves to and acts on: their accessible names must tell them apart. */
const CONTROL_ROLES = new Set(['button', 'link', 'textbox', 'combobox', 'checkbox', 'radio', 'switch', 'menuitem', 'tab']);

/**
 * The controls of the page as the browser's accessibility tree names them, as `role: name`.
 * Read from Chromium itself, so shadow roots, aria-label and aria-labelledby count as a screen
 * reader hears them; hidden parts are not in the tree.
 */
export async function controlNames(): Promise<string[]> {
  const tree = (await a11ySnapshot({})) as unknown as AxNode;
  const names: string[] = [];
  const walk = (node: AxNode) => {
    if (node.role && CONTROL_ROLES.has(node.role)) names.push(`${node.role}: ${node.name ?? ''}`);
    node.children?.forEach(walk);
  };
  walk(tree);
  return names;
}

/** The names that more than one control on the page shares. */
export async function repeatedControlNames(): Promise<string[]> {
  const names = await controlNames();
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}
