import { a11ySnapshot } from '@web/test-runner-commands';

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}

/** Roles a teacher moves to and acts on in the queue: their accessible names must tell them apart. */
const CONTROL_ROLES = new Set(['button', 'link', 'checkbox', 'combobox', 'option', 'menuitemradio']);

/** The queue's controls as Chromium's accessibility tree names them (`role: name`), shadow roots and aria-label included. */
export async function queueControlNames(): Promise<string[]> {
  const names: string[] = [];
  const walk = (node: AxNode) => {
    if (node.role && CONTROL_ROLES.has(node.role)) names.push(`${node.role}: ${node.name ?? ''}`);
    node.children?.forEach(walk);
  };
  walk((await a11ySnapshot({})) as unknown as AxNode);
  return names;
}
