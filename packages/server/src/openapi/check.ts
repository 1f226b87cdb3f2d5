import type { OpenApiDocument } from './document.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Follows a local JSON pointer (`#/components/schemas/X`) in `doc`; undefined when it leads nowhere. */
function resolve(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of pointer.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Structural problems of a generated document that a schema check does not catch: duplicate
 * operationIds, `$ref`s that do not resolve, path parameters not declared, unknown security schemes.
 * Empty when the document is sound.
 */
export function checkOpenApiDocument(doc: OpenApiDocument): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const schemes = Object.keys(((doc.components as Record<string, unknown> | undefined)?.securitySchemes ?? {}) as object);
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) problems.push(`path ${path} does not start with /`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = op.operationId as string | undefined;
      if (!id) problems.push(`${where} has no operationId`);
      else if (ids.has(id)) problems.push(`operationId ${id} of ${where} repeats ${ids.get(id)}`);
      else ids.set(id, where);
      const declared = ((op.parameters ?? []) as { name: string; in: string }[]).filter((p) => p.in === 'path').map((p) => p.name);
      for (const name of templated) if (!declared.includes(name!)) problems.push(`${where} does not declare path parameter ${name}`);
      if (!op.responses || Object.keys(op.responses).length === 0) problems.push(`${where} has no responses`);
      for (const requirement of (op.security ?? []) as Record<string, unknown>[]) {
        for (const scheme of Object.keys(requirement)) if (!schemes.includes(scheme)) problems.push(`${where} uses unknown security scheme ${scheme}`);
      }
    }
  }
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && resolve(doc, value) === undefined) problems.push(`${at}: $ref ${value} does not resolve`);
      else walk(value, `${at}/${escape(key)}`);
    }
  };
  walk(doc, '#');
  return problems;
}
