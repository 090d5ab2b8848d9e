import { Skeleton } from './Skeleton';

/** The whole screen while the account (or the page's code) is on its way. */
export function LoadingScreen() {
  return (
    <div className="loading-screen">
      <Skeleton lines={4} />
    </div>
  );
}
