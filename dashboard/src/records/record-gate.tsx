import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { DepartmentLabel } from '../common/department-order';
import { fiscalYearLabel } from '../common/fiscal-year';
import { text, type Language } from '../common/i18n';
import { recordText } from './record-texts';
import { signIn } from '../sign-in/session';
import { useSession } from '../sign-in/use-session';
import { mayRecord } from './may-record';
import { takeNotice } from './write-notice';

/**
 * What stands where the forms go: how to enable sign-in (none configured), a sign-in button (signed out), a
 * note that this person may not record here (viewer, or editor of another department), or the forms, given
 * the token to send. The outcome of the last write is announced above, after the view read its data again.
 */
export function RecordGate(props: {
  readonly subjectId: string;
  readonly departments: readonly DepartmentLabel[];
  readonly language: Language;
  readonly children: (accessToken: string) => ComponentChildren;
}) {
  const { language } = props;
  const session = useSession();
  const [notice] = useState(() => takeNotice(props.subjectId));
  const announcement =
    notice === null ? null : (
      <p role="status" class="write-notice" tabIndex={-1}>
        {recordText(language, notice.action)}
        {notice.fiscalYear === null ? '' : `: ${fiscalYearLabel(notice.fiscalYear)}`}
        {notice.revision === null ? '' : `, ${recordText(language, 'revisionShort')} ${notice.revision}`}
      </p>
    );
  if (session.status === 'unavailable') {
    return <p class="read-only-note">{recordText(language, 'readOnly')}</p>;
  }
  if (session.status === 'working') return <p role="status">{text(language, 'signingIn')}</p>;
  if (session.status === 'signed-out') {
    return (
      <div class="sign-in-prompt">
        <p>{recordText(language, 'signInToRecord')}</p>
        <button type="button" onClick={() => void signIn()}>
          {text(language, 'signIn')}
        </button>
      </div>
    );
  }
  if (!mayRecord(session.identity, props.departments)) {
    return (
      <>
        {announcement}
        <p class="not-allowed">{recordText(language, 'notAllowedToRecord')}</p>
      </>
    );
  }
  return (
    <section class="record-panel" aria-label={recordText(language, 'recordResult')}>
      {announcement}
      {props.children(session.accessToken)}
    </section>
  );
}
