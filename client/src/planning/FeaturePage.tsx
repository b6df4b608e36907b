// Placeholder wired into the router; replaced by the page.
export function FeaturePage({ featureId }: { featureId: string }) {
  return (
    <main className="page" id="main">
      <h1>{featureId}</h1>
    </main>
  );
}
