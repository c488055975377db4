/**
 * Bearer tokens for the privacy webhook when `PRIVACY_WEBHOOK_SCOPE` is set (Power Automate and
 * Logic Apps check Entra tokens rather than HMACs). The provider caches the token and renews it
 * near expiry, so deliveries do not each ask Entra; `renew()` drops the cache after a 401 or 403.
 */
import { DefaultAzureCredential, getBearerTokenProvider, type TokenCredential } from '@azure/identity';

export interface TokenSource {
  token(): Promise<string>;
  /** The receiver refused the token: the next `token()` fetches a new one. */
  renew(): void;
}

export function entraTokenSource(scope: string, newCredential: () => TokenCredential = () => new DefaultAzureCredential()): TokenSource {
  // A fresh credential, not just a fresh provider: most credentials keep their own token cache and
  // would hand back the very token the receiver just refused. (Managed identity caches process-wide
  // in MSAL and offers no bypass: there the retry goes with the same token until it nears expiry.)
  const providerFor = () => getBearerTokenProvider(newCredential(), scope);
  let provider = providerFor();
  return {
    token: () => provider(),
    renew() {
      provider = providerFor();
    },
  };
}
