import { Query } from '@nestjs/cqrs';

export interface ResetTokenView {
  email: string;
  expiresAt: string;
}

/** Reads only: a mail scanner that follows the link spends nothing (docs/guarantees.md#reset-links-are-single-use-and-stay-secret). */
export class VerifyResetToken extends Query<ResetTokenView> {
  constructor(readonly token: string) {
    super();
  }
}
