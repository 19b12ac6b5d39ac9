interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'search' | 'date' | 'url';
  required?: boolean;
  placeholder?: string;
  list?: string;
  name?: string;
  autoFocus?: boolean;
  id?: string;
}

/** A labelled text input: every control has a visible label (accessibility and translation). */
export function Field({ label, value, onInput, ...rest }: FieldProps) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <input
        {...rest}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}
