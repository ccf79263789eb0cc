/** Log port for local runs: JSON lines on stderr at or above a level, so stdout stays the report. */
import type { Log } from '../pipeline/ports';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export function consoleLog(
  level: LogLevel = 'warn',
  write: (line: string) => void = (l) => process.stderr.write(l),
): Log {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (message: string, extra?: Record<string, unknown>) => {
    if (LEVELS[lvl] < LEVELS[level]) return;
    write(JSON.stringify({ level: lvl.toUpperCase(), message, timestamp: new Date().toISOString(), ...extra }) + '\n');
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
