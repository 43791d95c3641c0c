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
import { LeavePageBlockerDialog } from '../forms/leave-page-dialog.tsx';
import { useUnsavedChanges } from '../forms/unsaved-changes.ts';
import { useText } from '../i18n/use-text.ts';
import { focusLater } from '../ui/focus-later.ts';

// An administration page with several parts (the unit's settings, its contact card) has one save:
// each part keeps its own fields and errors and says whether it has changes; the page's one button
// saves the parts that changed, says the result beside the button, and leaving with changes not
// saved asks first.

type Part = Readonly<{ dirty: boolean; save: () => Promise<boolean> }>;
type Registry = Readonly<{ set: (id: string, part: Part | undefined) => void }>;

const PageSaveContext = createContext<Registry | undefined>(undefined);

/** A part of the page's one save: `save` saves it and shows its own errors, true when it saved. */
export function useSavePart(id: string, dirty: boolean, save: () => Promise<boolean>): void {
  const registry = useContext(PageSaveContext);
  const saveNow = useRef(save);
  saveNow.current = save;
  useEffect(() => {
    registry?.set(id, { dirty, save: () => saveNow.current() });
  }, [registry, id, dirty]);
  useEffect(() => () => registry?.set(id, undefined), [registry, id]);
}

export function PageSaveForm({
  id,
  labelledBy,
  children,
}: Readonly<{ id: string; labelledBy?: string; children: ReactNode }>) {
  const t = useText();
  const [parts, setParts] = useState<ReadonlyMap<string, Part>>(new Map());
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<string | undefined>();
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
      setResult(t('admin.nothingChanged'));
      focusLater(resultId);
      return;
    }
    setPending(true);
    try {
      // One after the other: a part that fails shows its own error summary, which takes focus.
      const saved = [];
      for (const part of changed) saved.push(await part.save());
      if (saved.every(Boolean)) {
        setResult(t('admin.pageSaved'));
        focusLater(resultId);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <PageSaveContext.Provider value={registry}>
      <form id={id} noValidate aria-labelledby={labelledBy} onSubmit={(event) => void submit(event)}>
        {children}
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {t('admin.saveAll')}
          </button>
          {dirty ? <span className="muted">{t('admin.unsaved')}</span> : null}
        </div>
        <div role="status">
          {result ? (
            <p id={resultId} tabIndex={-1} className="notice notice-success">
              {result}
            </p>
          ) : null}
        </div>
      </form>
      <LeavePageBlockerDialog blocker={leaving.blocker} />
    </PageSaveContext.Provider>
  );
}
