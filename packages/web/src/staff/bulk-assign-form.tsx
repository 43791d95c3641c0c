import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-client.ts';
import { type Caregiver, useAssignErrands } from '../api/staff-queries.ts';
import { useText } from '../i18n/use-text.ts';
import styles from './bulk-assign-form.module.css';

/** Routes the errands chosen in the table to one caregiver; says how many went and how many did not. */
export function BulkAssignForm({
  selected,
  caregivers,
  onDone,
}: Readonly<{ selected: readonly string[]; caregivers: readonly Caregiver[]; onDone: () => void }>) {
  const t = useText();
  const assign = useAssignErrands();
  const [caregiver, setCaregiver] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (selected.length === 0) return setMessage({ text: t('staff.bulk.none'), error: true });
    if (!caregiver) return setMessage({ text: t('staff.bulk.missing'), error: true });
    try {
      const result = await assign.mutateAsync({ errandIds: [...selected], caregiverHsaId: caregiver });
      const assigned = result.items.filter((item) => item.outcome === 'assigned').length;
      const name = caregivers.find((c) => c.hsaId === caregiver)?.name ?? caregiver;
      setMessage({ text: t('staff.bulk.done', { assigned, refused: result.items.length - assigned, name }) });
      onDone();
    } catch (error) {
      setMessage({
        text: t(error instanceof ApiError && error.status === 409 ? 'staff.errand.conflict' : 'staff.errand.failed'),
        error: true,
      });
    }
  };

  return (
    <form noValidate className={styles.bar} aria-labelledby="bulk-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="bulk-heading" className={styles.heading}>
        {t('staff.bulk.heading')}
      </h2>
      <p className={styles.count}>{t('staff.bulk.selected', { count: selected.length })}</p>
      <div className="field">
        <label htmlFor="bulk-caregiver">{t('staff.bulk.caregiver')}</label>
        <select
          id="bulk-caregiver"
          className="input"
          value={caregiver}
          onChange={(event) => setCaregiver(event.target.value)}
        >
          <option value="">{t('form.choose')}</option>
          {caregivers.map((c) => (
            <option key={c.hsaId} value={c.hsaId}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={assign.isPending}>
        {t('staff.bulk.submit')}
      </button>
      <div role="status" className={styles.result}>
        {message ? (
          <p className={message.error ? 'notice notice-error' : 'notice notice-success'}>{message.text}</p>
        ) : null}
      </div>
    </form>
  );
}
