import { useI18n } from '@/components/shared/use-i18n';

/** Said plainly when no service matches the need directly: what follows is only the closest. */
export function WeakMatchNote() {
  const { t } = useI18n();
  return <p className="weak-match-note">{t('noDirectMatch')}</p>;
}
