import { useId } from 'preact/hooks';

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
  name?: string;
}

/** A labelled `<select>` (label tied by `for`: the chosen option is not part of its name). */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  name,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <select
        id={id}
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
    </div>
  );
}
