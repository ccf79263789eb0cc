// Preloaded (`node -r`) into the processes bench:startup times: at exit, writes the process's CPU
// time (user + system, ms) to file descriptor 3 when the bench opened it. CPU time is what a start
// costs; wall time on a shared machine adds however long the process waited for a core.
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  try {
    writeSync(3, `${(user + system) / 1000}\n`);
  } catch {
    // not started by the bench: nothing to report to
  }
});
