import type { StaffErrandDetail, StaffProfile } from '@kontakta/contract';
import type { StaffErrandCommand } from '@kontakta/domain';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-client.ts';
import {
  type Caregiver,
  useAssignErrand,
  useCaregivers,
  useReopenErrand,
  useTakeBackErrand,
} from '../api/staff-queries.ts';
import { useText } from '../i18n/use-text.ts';
import styles from './staff-errand-page.module.css';

type RoutingProps = Readonly<{
  errand: StaffErrandDetail;
  me: StaffProfile;
  isReceiver: boolean;
  /** The commands the state machine accepts from `me` on this errand now. */
  allowed: ReadonlySet<StaffErrandCommand>;
  onDone: (notice: { text: string; error?: boolean }) => void;
}>;

/** Assign, reassign, take back and reopen (receivers); closing is its own form (close-errand-form.tsx). */
export function Routing({ errand, me, isReceiver, allowed, onDone }: RoutingProps) {
  const t = useText();
  const caregivers = useCaregivers(isReceiver);
  const assign = useAssignErrand(errand.id);
  const takeBack = useTakeBackErrand(errand.id);
  const reopen = useReopenErrand(errand.id);
  const [chosen, setChosen] = useState('');
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const names = new Map((caregivers.data?.items ?? []).map((caregiver: Caregiver) => [caregiver.hsaId, caregiver]));
  const assigneeName = (hsaId: string) => (hsaId === me.hsaId ? t('staff.you') : (names.get(hsaId)?.name ?? hsaId));
  const failed = (error: unknown) =>
    onDone({
      text: t(error instanceof ApiError && error.status === 409 ? 'staff.errand.conflict' : 'staff.errand.failed'),
      error: true,
    });

  // A receiver who is also a caregiver here may take the errand themselves.
  const mayTakeSelf = allowed.has('assign') && me.roles.includes('caregiver') && errand.assignedTo !== me.hsaId;
  const takeSelf = async () => {
    try {
      await assign.mutateAsync(me.hsaId);
      onDone({ text: t('staff.errand.takeSelf.done') });
    } catch (error) {
      failed(error);
    }
  };

  const submitAssign = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setChoiceError(t('staff.errand.assign.missing'));
      return;
    }
    setChoiceError(undefined);
    try {
      await assign.mutateAsync(chosen);
      onDone({ text: t('staff.errand.assign.done', { name: assigneeName(chosen) }) });
      setChosen('');
    } catch (error) {
      failed(error);
    }
  };

  return (
    <section className={styles.routing} aria-labelledby="errand-routing">
      <h2 id="errand-routing">{t('staff.errand.routing')}</h2>
      <p>
        {errand.assignedTo
          ? t('staff.errands.assignedTo', { name: assigneeName(errand.assignedTo) })
          : t('staff.errands.unassigned')}
      </p>
      {allowed.has('assign') ? (
        <form noValidate className={styles.assign} onSubmit={(event) => void submitAssign(event)}>
          <div className={`field ${choiceError ? 'has-error' : ''}`}>
            <label htmlFor="assign-caregiver">
              {t(errand.assignedTo ? 'staff.errand.assign.otherLabel' : 'staff.errand.assign.label')}
            </label>
            {choiceError ? (
              <p id="assign-caregiver-error" className="field-error">
                <span className="visually-hidden">{t('form.errorPrefix')} </span>
                {choiceError}
              </p>
            ) : null}
            <select
              id="assign-caregiver"
              className="input"
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
              aria-describedby={choiceError ? 'assign-caregiver-error' : undefined}
              aria-invalid={choiceError ? true : undefined}
            >
              <option value="">{t('form.choose')}</option>
              {(caregivers.data?.items ?? [])
                .filter((caregiver) => caregiver.hsaId !== errand.assignedTo)
                .map((caregiver) => (
                  <option key={caregiver.hsaId} value={caregiver.hsaId}>
                    {caregiver.name} ({caregiver.profession ? t(professionId(caregiver.profession)) : ''})
                  </option>
                ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={assign.isPending}>
              {t(errand.assignedTo ? 'staff.errand.assign.reassign' : 'staff.errand.assign.submit')}
            </button>
            {allowed.has('take-back') ? (
              <button
                type="button"
                className="button button-secondary"
                disabled={takeBack.isPending}
                onClick={() =>
                  takeBack.mutate(undefined, {
                    onSuccess: () => onDone({ text: t('staff.errand.takeBack.done') }),
                    onError: failed,
                  })
                }
              >
                {t('staff.errand.takeBack')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {mayTakeSelf ? (
        <button type="button" className="button" disabled={assign.isPending} onClick={() => void takeSelf()}>
          {t('staff.errand.takeSelf')}
        </button>
      ) : null}
      {allowed.has('reopen') ? (
        <button
          type="button"
          className="button"
          disabled={reopen.isPending}
          onClick={() =>
            reopen.mutate(undefined, {
              onSuccess: () => onDone({ text: t('staff.errand.reopen.done') }),
              onError: failed,
            })
          }
        >
          {t('staff.errand.reopen')}
        </button>
      ) : null}
    </section>
  );
}

const PROFESSIONS = {
  doctor: 'profession.doctor',
  nurse: 'profession.nurse',
  'assistant-nurse': 'profession.assistantNurse',
  midwife: 'profession.midwife',
  psychologist: 'profession.psychologist',
  counsellor: 'profession.counsellor',
  physiotherapist: 'profession.physiotherapist',
  'occupational-therapist': 'profession.occupationalTherapist',
} as const;

function professionId(profession: string) {
  return profession in PROFESSIONS ? PROFESSIONS[profession as keyof typeof PROFESSIONS] : 'profession.other';
}
