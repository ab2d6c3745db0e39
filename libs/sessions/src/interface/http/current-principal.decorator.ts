import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../../sessions.contract.js';
import { UnauthenticatedError } from '../../domain/sessions.errors.js';
import type { AuthenticatedRequest } from './auth.guard.js';

/** The caller established by `AuthGuard`; a route without the guard has none and answers 401. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
});
