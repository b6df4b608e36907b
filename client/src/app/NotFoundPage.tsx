import { Link } from './Link';
import { useDocumentTitle } from './page-title';
import { paths } from './routes';

export function NotFoundPage() {
  useDocumentTitle(['Page not found']);
  return (
    <main className="page" id="main">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to={paths.teams()}>Go to your teams</Link>.
      </p>
    </main>
  );
}
