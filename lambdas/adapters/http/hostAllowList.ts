/**
 * The `host:port` pairs a fetch may reach even though they resolve to a non-public address (a local
 * sample server, a test server), and for which hops of a fetch:
 * - `hosts` (`--allow-host`): the first request of a fetch, and redirects as long as every hop so
 *   far went to an allowed host. A redirect from any other host into it is guarded like any
 *   address, so a public feed or page cannot bounce a fetch into a local service.
 * - `viaRedirect` (`--allow-host-redirects`): any hop, also a redirect from any other host.
 */
export interface HostPort {
  readonly hostname: string;
  readonly port: string | number | null;
  readonly protocol: string;
}

export class HostAllowList {
  private readonly any: ReadonlySet<string>;
  private readonly viaRedirect: ReadonlySet<string>;

  constructor(hosts: readonly string[], viaRedirect: readonly string[] = []) {
    this.viaRedirect = new Set(viaRedirect.map((h) => h.toLowerCase()));
    this.any = new Set([...hosts.map((h) => h.toLowerCase()), ...this.viaRedirect]);
  }

  /** Whether the host is listed at all (whatever the hop). */
  has(u: HostPort): boolean {
    return matches(this.any, u);
  }

  /**
   * Whether a hop to `u` may skip the guard, given whether every earlier hop of the same fetch did
   * (true for the first request, which has no earlier hop).
   */
  allowsHop(u: HostPort, earlierHopsAllowed: boolean): boolean {
    return (earlierHopsAllowed && matches(this.any, u)) || matches(this.viaRedirect, u);
  }
}

function matches(list: ReadonlySet<string>, u: HostPort): boolean {
  const port = String(u.port || (u.protocol === 'https:' ? 443 : 80));
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return list.has(`${host}:${port}`) || list.has(`[${host}]:${port}`);
}
