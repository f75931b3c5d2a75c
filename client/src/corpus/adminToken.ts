/**
 * The admin token (ADMIN_TOKEN on the server) that adding and removing reports need: asked
 * once, kept for the browser tab's session (sessionStorage: gone when the tab closes, never
 * sent anywhere but the Authorization header of those two requests), forgotten when the
 * server refuses it.
 */
const KEY = 'congress-graph.adminToken';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage refused (private mode): the token lives as long as the page.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
