import { defineConfig } from 'vite';

/**
 * The viewer: sources in client/, built into client/dist, which the Express app
 * serves at GET /. `npm run dev` serves it with hot reload and proxies /api to
 * the running server (API_URL, default http://127.0.0.1:3000).
 */
export default defineConfig({
  root: 'client',
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1' },
});
