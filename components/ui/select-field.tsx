interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
  name?: string;
}

/** A labelled `<select>`. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  name,
}: SelectFieldProps<V>) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <select
        name={name}
        value={value}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
