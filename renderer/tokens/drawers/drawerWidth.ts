/** Add and Edit show the same form: one width, so switching between them does not jump. */
export const TOKEN_DRAWER_WIDTH = 560;
