import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import vuetify from 'vite-plugin-vuetify'

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed renderer can only load a CommonJS preload, and its `require` knows only
      // 'electron' (and a few others): bundle every dependency into it instead of externalizing.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    resolve: {
      alias: {
        '@renderer': resolve('src/renderer/src'),
        '@shared': resolve('src/shared'),
      },
    },
    // vue-i18n 11 compiles messages just in time to an AST (no eval, no new Function), so the full
    // build runs under `script-src 'self'`. These flags drop the legacy API and the devtools hooks.
    define: {
      __VUE_I18N_FULL_INSTALL__: 'true',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
      __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
    },
    build: {
      // Smaller and faster to parse at start-up (electron-vite does not minify by default).
      minify: true,
      // One local bundle for a desktop window: size warnings for web downloads do not apply.
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [vue(), vuetify({ autoImport: true })],
  },
})
