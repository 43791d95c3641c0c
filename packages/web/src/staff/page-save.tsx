import type { UnitSettingsPage, UnitSettingsPageBody } from '@kontakta/contract';
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useSaveUnitSettingsPage } from '../api/admin-queries.ts';
import { LeavePageBlockerDialog } from '../forms/leave-page-dialog.tsx';
import { useUnsavedChanges } from '../forms/unsaved-changes.ts';
import { useText } from '../i18n/use-text.ts';
import { focusLater } from '../ui/focus-later.ts';

// The unit settings page has several parts (its settings, the contact card, the links) and one
// save: each part keeps its own fields and errors and says whether it has changes; the page's one
// button sends the parts that changed in ONE request, which the server saves in one transaction,
// all or nothing. The result is said beside the button, and leaving with changes not saved asks
// first.

/** What a part gives the page's save. */
export type SavePart = Readonly<{
  /** The part's share of the request (`{ settings }`), or undefined when the page's own checks refused it (the part shows why). */
  body: () => UnitSettingsPageBody | undefined;
  /** The save went through: the page as it now is. */
  saved: (page: UnitSettingsPage) => void;
  /** The save was refused: the part shows its own problems; true when there were some. */
  refused: (error: unknown) => boolean;
}>;

type Part = SavePart & Readonly<{ dirty: boolean }>;
type Registry = Readonly<{ set: (id: string, part: Part | undefined) => void }>;

const PageSaveContext = createContext<Registry | undefined>(undefined);

/** A part of the page's one save. */
export function useSavePart(id: string, dirty: boolean, part: SavePart): void {
  const registry = useContext(PageSaveContext);
  const current = useRef(part);
  current.current = part;
  useEffect(() => {
    registry?.set(id, {
      dirty,
      body: () => current.current.body(),
      saved: (page) => current.current.saved(page),
      refused: (error) => current.current.refused(error),
    });
  }, [registry, id, dirty]);
  useEffect(() => () => registry?.set(id, undefined), [registry, id]);
}

export function PageSaveForm({
  id,
  unitHsaId,
  labelledBy,
  children,
}: Readonly<{ id: string; unitHsaId: string; labelledBy?: string; children: ReactNode }>) {
  const t = useText();
  const mutation = useSaveUnitSettingsPage(unitHsaId);
  const [parts, setParts] = useState<ReadonlyMap<string, Part>>(new Map());
  const [result, setResult] = useState<{ text: string; error: boolean } | undefined>();
  const set = useCallback((partId: string, part: Part | undefined) => {
    setParts((current) => {
      const next = new Map(current);
      if (part) next.set(partId, part);
      else next.delete(partId);
      return next;
    });
    if (part?.dirty) setResult(undefined);
  }, []);
  const registry = useMemo(() => ({ set }), [set]);
  const dirty = [...parts.values()].some((part) => part.dirty);
  const leaving = useUnsavedChanges(dirty);
  const resultId = `${id}-result`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(undefined);
    const changed = [...parts.values()].filter((part) => part.dirty);
    if (changed.length === 0) {
      setResult({ text: t('admin.nothingChanged'), error: false });
      focusLater(resultId);
      return;
    }
    // Every changed part checks itself first, so all of the page's own refusals show at once.
    const bodies = changed.map((part) => part.body());
    const body: UnitSettingsPageBody = {};
    for (const share of bodies) Object.assign(body, share);
    if (bodies.some((share) => share === undefined)) {
      setResult({ text: t('admin.pageNotSaved'), error: true });
      return;
    }
    try {
      const page = await mutation.mutateAsync(body);
      for (const part of parts.values()) part.saved(page);
      setResult({ text: t('admin.pageSaved'), error: false });
      focusLater(resultId);
    } catch (error) {
      // Each part shows the problems named under it; anything else is said beside the button.
      const shown = changed.map((part) => part.refused(error)).some(Boolean);
      setResult({ text: t(shown ? 'admin.pageNotSaved' : 'admin.saveFailed'), error: true });
      if (!shown) focusLater(resultId);
    }
  };

  return (
    <PageSaveContext.Provider value={registry}>
      <form id={id} noValidate aria-labelledby={labelledBy} onSubmit={(event) => void submit(event)}>
        {children}
        <div className="actions">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t('admin.saveAll')}
          </button>
          {dirty ? <span className="muted">{t('admin.unsaved')}</span> : null}
        </div>
        <div role="status">
          {result ? (
            <p id={resultId} tabIndex={-1} className={`notice ${result.error ? 'notice-error' : 'notice-success'}`}>
              {result.text}
            </p>
          ) : null}
        </div>
      </form>
      <LeavePageBlockerDialog blocker={leaving.blocker} />
    </PageSaveContext.Provider>
  );
}
