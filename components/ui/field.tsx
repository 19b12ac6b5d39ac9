import { useId } from 'preact/hooks';

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
}

/**
 * A labelled text input: every control has a visible label (accessibility and translation),
 * tied by `for`, so its accessible name is exactly the label.
 */
export function Field({ label, value, onInput, ...rest }: FieldProps) {
  const id = useId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <input
        {...rest}
        id={id}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}
