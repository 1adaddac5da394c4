import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { env } from '../env/index.js';
import { clientAddress } from '../domain/throttle';
import { ThrottledError } from '../errors';
import { SESSION_MAX_AGE_S, SIGN_IN_REFUSED, signIn } from '../dal/sign-in';
import { endSession } from '../dal/sessions';
import { authSecret } from './auth-secret';

/**
 * next-auth 4 configuration. Together with ./session.ts this is all that knows about next-auth, so moving
 * to v5 touches two files. The JWT carries only the session id (`sid`); the session row decides.
 */
const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1024) });

function header(headers: unknown, name: string): string | null {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(SIGN_IN_REFUSED);
          const ip = clientAddress(header(req.headers, 'x-forwarded-for'), env().TRUST_PROXY);
          try {
            const result = await signIn({ ...parsed.data, ip, userAgent: header(req.headers, 'user-agent') });
            // next-auth shows the thrown message to the sign-in form; it is the same for every refusal.
            if (!result) throw new Error(SIGN_IN_REFUSED);
            return { id: result.userId, email: result.email, name: result.name, sid: result.sessionId };
          } catch (error) {
            if (error instanceof ThrottledError) throw new Error(error.message);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && 'sid' in user) token.sid = user.sid as string;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await endSession(token.sid);
      },
    },
  };
}
