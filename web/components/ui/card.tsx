import type { ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  /** Right of the title (actions). */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Heading level of the title; h2 by default. */
  as?: 'h2' | 'h3';
  id?: string;
}

export function Card({ title, actions, children, className = '', as: Heading = 'h2', id }: CardProps) {
  return (
    <section
      id={id}
      aria-labelledby={title && id ? `${id}-title` : undefined}
      className={`rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6 ${className}`}
    >
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          {title && (
            <Heading id={id ? `${id}-title` : undefined} className="text-lg font-semibold text-slate-900">
              {title}
            </Heading>
          )}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
