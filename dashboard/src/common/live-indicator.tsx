import { text, type Language } from './i18n';
import { useLiveData, type LiveState } from './live-data-version';
import { useNavigation } from './navigation';

function describe(language: Language, live: LiveState): string {
  if (live.status === 'connecting') return text(language, 'liveConnecting');
  if (live.status === 'offline') return text(language, 'liveOffline');
  if (live.updatedAt === null) return text(language, 'live');
  const time = live.updatedAt.toLocaleTimeString(language === 'en' ? 'en-GB' : 'ja-JP');
  return `${text(language, 'liveUpdated')} ${time}`;
}

/**
 * Whether the page follows the data live, and when it last updated. A polite live region: a screen reader
 * says "updated 10:42:07" when the numbers on the page changed, without interrupting.
 */
export function LiveIndicator() {
  const { language } = useNavigation();
  const live = useLiveData();
  return (
    <p class="live-status" data-status={live.status} role="status" aria-live="polite">
      {describe(language, live)}
    </p>
  );
}
