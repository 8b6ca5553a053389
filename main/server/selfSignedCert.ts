// The certificate of the station's LAN server: made on this machine the first time LAN access
// is switched on (there is no CA in a police station's closed network), kept in the data folder,
// and shown by its SHA-256 fingerprint on the desk so that a supervisor can check what their
// browser shows before trusting it.
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { bitString, boolean, explicit, integer, octetString, oid, sequence, set, time, tlv, utf8 } from './der.js';

const ECDSA_SHA256 = '1.2.840.10045.4.3.2';

export interface TlsIdentity { readonly key: string; readonly cert: string; readonly fingerprint: string }

function subjectAltNames(names: readonly string[]): Buffer {
  const entries = names.map((n) => {
    const family = isIP(n);
    if (family === 4) return tlv(0x87, Buffer.from(n.split('.').map(Number)));
    return tlv(0x82, Buffer.from(n, 'ascii'));
  });
  return sequence(...entries);
}

export function makeSelfSignedCert(commonName: string, names: readonly string[], now = Date.now(), days = 3650): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const algorithm = sequence(oid(ECDSA_SHA256));
  const name = sequence(set(sequence(oid('2.5.4.3'), utf8(commonName))));
  const extensions = sequence(
    sequence(oid('2.5.29.17'), octetString(subjectAltNames(names))),
    sequence(oid('2.5.29.19'), boolean(true), octetString(sequence())),
    sequence(oid('2.5.29.15'), boolean(true), octetString(tlv(0x03, Buffer.from([0x07, 0x80])))),
    sequence(oid('2.5.29.37'), octetString(sequence(oid('1.3.6.1.5.5.7.3.1')))),
  );
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(Buffer.concat([Buffer.from([0x01]), randomBytes(15)])),
    algorithm, name,
    sequence(time(now - 60_000), time(now + days * 86_400_000)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, extensions),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, algorithm, bitString(signature));
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), cert: pem };
}

/** The station's TLS identity in `dir`, made on first use (the county's too, under its own name). */
export function tlsIdentity(dir: string, names: readonly string[], commonName = '办案区管控工作站'): TlsIdentity {
  const keyPath = join(dir, 'lan-key.pem');
  const certPath = join(dir, 'lan-cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const made = makeSelfSignedCert(commonName, names);
    writeFileSync(keyPath, made.key, { mode: 0o600 });
    writeFileSync(certPath, made.cert);
  }
  const key = readFileSync(keyPath, 'utf8');
  const cert = readFileSync(certPath, 'utf8');
  createPrivateKey(key); // a damaged key file is an error now, not at the first connection
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}
