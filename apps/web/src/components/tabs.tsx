import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
}

/**
 * A WAI-ARIA tablist: arrow keys, Home and End move between tabs, only the selected tab is in the tab
 * order, and the panel is labelled by its tab.
 */
export function Tabs<K extends string>(props: {
  label: string;
  idPrefix: string;
  items: TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  children: ReactNode;
}) {
  const { items, selected, onSelect, idPrefix } = props;
  const refs = useRef(new Map<K, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = items.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const key = items[target]!.key;
    onSelect(key);
    refs.current.get(key)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label}>
        {items.map((item, index) => (
          <button
            key={item.key}
            ref={(el) => {
              if (el) refs.current.set(item.key, el);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${item.key}`}
            aria-selected={item.key === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={item.key === selected ? 0 : -1}
            onClick={() => onSelect(item.key)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${selected}`} tabIndex={0}>
        {props.children}
      </div>
    </div>
  );
}
