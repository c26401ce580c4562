import { useI18n } from '@/components/shared/use-i18n';

/** After a service text shown in Finnish in a Swedish or English popup: " (på finska)". */
export function InFinnishMark({ show }: { show: boolean }) {
  const { t } = useI18n();
  return show ? <span className="in-finnish"> ({t('textInFinnish')})</span> : null;
}
