import { withVisibleControls } from './visible-controls.ts';

/**
 * Text someone else wrote (form answers, replies): isolated in `<bdi dir="auto">`, so it cannot
 * reorder what stands around it, and with any bidirectional control shown as a visible mark
 * instead of obeyed.
 */
export function UserText({ text, className }: Readonly<{ text: string; className?: string | undefined }>) {
  return (
    <bdi dir="auto" className={className}>
      {withVisibleControls(text).map((part, index) =>
        part.kind === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text have no other identity.
          <span key={index}>{part.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <mark key={index} className="bidi-control" title={`${part.codePoint}`}>
            {`[${part.codePoint}]`}
          </mark>
        ),
      )}
    </bdi>
  );
}
