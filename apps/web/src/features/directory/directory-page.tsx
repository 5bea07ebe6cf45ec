import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { ErrorMessage } from '../../components/error-message.js';
import { useConsoleI18n } from '../../lib/i18n/console.js';
import { ApiTokenCard } from './api-token-card.js';
import { useDirectorySearch } from './directory-api.js';

/** "Clientes": search a company or contact by name or e-mail (seed 001 §1.3). */
export function DirectoryPage() {
  const { t } = useConsoleI18n();
  const [q, setQ] = useState('');
  const search = useDirectorySearch(q);
  const ready = q.trim().length >= 2;
  return (
    <section aria-labelledby="directory-title">
      <h1 id="directory-title">{t('directory.title')}</h1>
      <p className="actions">
        <Link to={paths.newContact}>{t('contact.new')}</Link> · <Link to={paths.newCompany}>{t('company.new')}</Link>
      </p>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="field">
        <label htmlFor="directory-q">{t('directory.search')}</label>
        <input id="directory-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} autoComplete="off" />
      </form>
      {!ready ? (
        <p>{t('directory.hint')}</p>
      ) : search.error ? (
        <ErrorMessage error={search.error} />
      ) : !search.data ? (
        <p role="status">{t('list.loading')}</p>
      ) : (
        <>
          <h2>{t('directory.companies')}</h2>
          {search.data.companies.length === 0 ? (
            <p>{t('directory.none')}</p>
          ) : (
            <ul aria-label={t('directory.companies')} className="plain-list">
              {search.data.companies.map((company) => (
                <li key={company.id}>
                  <Link to={paths.directoryCompany(company.id)}>{company.name}</Link>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('directory.contacts')}</h2>
          {search.data.contacts.length === 0 ? (
            <p>{t('directory.none')}</p>
          ) : (
            <ul aria-label={t('directory.contacts')} className="plain-list">
              {search.data.contacts.map((contact) => (
                <li key={contact.id}>
                  <Link to={paths.directoryContact(contact.id)}>{contact.name}</Link> — {contact.email}
                  {contact.companyName ? ` (${contact.companyName})` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <ApiTokenCard />
    </section>
  );
}
