import type { ReactNode } from 'react';
import { useDocumentTitle } from '../app/page-title';

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle([title]);
  return (
    <main className="auth">
      <div className="auth__card">
        <p className="auth__brand">
          <span className="brand-mark" aria-hidden="true" />
          opsboard
        </p>
        <h1 className="auth__title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
