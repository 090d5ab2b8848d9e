import type { ReactNode, Ref } from 'react';

interface PageHeaderProps {
  title: string;
  /** One line under the title: what this page is for. */
  description?: string;
  /** Buttons for the page as a whole (e.g. "Invite"), at the right, wrapping below on phones. */
  actions?: ReactNode;
  /** For pages that move focus to their title after an action removed the focused control. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The top of every settings page: its title, a one-line description and its main actions. */
export function PageHeader({ title, description, actions, headingRef }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header-text">
        <h1 ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
          {title}
        </h1>
        {description && <p className="page-description">{description}</p>}
      </div>
      {actions && <div className="page-header-actions">{actions}</div>}
    </div>
  );
}
