import { defineConfig } from 'vite';

/**
 * The demo campus portal: a single-spa root config built into dist/, which the standalone
 * server (apps/server) serves at `/` with the API on the same origin. Each office module is a
 * separate chunk loaded on first visit; Lit, the client and the shared elements are shared
 * chunks loaded once.
 */
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: true,
    rollupOptions: {
      // The portal, a plain host page that embeds single elements, and the widget catalogue.
      input: { main: 'index.html', embed: 'embed.html', catalogue: 'catalogue.html' },
      output: {
        // office-<id>-<hash>.js for each office module, so its size is easy to watch (budget ≤ 20 KB gzipped).
        chunkFileNames: (chunk) => {
          const offices = new Set(chunk.moduleIds.map((id) => /[\\/]plugins[\\/]([^\\/]+)[\\/]src[\\/]web[\\/]/.exec(id)?.[1]).filter(Boolean));
          const name = offices.size === 1 ? `office-${[...offices][0]}` : chunk.moduleIds.some((id) => /[\\/]node_modules[\\/]/.test(id)) ? 'shared' : '[name]';
          return `assets/${name}-[hash].js`;
        },
      },
      treeshake: {
        // @licheng/core is pure rules (no module has side effects), but its package.json does not
        // say so; without this, zod schemas the browser never uses would be kept.
        moduleSideEffects: (id: string) => (/[\\/]packages[\\/]core[\\/]src[\\/]/.test(id) ? false : undefined),
      },
    },
  },
  server: {
    // `pnpm --filter @licheng/portal dev` next to a running server (PORT 3000) for the API.
    proxy: Object.fromEntries(['/trpc', '/api', '/health', '/demo'].map((p) => [p, { target: process.env.LICHENG_API ?? 'http://127.0.0.1:3000', changeOrigin: true }])),
  },
});
