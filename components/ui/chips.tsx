/** Chosen items, each with a remove button that names what it removes. */
export function Chips({
  items,
  onRemove,
  removeLabel,
  testId,
}: {
  items: ReadonlyArray<{ id: string; label: string }>;
  onRemove: (id: string) => void;
  removeLabel: (label: string) => string;
  testId?: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul class="chips" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} class="chip">
          <span>{item.label}</span>
          <button
            type="button"
            class="chip-remove"
            aria-label={removeLabel(item.label)}
            onClick={() => onRemove(item.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
