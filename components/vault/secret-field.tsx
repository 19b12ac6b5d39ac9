interface SecretFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  name?: string;
}

/** A labelled passphrase input (never echoed, never spell-checked or sent to a cloud service). */
export function SecretField({ label, value, onInput, ...rest }: SecretFieldProps) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <input
        {...rest}
        type="password"
        spellcheck={false}
        required
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}
