import { HostAllowList } from '../../../../lambdas/adapters/http/hostAllowList';

const at = (href: string) => new URL(href);

describe('HostAllowList', () => {
  const list = new HostAllowList(['127.0.0.1:8080', '[::1]:9000'], ['localhost:4000']);

  it('knows every listed host:port, default ports included, in any case', () => {
    expect(list.has(at('http://127.0.0.1:8080/feed'))).toBe(true);
    expect(list.has(at('http://[::1]:9000/'))).toBe(true);
    expect(list.has(at('http://LOCALHOST:4000/'))).toBe(true);
    expect(list.has(at('http://127.0.0.1/'))).toBe(false);
    expect(list.has(at('https://127.0.0.1:8080/'))).toBe(true);
    expect(new HostAllowList(['example.test:443']).has(at('https://example.test/'))).toBe(true);
    expect(new HostAllowList(['example.test:443']).has(at('http://example.test/'))).toBe(false);
  });

  it('--allow-host: the first request and redirects while every hop went to allowed hosts', () => {
    expect(list.allowsHop(at('http://127.0.0.1:8080/a'), true)).toBe(true);
    expect(list.allowsHop(at('http://[::1]:9000/b'), true)).toBe(true);
  });

  it('--allow-host: not a redirect that came from a host outside the list', () => {
    expect(list.allowsHop(at('http://127.0.0.1:8080/a'), false)).toBe(false);
    expect(list.allowsHop(at('http://[::1]:9000/b'), false)).toBe(false);
  });

  it('--allow-host-redirects: any hop, also a redirect from elsewhere', () => {
    expect(list.allowsHop(at('http://localhost:4000/x'), true)).toBe(true);
    expect(list.allowsHop(at('http://localhost:4000/x'), false)).toBe(true);
  });

  it('an unlisted host is never allowed', () => {
    expect(list.allowsHop(at('http://10.0.0.1:8080/'), true)).toBe(false);
    expect(list.allowsHop(at('http://127.0.0.1:8081/'), true)).toBe(false);
  });
});
