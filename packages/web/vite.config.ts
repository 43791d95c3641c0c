import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite only reads a default export from its config file, so this file is the exception to "named exports".
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's Content-Security-Policy is `default-src 'self'`: a small asset inlined as a
    // data: URI would be blocked, so every asset is emitted as its own file.
    assetsInlineLimit: 0,
    // Every browser we support has native modulepreload; the polyfill would only add code.
    modulePreload: { polyfill: false },
  },
  server: {
    // `vite dev` serves the UI with hot reload; API calls go to a locally running `kontakta serve`.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
