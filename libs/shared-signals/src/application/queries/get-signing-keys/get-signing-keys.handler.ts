import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SigningKeys, type SigningKeyView } from '../../ports/signing-keys.port.js';
import { GetJwks, ListSigningKeys } from './get-signing-keys.query.js';

@QueryHandler(GetJwks)
export class GetJwksHandler implements IQueryHandler<GetJwks> {
  constructor(private readonly keys: SigningKeys) {}

  execute(): Promise<{ keys: Array<Record<string, unknown>> }> {
    return this.keys.jwks();
  }
}

@QueryHandler(ListSigningKeys)
export class ListSigningKeysHandler implements IQueryHandler<ListSigningKeys> {
  constructor(private readonly keys: SigningKeys) {}

  execute(): Promise<SigningKeyView[]> {
    return this.keys.list();
  }
}
