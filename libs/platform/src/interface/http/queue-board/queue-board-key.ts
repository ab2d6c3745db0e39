import { StaticBearerKey } from '../static-bearer-key.js';

const BASIC = /^Basic ([A-Za-z0-9+/=]+)$/i;

/**
 * The administration key, as `Authorization: Bearer {key}` (scripts, like every administration
 * endpoint) or as the password of HTTP Basic (browsers, which cannot send a bearer header; the user
 * name is not checked). The comparison is StaticBearerKey's: hashed first, constant time.
 */
export class QueueBoardKey {
  private readonly key: StaticBearerKey;

  constructor(key: string) {
    this.key = new StaticBearerKey(key);
  }

  matches(authorization: unknown): boolean {
    if (typeof authorization !== 'string') return false;
    if (this.key.matches(authorization)) return true;
    const basic = BASIC.exec(authorization.trim());
    if (!basic) return false;
    const credentials = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = credentials.indexOf(':');
    return colon >= 0 && this.key.isKey(credentials.slice(colon + 1));
  }
}
