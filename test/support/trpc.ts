/** Minimal tRPC-over-HTTP calls, the way a host in any language would make them. */
export async function query(base: string, name: string, token: string, input?: unknown): Promise<any> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${base}/trpc/${name}${search}`, { headers: { authorization: `Bearer ${token}` } });
  return unwrap(name, res);
}

export async function mutate(base: string, name: string, token: string, input: unknown): Promise<any> {
  const body = input instanceof FormData ? input : JSON.stringify(input);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (!(input instanceof FormData)) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/trpc/${name}`, { method: 'POST', headers, body });
  return unwrap(name, res);
}

async function unwrap(name: string, res: Response): Promise<any> {
  const body = (await res.json()) as any;
  if (body.error) throw Object.assign(new Error(`${name}: ${body.error.message}`), { status: res.status, licheng: body.error.data?.licheng });
  return body.result.data;
}
