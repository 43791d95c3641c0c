import { Link } from 'react-router';
import { type UnitChange, useAdminErrandTypes, useExternalLinks, useUnitChanges } from '../api/admin-queries.ts';
import { useStaffProfile } from '../api/staff-queries.ts';
import type { MessageId } from '../i18n/messages.ts';
import { type TextValues, useLocalized, useText } from '../i18n/use-text.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ChangeLogEntries, SERVICE_ACTIONS } from './change-log-entries.tsx';
import styles from './change-log-page.module.css';

const ACTIONS: Readonly<Record<string, MessageId>> = {
  'errand-type-settings-changed': 'changes.action.errandTypeSettingsChanged',
  'custom-errand-type-created': 'changes.action.customErrandTypeCreated',
  'custom-errand-type-definition-changed': 'changes.action.customErrandTypeDefinitionChanged',
  'custom-errand-type-retired': 'changes.action.customErrandTypeRetired',
  'unit-settings-changed': 'changes.action.unitSettingsChanged',
  'external-link-added': 'changes.action.externalLinkAdded',
  'external-link-changed': 'changes.action.externalLinkChanged',
  'external-link-removed': 'changes.action.externalLinkRemoved',
  'external-links-reordered': 'changes.action.externalLinksReordered',
  'contact-card-changed': 'changes.action.contactCardChanged',
  'answer-template-added': 'changes.action.answerTemplateAdded',
  'answer-template-changed': 'changes.action.answerTemplateChanged',
  'answer-template-removed': 'changes.action.answerTemplateRemoved',
  'closure-added': 'changes.action.closureAdded',
  'closure-changed': 'changes.action.closureChanged',
  'closure-removed': 'changes.action.closureRemoved',
  ...SERVICE_ACTIONS,
};

/** The same change about a link that has since been removed (its title is gone with it). */
const GONE_LINK: Readonly<Record<string, MessageId>> = {
  'external-link-added': 'changes.action.externalLinkAddedGone',
  'external-link-changed': 'changes.action.externalLinkChangedGone',
};

/** `/personal/administration/andringslogg`: who changed the unit's e-services and when, newest first. */
export function ChangeLogPage() {
  const t = useText();
  const localized = useLocalized();
  const profile = useStaffProfile();
  const unitHsaId = profile.data?.unit?.hsaId ?? '';
  const changes = useUnitChanges(unitHsaId);
  // Names for the ids the log holds; the log itself keeps ids, so a renamed type reads as it is now.
  const types = useAdminErrandTypes(unitHsaId);
  const links = useExternalLinks(unitHsaId);
  useDocumentTitle(t('common.documentTitle', { page: t('changes.heading') }));
  const typeNames = new Map((types.data?.items ?? []).map((type) => [type.id, localized(type.name)]));
  const linkTitles = new Map((links.data?.items ?? []).map((link) => [link.id, localized(link.title)]));

  const describe = (change: UnitChange): string => {
    const linkTitle = change.linkId ? linkTitles.get(change.linkId) : undefined;
    const gone = change.linkId && linkTitle === undefined ? GONE_LINK[change.action] : undefined;
    const id = gone ?? ACTIONS[change.action];
    const values: TextValues = {
      type: change.errandType ? (typeNames.get(change.errandType) ?? change.errandType) : '',
      link: linkTitle ?? '',
      action: change.action,
    };
    return id ? t(id, values) : t('changes.action.other', values);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/personal/administration">{t('admin.back')}</Link>
      </p>
      <h1>{t('changes.heading')}</h1>
      <p>{t('changes.lead')}</p>
      <ChangeLogEntries
        changes={changes}
        pending={profile.isPending}
        keyOf={(change) => `${change.at}-${change.staffHsaId}-${change.action}-${change.errandType}-${change.linkId}`}
        details={(change) => (
          <>
            <p className={styles.what}>{describe(change)}</p>
            {change.formVersion === null ? null : <p>{t('changes.formVersion', { version: change.formVersion })}</p>}
          </>
        )}
      />
    </>
  );
}
