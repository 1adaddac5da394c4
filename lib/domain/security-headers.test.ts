import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const base = { nonce: 'bm9uY2UtMTIz', https: false, development: false };

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('securityHeaders', () => {
  it('allows scripts only by the request nonce, and no eval in a production build', () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get('script-src')).toBe("'self' 'nonce-bm9uY2UtMTIz' 'strict-dynamic'");
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy({ ...base, development: true })).toContain("'unsafe-eval'");
  });

  it('keeps everything else to this site, with what styles and chart exports need', () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('img-src')).toBe("'self' blob: data:");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
  });

  it('denies device features and allows only this site to write the clipboard', () => {
    const policy = securityHeaders(base)['Permissions-Policy'];
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(policy).toContain(`${feature}=()`);
    expect(policy).toContain('clipboard-write=(self)');
  });

  it('sends HSTS and upgrades requests only when the site is https', () => {
    expect(securityHeaders(base)).not.toHaveProperty('Strict-Transport-Security');
    expect(contentSecurityPolicy(base)).not.toContain('upgrade-insecure-requests');
    const https = securityHeaders({ ...base, https: true });
    expect(https['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests');
  });

  it('keeps the framing, sniffing and referrer headers', () => {
    expect(securityHeaders(base)).toMatchObject({
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
  });
});
