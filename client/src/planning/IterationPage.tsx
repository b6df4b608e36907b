// Placeholder wired into the router; replaced by the page.
export function IterationPage({ iterationId }: { iterationId: string }) {
  return (
    <main className="page" id="main">
      <h1>{iterationId}</h1>
    </main>
  );
}
