// Placeholder wired into the router; replaced by the page.
export function FeaturesPage({ teamId }: { teamId: string }) {
  return (
    <main className="page" id="main">
      <h1>{teamId}</h1>
    </main>
  );
}
