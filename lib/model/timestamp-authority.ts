import { z } from 'zod';
import { parseCertificate, pemCertificates } from '../evidence/timestamp/x509';

/** An http(s) URL without credentials: what a TSA may be (many are plain http; tokens are signed). */
export const tsaUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
      );
    } catch {
      return false;
    }
  }, 'an http:// or https:// address without a user name or password');

/** PEM text holding at least one readable X.509 certificate (and at most a few). */
export const caPemSchema = z
  .string()
  .max(64_000)
  .refine((pem) => {
    try {
      const certs = pemCertificates(pem);
      certs.forEach(parseCertificate);
      return certs.length >= 1 && certs.length <= 8;
    } catch {
      return false;
    }
  }, 'not a PEM certificate (-----BEGIN CERTIFICATE----- …)');

/** A time-stamping authority the monitor configured: where, what it is called, which CA to trust. */
export const timestampAuthoritySchema = z
  .object({ url: tsaUrlSchema, name: z.string().min(1).max(200), caPem: caPemSchema })
  .strict();
export type TimestampAuthority = z.infer<typeof timestampAuthoritySchema>;

/** At most this many TSAs: each export asks every one of them. */
export const MAX_TSAS = 5;
