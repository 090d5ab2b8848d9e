/**
 * Loaded with `--require` into every server the bench starts (Atrium and its peers alike):
 * answers `{ cpuUsage: true }` on the IPC channel with the process's CPU time so far, so the
 * bench can divide a round's CPU time by the round's requests.
 */
process.on('message', (message: { cpuUsage?: boolean } | null) => {
  if (message?.cpuUsage) process.send?.({ cpuUsage: process.cpuUsage() });
});
