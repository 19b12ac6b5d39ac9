import { useId } from 'preact/hooks';

/** A labelled multi-line text field. */
export function TextArea({
  label,
  value,
  onInput,
  rows = 3,
}: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
}) {
  const id = useId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}
