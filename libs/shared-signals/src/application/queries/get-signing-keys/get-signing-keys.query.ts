import { Query } from '@nestjs/cqrs';
import type { SigningKeyView } from '../../ports/signing-keys.port.js';

/** The public JWK Set (`jwks` true) or the keys' life cycle for the administrator. */
export class GetJwks extends Query<{ keys: Array<Record<string, unknown>> }> {}
export class ListSigningKeys extends Query<SigningKeyView[]> {}
