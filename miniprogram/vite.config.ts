import { defineConfig } from 'vite'
import uniModule from '@dcloudio/vite-plugin-uni'

// The plugin ships as CommonJS; under ESM its default export may be nested once more.
const uni = ((uniModule as unknown as { default?: typeof uniModule }).default ?? uniModule) as typeof uniModule

export default defineConfig({
  plugins: [uni()],
  server: {
    // Local H5 development against a backend on 8080.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/auth': 'http://127.0.0.1:8080',
    },
  },
})
