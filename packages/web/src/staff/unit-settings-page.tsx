import { Link } from 'react-router';
import { useStaffProfile } from '../api/staff-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { LoadError, Loading } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AnswerTemplatesSection } from './answer-templates-section.tsx';
import { ClosuresSection } from './closures-section.tsx';
import { ContactCardSection } from './contact-card-section.tsx';
import { ExternalLinksSection } from './external-links-section.tsx';
import { UnitSettingsSection } from './unit-settings-section.tsx';

/** `/personal/administration/installningar`: the unit's own settings, its contact card and its links. */
export function UnitSettingsPage() {
  const t = useText();
  const profile = useStaffProfile();
  useDocumentTitle(t('common.documentTitle', { page: t('unitSettings.heading') }));
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const unitHsaId = profile.data.unit?.hsaId ?? '';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/personal/administration">{t('admin.back')}</Link>
      </p>
      <h1>{t('unitSettings.heading')}</h1>
      <p>{t('unitSettings.lead')}</p>
      <UnitSettingsSection unitHsaId={unitHsaId} />
      <ContactCardSection unitHsaId={unitHsaId} />
      <ClosuresSection unitHsaId={unitHsaId} />
      <ExternalLinksSection unitHsaId={unitHsaId} />
      <AnswerTemplatesSection unitHsaId={unitHsaId} />
    </>
  );
}
