import { useState } from 'react';
import { focusLater } from '../ui/focus-later.ts';
import { type UnsavedChangesGuard, useUnsavedChanges } from './unsaved-changes.ts';

// An administration page that keeps a list of items (closures, standard answers) with one form:
// a new item, or the one chosen for a change, and one save. The form has changes while it differs
// from where it started, and leaving the page then asks first. Removing an item is asked about in
// a dialog. Focus goes where the eye is: the form's heading when an item is chosen, back to the
// item's own button when the change or the removal is called off. Choosing another item while the
// form has changes asks first, like leaving the page: staying keeps what is typed.

export type ItemEditor<Item, Draft> = Readonly<{
  /** The item being changed; undefined while the form is for a new one. */
  editing: Item | undefined;
  draft: Draft;
  set: (next: Partial<Draft>) => void;
  dirty: boolean;
  leaving: UnsavedChangesGuard;
  /** Opens the item in the form; while the form has changes, asks first (`switchingTo`). */
  edit: (item: Item) => void;
  /** The item chosen while the form had changes: the question whether to leave them is open. */
  switchingTo: Item | undefined;
  /** Keep the form as it is (the question's safe answer). */
  stay: () => void;
  /** Leave the changes and open the chosen item. */
  leave: () => void;
  /** Back to a new item, without saving. */
  stopEditing: () => void;
  /** After a save, or when the item being changed was removed: an empty form for a new item. */
  reset: () => void;
  /** The item whose removal is being asked about. */
  removing: Item | undefined;
  askToRemove: (item: Item) => void;
  /** The removal was not wanted. */
  keep: () => void;
  /** The removal was answered (done or failed): the dialog closes. */
  removalDone: () => void;
}>;

export function useItemEditor<Item extends { id: string }, Draft>(options: {
  empty: Draft;
  draftOf: (item: Item) => Draft;
  /** An item's buttons have the ids `${idPrefix}-${id}-edit` and `${idPrefix}-${id}-remove`. */
  idPrefix: string;
  formHeadingId: string;
  /** When an item is chosen: clear the form's problems and the page's last notice. */
  onEdit?: () => void;
}): ItemEditor<Item, Draft> {
  const { empty, draftOf, idPrefix, formHeadingId, onEdit } = options;
  const [editing, setEditing] = useState<Item | undefined>();
  const [draft, setDraft] = useState<Draft>(empty);
  const [removing, setRemoving] = useState<Item | undefined>();
  const [switchingTo, setSwitchingTo] = useState<Item | undefined>();
  const dirty = JSON.stringify(draft) !== JSON.stringify(editing ? draftOf(editing) : empty);
  const leaving = useUnsavedChanges(dirty);
  const reset = () => {
    setEditing(undefined);
    setDraft(empty);
  };
  const open = (item: Item) => {
    setEditing(item);
    setDraft(draftOf(item));
    onEdit?.();
    focusLater(formHeadingId);
  };
  return {
    editing,
    draft,
    set: (next) => setDraft((current) => ({ ...current, ...next })),
    dirty,
    leaving,
    edit: (item) => {
      if (!dirty) open(item);
      // The item already in the form: its changes stay; only the eye goes there.
      else if (item.id === editing?.id) focusLater(formHeadingId);
      else setSwitchingTo(item);
    },
    switchingTo,
    stay: () => {
      const item = switchingTo;
      setSwitchingTo(undefined);
      if (item) focusLater(`${idPrefix}-${item.id}-edit`);
    },
    leave: () => {
      const item = switchingTo;
      setSwitchingTo(undefined);
      if (item) open(item);
    },
    stopEditing: () => {
      const item = editing;
      reset();
      if (item) focusLater(`${idPrefix}-${item.id}-edit`);
    },
    reset,
    removing,
    askToRemove: setRemoving,
    keep: () => {
      const item = removing;
      setRemoving(undefined);
      if (item) focusLater(`${idPrefix}-${item.id}-remove`);
    },
    removalDone: () => setRemoving(undefined),
  };
}
