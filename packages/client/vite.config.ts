import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on its own port; the SPA reaches it through this proxy so the
// browser sees one origin, as in production where the server serves the built SPA.
const API_ORIGIN = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: API_ORIGIN, ws: true },
      // Picture uploads (POST /avatar) and the pictures themselves (/avatars/…).
      '/avatar': API_ORIGIN,
      // The audit log's export (a download the session cookie authenticates).
      '/audit-export': API_ORIGIN,
      '/healthz': API_ORIGIN,
      '/readyz': API_ORIGIN,
    },
  },
  build: {
    outDir: 'dist',
    // The budget is 200 KB of initial JS gzipped (the build prints it); Vite's warning counts
    // minified bytes, so it is raised to stay quiet while the gzipped size is within budget.
    chunkSizeWarningLimit: 700,
  },
});
