import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  plugins: [
    vue({
      // uni-app built-in components render as plain elements under test.
      template: { compilerOptions: { isCustomElement: (tag) => ['view', 'text', 'picker', 'map', 'uni-view', 'rich-text'].includes(tag) } },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: false,
  },
})
