import type { MeView } from '../queries/get-me/get-me.query.js';

/** The read side of `GET /v1/me`: one lookup on the hot, authenticated path, no aggregate loaded. */
export abstract class MeViewReader {
  abstract read(accountId: string): Promise<MeView | null>;
}
