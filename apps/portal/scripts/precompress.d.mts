/** Writes `.br` and `.gz` copies beside each compressible file under `dist` (see precompress.mjs). */
export function precompress(dist: string): { count: number; before: number; after: number };
