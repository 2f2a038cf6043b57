/** The sign-in token lives in sessionStorage: gone when the tab closes, never in a cookie. */
const TOKEN_KEY = 'a64.admin.token';

/** @returns {string|null} */
export function readToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** @param {string|null} token */
export function writeToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage can be disabled by the browser; the session then lasts until the page reloads.
  }
}
