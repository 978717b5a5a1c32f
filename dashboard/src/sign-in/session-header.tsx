import { text, type Language } from '../common/i18n';
import { signIn, signOut } from './session';
import { useSession } from './use-session';

/**
 * The header's sign-in corner: who is signed in (subject, role, departments) and sign-out, or sign-in with
 * what went wrong last time (an expired token, a refused or forged answer from the provider).
 */
export function SessionHeader(props: { readonly language: Language }) {
  const { language } = props;
  const session = useSession();
  if (session.status === 'unavailable') return null;
  if (session.status === 'signed-in') {
    const { identity } = session;
    return (
      <div class="session" aria-label={text(language, 'signedInAs')} role="group">
        <span class="who">
          <span class="subject">{identity.subject}</span> · {text(language, 'role')}:{' '}
          <span class="role">{identity.role}</span>
          {identity.departments.length === 0 ? null : (
            <>
              {' '}
              · <span class="departments">{identity.departments.join('、')}</span>
            </>
          )}
        </span>
        <button type="button" onClick={() => void signOut()}>
          {text(language, 'signOut')}
        </button>
      </div>
    );
  }
  const problem = session.status === 'signed-out' ? session.problem : undefined;
  return (
    <div class="session">
      {problem === undefined ? null : (
        <p role="alert" class="error">
          {problem === 'expired' ? text(language, 'signInExpired') : `${text(language, 'signInFailed')}: ${problem}`}
        </p>
      )}
      <button type="button" disabled={session.status === 'working'} onClick={() => void signIn()}>
        {session.status === 'working' ? text(language, 'signingIn') : text(language, 'signIn')}
      </button>
    </div>
  );
}
