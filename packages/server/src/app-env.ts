/** Hono variables the Licheng app sets on every request. */
export type AppEnv = { Variables: Record<string, never> };
