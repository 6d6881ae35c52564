import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built by the Maven build into target/web, which it packages as the application's static
// resources; relative asset paths keep the pages working under a servlet context path.
export default defineConfig({
  base: './',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../../target/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.js']
  }
})
