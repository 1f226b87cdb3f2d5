import { defineConfig } from 'vite';
import { widgets } from './widgets.ts';

/**
 * The embeddable widgets (docs/embedding.md): one ES module per element in dist/widgets/,
 * `licheng-<name>.js`, that a host page loads with one `<script type="module">` tag. Lit, the
 * client and the shared elements go to shared chunks (dist/widgets/chunks/) that the widget
 * files import, so several widgets on one page load them once. The standalone server serves
 * them at /widgets/ (with CORS, so pages on other origins may load them).
 */
export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/widgets',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    modulePreload: false,
    reportCompressedSize: true,
    rollupOptions: {
      input: Object.fromEntries(widgets.map((w) => [w.tag, `src/widgets/${w.tag}.ts`])),
      // The entries only define elements; keep each entry file its own (shared code is imported).
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: (chunk) => {
          const offices = new Set(chunk.moduleIds.map((id) => /[\\/]plugins[\\/]([^\\/]+)[\\/]src[\\/]web[\\/]/.exec(id)?.[1]).filter(Boolean));
          return `chunks/${offices.size === 1 ? `office-${[...offices][0]}` : 'shared'}-[hash].js`;
        },
      },
      treeshake: {
        // As in vite.config.ts: @licheng/core is pure rules.
        moduleSideEffects: (id: string) => (/[\\/]packages[\\/]core[\\/]src[\\/]/.test(id) ? false : undefined),
      },
    },
  },
});
