import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../../read/request-context';
import { ForbiddenError, UnauthenticatedError } from '../../core/errors';
import type { Role } from '../../core/viewer';

/**
 * type-graphql's check for `@Authorized(...roles)`: passes when the viewer's role is listed. It throws the
 * service's own errors (rather than returning false) so the client gets UNAUTHENTICATED when it sent no
 * token and FORBIDDEN when its role is too weak, each with a message naming the roles needed.
 */
export const roleAuthChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const { viewer } = context;
  if (roles.length === 0 || roles.includes(viewer.role)) return true;
  if (viewer.subject === null) {
    throw new UnauthenticatedError(`Sign in first: this needs a token with role ${roles.join(' or ')}.`);
  }
  throw new ForbiddenError(`Role ${viewer.role} may not do this: it needs role ${roles.join(' or ')}.`);
};
