import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://localhost:8000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // Workspace packages from their TypeScript sources. Not through the `source` export condition:
  // react-aria's packages publish one too, and their sources are not meant to be bundled.
  resolve: {
    alias: {
      '@itsm/contracts': fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': server,
      '/healthz': server,
      '/readyz': server,
      '/metrics': server,
    },
  },
});
