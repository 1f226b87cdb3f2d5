/** All text under a node, including the shadow roots of nested elements (what a user reads). */
export function deepText(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
    const shadow = (n as Element).shadowRoot;
    if (shadow) walk(shadow);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return text.replace(/\s+/g, ' ');
}
