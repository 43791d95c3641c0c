import { Link } from 'react-router';
import { useStaffProfile } from '../api/staff-queries.ts';
import { useText } from '../i18n/use-text.ts';
import { Loading, PageLoadError } from '../ui/page-state.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ContactCardSection } from './contact-card-section.tsx';
import { ExternalLinksSection } from './external-links-section.tsx';
import { PageSaveForm } from './page-save.tsx';
import { UnitSettingsSection } from './unit-settings-section.tsx';

/** `/personal/administration/installningar`: the unit's own settings, its contact card and its links. */
export function UnitSettingsPage() {
  const t = useText();
  const profile = useStaffProfile();
  useDocumentTitle(t('common.documentTitle', { page: t('unitSettings.heading') }));
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <PageLoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const unitHsaId = profile.data.unit?.hsaId ?? '';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/personal/administration">{t('admin.back')}</Link>
      </p>
      <h1 id="unit-settings-page-heading">{t('unitSettings.heading')}</h1>
      <p>{t('unitSettings.lead')}</p>
      {/* The settings, the contact card and its links are saved with one button, in one request. */}
      <PageSaveForm id="unit-settings-form" unitHsaId={unitHsaId} labelledBy="unit-settings-page-heading">
        <UnitSettingsSection unitHsaId={unitHsaId} />
        <ContactCardSection unitHsaId={unitHsaId} />
        <ExternalLinksSection unitHsaId={unitHsaId} />
      </PageSaveForm>
    </>
  );
}
