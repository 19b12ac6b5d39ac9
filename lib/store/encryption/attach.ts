import type { DalelDb } from '../db';
import { CipherSession } from './cipher-session';
import { encryptionMiddleware } from './middleware';

/** Installs the encryption middleware on a database before it opens; returns its session. */
export function attachCipher(db: DalelDb, session = new CipherSession()): CipherSession {
  if (db.isOpen()) throw new Error('attachCipher must run before the database opens');
  db.use(encryptionMiddleware(session));
  return session;
}
