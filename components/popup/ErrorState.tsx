import { useI18n } from '@/components/shared/use-i18n';

/** The catalogue failed validation: say what to do, and what to tell the maintainer. */
export function ErrorState({ problems }: { problems: string[] }) {
  const { t } = useI18n();
  return (
    <section className="state state-error" role="alert">
      <h2>{t('errorTitle')}</h2>
      <p>{t('errorHint', problems[0] ?? '')}</p>
    </section>
  );
}
