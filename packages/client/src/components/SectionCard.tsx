import { Pencil } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface SectionCardProps {
  /** The id of the title, for lists and tables inside that it names. */
  titleId: string;
  title: string;
  /** One line under the title: what this section is for. */
  description?: string;
  /** One line with the current value ("ada@example.com · Confirmed"). */
  summary?: ReactNode;
  /** Buttons at the top right of the card. */
  actions?: ReactNode;
  /** For sections that move focus to their title after an action removed the focused control. */
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
}

/** One settings concern in a card: title, description, the current value, then its content. */
export function SectionCard(props: SectionCardProps) {
  const { titleId, title, description, summary, actions, headingRef, children } = props;
  return (
    <section className="section-card" aria-labelledby={titleId}>
      <div className="section-card-header">
        <div className="section-card-heading">
          <h2 id={titleId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
            {title}
          </h2>
          {description && <p className="section-card-description">{description}</p>}
        </div>
        {actions && <div className="section-card-actions">{actions}</div>}
      </div>
      {summary && <div className="section-card-summary">{summary}</div>}
      {children}
    </section>
  );
}

interface EditableSectionProps extends Omit<SectionCardProps, 'children' | 'actions'> {
  /** The form, given `close` for its Cancel button and for after it saved. */
  children: (close: () => void) => ReactNode;
  /** Open the form from the start (e.g. the value is missing and adding it is the point). */
  initiallyEditing?: boolean;
}

/**
 * A section whose value is changed by a form that opens in place: closed, it shows the summary
 * and an Edit button; open, the form (focus on its first field), and closing it returns focus to
 * Edit.
 */
export function EditableSection({
  children,
  initiallyEditing = false,
  ...card
}: EditableSectionProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const [editing, setEditing] = useState(initiallyEditing);
  const editRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const toggled = useRef(false);

  useEffect(() => {
    if (!toggled.current) return; // not on the first render: focus stays where the page put it
    if (editing) {
      bodyRef.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    } else {
      editRef.current?.focus();
    }
  }, [editing]);

  function toggle(next: boolean) {
    toggled.current = true;
    setEditing(next);
  }

  return (
    <SectionCard
      {...card}
      summary={card.summary}
      actions={
        !editing && (
          <button
            ref={editRef}
            type="button"
            className="button-quiet"
            aria-label={t('app.editSection', { section: card.title })}
            aria-expanded={false}
            aria-controls={bodyId}
            onClick={() => toggle(true)}
          >
            <Pencil aria-hidden="true" size={16} />
            {t('app.edit')}
          </button>
        )
      }
    >
      <div id={bodyId} ref={bodyRef} className="section-card-body" hidden={!editing}>
        {editing && children(() => toggle(false))}
      </div>
    </SectionCard>
  );
}
