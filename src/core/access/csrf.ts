/** The header a browser session's writes carry its CSRF token in (the server checks it; the web app sends it). */
export const CSRF_HEADER = "x-csrf-token";
