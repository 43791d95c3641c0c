import type { ItemNoun } from '@kontakta/domain';
import { useText } from '../i18n/use-text.ts';
import type { BuilderField } from './form-builder-model.ts';
import { TextPair } from './form-builder-text.tsx';

// A repeating group's own settings: what one item is called (for the citizen's "Lägg till
// läkemedel" and the messages "högst 10 läkemedel"). How many items go in the limits, its
// questions in a list of their own (form-builder-list.tsx).

export function GroupSettings({
  id,
  itemNoun,
  onChange,
}: Readonly<{ id: string; itemNoun: BuilderField['itemNoun']; onChange: (itemNoun: ItemNoun) => void }>) {
  const t = useText();
  return (
    <>
      <p className="hint">{t('builder.group.lead')}</p>
      <TextPair
        id={`${id}-noun-one`}
        label={t('builder.group.nounOne')}
        value={itemNoun.one}
        onChange={(one) => onChange({ ...itemNoun, one })}
      />
      <TextPair
        id={`${id}-noun-other`}
        label={t('builder.group.nounOther')}
        value={itemNoun.other}
        onChange={(other) => onChange({ ...itemNoun, other })}
      />
    </>
  );
}
