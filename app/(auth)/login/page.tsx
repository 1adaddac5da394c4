import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { LoginForm } from '@/components/auth/login-form';
import { BrandMark } from '@/components/shell/brand-mark';
import { verifySession } from '@/lib/auth/session';
import { safeCallbackPath } from '@/lib/domain/callback-path';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const params = await searchParams;
  const next = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  if (await verifySession()) redirect(next);
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand" style={{ color: 'var(--text)', padding: 0, marginBottom: '1rem' }}>
          <BrandMark /> Stacklens
        </div>
        <h1>Sign in</h1>
        <p className="muted">Where value accrues across the AI stack.</p>
        <LoginForm next={next} />
      </div>
    </main>
  );
}
