type Named = { first_name: string; last_name: string };

/** "Claire Rousseau". */
export const fullName = (user: Named) => `${user.first_name} ${user.last_name}`.trim();

/** The full name, or the username when the names are empty. */
export const userLabel = (user: Named & { username: string }) => fullName(user) || user.username;
