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
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <textarea
        rows={rows}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </label>
  );
}
