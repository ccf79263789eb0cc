/** The `host:port` option parser of the commands that let the HTTP guard through to a local server. */
import { InvalidArgumentError } from 'commander';

/** A `host:port` (`[v6]:port` for an IPv6 address). */
const HOST_PORT = /^[^\s:/@[\]]+:\d{1,5}$|^\[[0-9a-fA-F:.]+\]:\d{1,5}$/;

/** A repeatable `--option host:port`, collected into a list. */
export const hostPortList =
  (name: string) =>
  (v: string, prev: string[] = []): string[] => {
    if (!HOST_PORT.test(v.trim())) {
      throw new InvalidArgumentError(`${name} takes host:port (e.g. 127.0.0.1:8080 or [::1]:8080), got "${v}"`);
    }
    return [...prev, v.trim()];
  };
